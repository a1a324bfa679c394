/**
 * When to ask LeadSquared about a request again. Checks follow what LeadSquared does:
 * soon after submission (most requests finish within seconds of reaching the queue),
 * backing off while one waits In-Queue, and after an ERROR just after LeadSquared's next
 * retry, since nothing can change before it.
 */
const MINUTE = 60_000;

export const FIRST_CHECK_AFTER_MS = 10_000;

const IN_QUEUE_BACKOFF_MS = [0.5, 1, 2, 4, 8, 15, 30].map((minutes) => minutes * MINUTE);

/** LeadSquared retries a system failure after 30 s, 2 m, 7 m, 15 m, 30 m, 45 m, 60 m, 1.5 h, 2 h and 3 h. */
export const LEADSQUARED_RETRY_DELAYS_MS = [0.5, 2, 7, 15, 30, 45, 60, 90, 120, 180].map((minutes) => minutes * MINUTE);

const AFTER_RETRY_MS = 30_000;

/** Room for LeadSquared running its last retry late (a busy queue) before an ERROR counts as final. */
const AFTER_LAST_RETRY_MS = 10 * MINUTE;

/** After a status call that failed (429, 5xx, dropped): just the next poll. */
export const AFTER_UNAVAILABLE_MS = MINUTE;

/** How long past its expiry a request whose status cannot be read is still checked. */
export const EXPIRY_GRACE_MS = 60 * MINUTE;

const RETRY_OFFSETS_MS = LEADSQUARED_RETRY_DELAYS_MS.map((_, retry) =>
	LEADSQUARED_RETRY_DELAYS_MS.slice(0, retry + 1).reduce((sum, delay) => sum + delay, 0),
);

export function firstCheckAt(submittedAt: number): number {
	return submittedAt + FIRST_CHECK_AFTER_MS;
}

/** `inQueueAnswers`: how many checks in a row found the request still In-Queue. */
export function nextCheckWhileInQueue(inQueueAnswers: number, time: number): number {
	return time + IN_QUEUE_BACKOFF_MS[Math.min(Math.max(inQueueAnswers, 1), IN_QUEUE_BACKOFF_MS.length) - 1];
}

/**
 * The next check of a request that answers ERROR, or `undefined` once LeadSquared's last
 * retry is over (the ERROR is final). `firstErrorAt` is when an ERROR was first seen:
 * LeadSquared's first failure was no later, so its k-th retry is due by
 * `firstErrorAt + (sum of the first k delays)`.
 */
export function nextCheckAfterError(firstErrorAt: number, time: number): number | undefined {
	const last = RETRY_OFFSETS_MS.length - 1;
	for (let retry = 0; retry <= last; retry++) {
		const at = firstErrorAt + RETRY_OFFSETS_MS[retry] + (retry === last ? AFTER_LAST_RETRY_MS : AFTER_RETRY_MS);
		if (at > time) return at;
	}
	return undefined;
}
