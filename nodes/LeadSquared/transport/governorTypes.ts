import { sleep } from 'n8n-workflow';

export interface RateLimit {
	calls: number;
	windowMs: number;
}

/** Time as the governor sees it; tests run it on a virtual clock. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
	random(): number;
}

export const realClock: Clock = { now: () => Date.now(), sleep, random: Math.random };

/** A 429 whose text names the account's limit ("API calls exceeded the limit of 10 in 5 second(s)"). */
export interface RefusedUnder {
	refusedUnder: RateLimit;
}

/** What LeadSquared did with a call: counted it against the limit, or refused it with a 429 (not counted). */
export type CallOutcome = 'counted' | 'rateLimited' | RefusedUnder;
