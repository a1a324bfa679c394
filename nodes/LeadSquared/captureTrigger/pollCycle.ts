import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from '../helpers/clock';
import type { Account } from '../transport/account';
import { finishedJson, matchesOutcome } from './finishedItem';
import type { N8nApi } from './n8nApi';
import type { CaptureScope } from './newCaptures';
import { readNewCaptures } from './newCaptures';
import type { TriggerSettings } from './settings';
import { checkBudget, checkInOrder } from './statusCheck';
import { loadState, saveState } from './triggerState';
import { WatchList } from './watchList';

/** The static data of triggers polling right now: a poll that would overlap the previous one is skipped. */
const polling = new WeakSet<object>();

/**
 * One real poll: take in the captures of executions that finished since the last poll and
 * the typed Request IDs, check the requests that are due, and emit those that finished. The
 * new state replaces the old one before the items go to n8n, which stores both together.
 */
export async function pollOnce(
	this: IPollFunctions,
	settings: TriggerSettings,
	account: Account,
	api: N8nApi,
	scope: CaptureScope,
): Promise<INodeExecutionData[][] | null> {
	const key = this.getWorkflowStaticData('node');
	if (polling.has(key)) return null;
	polling.add(key);
	try {
		const time = clock.now();
		const state = loadState.call(this, account.id, scope.credentialId);
		const read = await readNewCaptures(api, state.feed, scope, time);
		if (read.dropped > 0) {
			this.logger.warn(
				`LeadSquared Trigger: stopped following ${read.dropped} n8n execution numbers (unfinished for over 7 days, or past the limits of the trigger's state): captures made in them, if any, are not emitted`,
			);
		}
		const list = new WatchList(state, settings.giveUpAfterMs);
		for (const capture of read.captures) list.watchCapture(capture, time);
		list.watchTyped(settings.requestIds, time);
		list.enforceCap(settings.maxWatched, time);
		list.expireUnreadable(time);

		await checkInOrder.call(this, list.due(time), checkBudget(account, settings.rateShare), (request, result) =>
			list.record(request, result, clock.now()),
		);

		saveState.call(this, list.toState(read.feed));
		const items = list.finished
			.filter((finished) => matchesOutcome(finished.status, settings.outcome))
			.map((finished) => ({ json: finishedJson(finished) }));
		return items.length ? [items] : null;
	} finally {
		polling.delete(key);
	}
}
