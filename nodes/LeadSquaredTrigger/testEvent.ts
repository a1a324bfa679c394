import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { now } from '../LeadSquared/helpers/clock';
import type { Account } from '../LeadSquared/transport/account';
import { finishedJson, matchesOutcome } from './finishedItem';
import { newestEntries } from './journalReader';
import type { TriggerSettings } from './settings';
import { checkInOrder, checkBudget } from './statusCheck';
import { WatchList } from './watchList';

/** How many of the newest requests Fetch Test Event asks LeadSquared about. */
const TEST_EVENT_CANDIDATES = 10;

/**
 * Fetch Test Event: the most recently submitted request that has finished, read from the
 * journal and LeadSquared without saving anything, so the real polls still emit it.
 */
export async function fetchTestEvent(
	this: IPollFunctions,
	settings: TriggerSettings,
	account: Account,
): Promise<INodeExecutionData[][]> {
	const workflowId = String(this.getWorkflow().id ?? '');
	const time = now();
	const list = new WatchList(
		{ accountId: account.id, workflowId, nodeId: this.getNode().id, cursor: {}, typedSeen: [], watched: [], emittedIds: [] },
		settings.giveUpAfterMs,
	);
	const entries = await newestEntries(account.id, TEST_EVENT_CANDIDATES, (entry) => !settings.ownWorkflowOnly || entry.workflowId === workflowId);
	for (const entry of entries) list.watchEntry(entry, time);
	list.watchTyped(settings.requestIds, time);

	if (list.size === 0 && list.finished.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing has been submitted yet', {
			description: `The trigger watches captures made by LeadSquared → Lead → Capture (Async) with this credential on this n8n${settings.ownWorkflowOnly ? ' in this workflow' : ''}, and the Request IDs you enter. Run such a capture (or add a Request ID), then fetch again.`,
		});
	}
	// Newest first (journal entries come newest first; typed IDs after them).
	const order = [...entries.map((entry) => entry.requestId), ...settings.requestIds];
	const candidates = list.due(Number.POSITIVE_INFINITY).slice(0, TEST_EVENT_CANDIDATES);
	await checkInOrder.call(this, candidates, checkBudget(account, settings.rateShare), (request, result) => {
		// An ERROR is shown only once LeadSquared's retries are surely over, counted from submission.
		if (result.kind === 'answer' && result.summary.status === 'error') request.firstErrorAt = request.submittedAt;
		list.record(request, result, time);
	});

	const finished = new Map(list.finished.map((request) => [request.request.requestId, request]));
	const newestId = order.find((id) => finished.has(id) && matchesOutcome(finished.get(id)!.status, settings.outcome));
	const newest = newestId === undefined ? undefined : finished.get(newestId);
	if (!newest) {
		const filtered = list.finished.length > 0;
		throw new NodeOperationError(this.getNode(), filtered ? 'Nothing has finished with this Outcome yet' : 'Nothing has finished yet', {
			description: filtered
				? `Of the ${candidates.length} most recent requests, none that finished matches Outcome "${settings.outcome}".`
				: `The ${candidates.length} most recent requests are still waiting in LeadSquared's queue or being retried. Try again in a minute.`,
		});
	}
	return [[{ json: finishedJson(newest) }]];
}
