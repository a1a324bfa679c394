import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { accountJournalDir, journalRetentionMs } from '../LeadSquared/captureJournal/paths';
import { pruneSegments } from '../LeadSquared/captureJournal/segments';
import { now } from '../LeadSquared/helpers/clock';
import type { Account } from '../LeadSquared/transport/account';
import { finishedJson, matchesOutcome } from './finishedItem';
import { journalEnd, readJournal } from './journalReader';
import type { TriggerSettings } from './settings';
import type { StoredState } from './stateStore';
import { loadState, saveState, statePathFor } from './stateStore';
import { checkBudget, checkInOrder } from './statusCheck';
import { WatchList } from './watchList';

async function freshState(account: Account, workflowId: string, nodeId: string): Promise<StoredState> {
	return {
		version: 0,
		state: {
			accountId: account.id,
			workflowId,
			nodeId,
			cursor: await journalEnd(account.id),
			typedSeen: [],
			watched: [],
			emittedIds: [],
		},
	};
}

/**
 * One real poll: take in newly journaled and typed requests, check the ones due, and
 * emit those that finished. The new state is saved before the items are returned, so a
 * restart at any point either repeats this poll from the old state (nothing emitted yet)
 * or continues after it (its items handed to n8n).
 */
export async function pollOnce(
	this: IPollFunctions,
	settings: TriggerSettings,
	account: Account,
): Promise<INodeExecutionData[][] | null> {
	const workflowId = String(this.getWorkflow().id ?? '');
	const nodeId = this.getNode().id;
	const path = statePathFor(workflowId, nodeId, account.id);
	const stored = (await loadState(path)) ?? (await freshState(account, workflowId, nodeId));
	const list = new WatchList(stored.state, settings.giveUpAfterMs);
	list.changed = stored.version === 0;

	const { entries, cursor } = await readJournal(account.id, stored.state.cursor);
	const time = now();
	for (const entry of entries) {
		if (!settings.ownWorkflowOnly || entry.workflowId === workflowId) list.watchEntry(entry, time);
	}
	const cursorMoved = JSON.stringify(cursor) !== JSON.stringify(stored.state.cursor);
	list.watchTyped(settings.requestIds, time);
	list.enforceCap(settings.maxWatched, time);
	list.expireUnreadable(time);

	await checkInOrder.call(this, list.due(time), checkBudget(account, settings.rateShare), (request, result) =>
		list.record(request, result, now()),
	);

	await pruneSegments(accountJournalDir(account.id), time, journalRetentionMs());
	if (!list.changed && !cursorMoved) return null;
	if (!(await saveState(path, list.toState(cursor), stored.version))) return null;

	const items = list.finished
		.filter((finished) => matchesOutcome(finished.status, settings.outcome))
		.map((finished) => ({ json: finishedJson(finished) }));
	return items.length ? [items] : null;
}
