import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { FeedState } from './executionFeed';
import { EMPTY_FEED } from './executionFeed';
import type { WatchedRequest } from './watchedRequest';

/**
 * What one trigger keeps between polls, in n8n's static data of the trigger node. n8n keeps it
 * in memory between polls and stores it in its database with each emission (n8n 2.x with
 * durable poll cursors: after every poll, in the same transaction as the execution it starts).
 */
export interface TriggerState {
	/** The LeadSquared account and credential it was built for: another one starts afresh. */
	accountId: string;
	credentialId: string;
	feed: FeedState;
	/** Typed Request IDs already taken in, so each is watched once. */
	typedSeen: string[];
	watched: WatchedRequest[];
	/** The latest emitted Request IDs, so a request typed in and also captured is emitted once. */
	emittedIds: string[];
}

const KEY = 'captureRequestFinished';

export function freshState(accountId: string, credentialId: string): TriggerState {
	return { accountId, credentialId, feed: EMPTY_FEED, typedSeen: [], watched: [], emittedIds: [] };
}

export function loadState(this: IPollFunctions, accountId: string, credentialId: string): TriggerState {
	const stored = this.getWorkflowStaticData('node')[KEY] as TriggerState | undefined;
	const usable = stored && stored.accountId === accountId && stored.credentialId === credentialId && Array.isArray(stored.watched);
	return usable ? (JSON.parse(JSON.stringify(stored)) as TriggerState) : freshState(accountId, credentialId);
}

/** Replaces the stored state (a new object, so n8n sees the change and stores it). */
export function saveState(this: IPollFunctions, state: TriggerState): void {
	this.getWorkflowStaticData('node')[KEY] = state as unknown as IDataObject;
}
