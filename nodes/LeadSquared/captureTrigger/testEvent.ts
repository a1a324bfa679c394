import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../helpers/clock';
import type { Account } from '../transport/account';
import type { HarvestedCapture } from './capturesInExecution';
import { capturesInExecution } from './capturesInExecution';
import { finishedJson, matchesOutcome } from './finishedItem';
import type { N8nApi } from './n8nApi';
import { isFinal } from './n8nApi';
import type { CaptureScope } from './newCaptures';
import type { TriggerSettings } from './settings';
import { checkInOrder, checkBudget } from './statusCheck';
import { freshState } from './triggerState';
import { WatchList } from './watchList';

/** How many of the newest requests Fetch Test Event asks LeadSquared about. */
const TEST_EVENT_CANDIDATES = 10;

/** How many of the newest finished executions it reads to find them. */
const EXECUTIONS_SEARCHED = 25;

/** The newest captures made with the credential, newest first. */
async function newestCaptures(api: N8nApi, scope: CaptureScope): Promise<HarvestedCapture[]> {
	const listed = await api.executions({ limit: 100, ...(scope.workflowId ? { workflowId: scope.workflowId } : {}) });
	const captures: HarvestedCapture[] = [];
	for (const summary of listed.data.filter(isFinal).slice(0, EXECUTIONS_SEARCHED)) {
		const execution = await api.execution(summary.id, true);
		if (execution) captures.push(...capturesInExecution(execution, scope.credentialId).reverse());
		if (captures.length >= TEST_EVENT_CANDIDATES) break;
	}
	return captures.slice(0, TEST_EVENT_CANDIDATES);
}

/**
 * Fetch Test Event: the most recently submitted request that has finished, read from n8n's
 * executions and LeadSquared without saving anything, so the real polls still emit it.
 */
export async function fetchTestEvent(
	this: IPollFunctions,
	settings: TriggerSettings,
	account: Account,
	api: N8nApi,
	scope: CaptureScope,
): Promise<INodeExecutionData[][]> {
	const time = clock.now();
	const list = new WatchList(freshState(account.id, scope.credentialId), settings.giveUpAfterMs);
	const entries = await newestCaptures(api, scope);
	for (const entry of entries) list.watchCapture(entry, time);
	list.watchTyped(settings.requestIds, time);

	if (list.size === 0 && list.finished.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing has been submitted yet', {
			description: `The trigger watches captures made by LeadSquared → Lead → Capture (Async) with this credential${settings.ownWorkflowOnly ? ' in this workflow' : ''}, as n8n's saved executions show them, and the Request IDs you enter. Run such a capture (or add a Request ID), then fetch again.`,
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
