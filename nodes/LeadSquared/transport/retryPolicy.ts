/**
 * Which failed calls are sent again. This is the one place that decides it.
 *
 * - `rateLimited` (429): LeadSquared did not act on the call. The rate governor sends it
 *   again itself, by time (for RATE_LIMIT_PATIENCE_WINDOWS), so a 429 that reaches here is final.
 * - `notSent` (the connection was never made): LeadSquared did not act on it; retried.
 * - `serverError` (5xx) and `noAnswer` (connection dropped or timed out after the call
 *   was sent): LeadSquared may already have acted, so only calls that are harmless
 *   to receive twice are retried: reads, an async capture with Search By, which
 *   LeadSquared treats as an upsert, and lead updates and upserts that run no automations.
 *   A notification, Converse message, agent pop-up or a write that creates a record or
 *   fires LeadSquared's webhooks is reported instead, because a repeat would act twice.
 *   A 5xx is a failure only when a gateway answered (502, 503, 504) or its body names no
 *   `MX…` exception: one that does is LeadSquared's decision ("Lead not found", a duplicate,
 *   malformed input), answered again the same way, so never retried (answerKinds.ts).
 * - `dailyQuota` (429 once the account's daily quota is used up): sending again only spends
 *   more of a quota that is gone, so it is never retried.
 */
export type Failure = 'rateLimited' | 'dailyQuota' | 'serverError' | 'notSent' | 'noAnswer';

/** How many rate-limit windows a call refused with 429 is sent again before its item fails (10 minutes at 25 per 5 s). */
export const RATE_LIMIT_PATIENCE_WINDOWS = 120;

const MAX_RETRIES: Record<Failure, number> = {
	rateLimited: 0,
	dailyQuota: 0,
	serverError: 4,
	notSent: 4,
	noAnswer: 4,
};

const BACKOFF_MS = [500, 1_500, 4_000, 8_000];

export function mayRetry(failure: Failure, replaySafe: boolean, retriesSoFar: number): boolean {
	if (retriesSoFar >= MAX_RETRIES[failure]) return false;
	return failure === 'notSent' || replaySafe;
}

export function retryDelayMs(retriesSoFar: number): number {
	return BACKOFF_MS[Math.min(retriesSoFar, BACKOFF_MS.length - 1)];
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function connectionFailure(code: string | undefined): Failure {
	return code !== undefined && NEVER_CONNECTED.has(code) ? 'notSent' : 'noAnswer';
}

/** Explains a 5xx or dropped call that was not repeated. */
export function notRetriedReason(failure: Failure, replaySafe: boolean): string | undefined {
	if (replaySafe || failure === 'rateLimited' || failure === 'dailyQuota' || failure === 'notSent') return undefined;
	return 'Not sent again automatically: LeadSquared may already have acted on it, and a repeat could reach the user or create the lead twice, write another record twice or run LeadSquared’s automations twice.';
}
