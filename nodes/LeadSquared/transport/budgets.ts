import type { Account } from './account';
import type { CallOutcome, RateLimit } from './governorTypes';
import { governorFor } from './governors';
import type { RateGovernor } from './rateGovernor';
import { RATE_LIMIT_PATIENCE_WINDOWS } from './retryPolicy';

/**
 * Whether a bulk call also takes a slot of the account's ordinary budget. The rate-limits page
 * gives bulk APIs a limit of their own and does not say. Counting both is the safe guess: at
 * worst a bulk call waits for an ordinary slot it did not need; it never draws a 429 from a
 * window the other budget fills. Which window a 429 speaks of, its text tells (`whoseRefusal`).
 */
export const BULK_CALLS_USE_ORDINARY_BUDGET = true;

/** The calls of one account that one governor paces: its ordinary calls, or its bulk calls. */
export interface Budget {
	limit: RateLimit;
	run<T>(send: () => Promise<T>, outcomeOf: (result: T) => CallOutcome): Promise<T>;
}

const patienceMs = (governor: RateGovernor) => RATE_LIMIT_PATIENCE_WINDOWS * governor.limit.windowMs;

function alone(governor: RateGovernor): Budget {
	return {
		get limit() {
			return governor.limit;
		},
		run: async (send, outcomeOf) => await governor.run(send, outcomeOf, patienceMs(governor)),
	};
}

/**
 * A bulk call's 429 is the bulk window's when the limit it names is at most the bulk budget's
 * (bulk limits are the lower ones), the ordinary window's when it names the ordinary limit or
 * more. Between the two, or naming nothing, it is taken as the bulk window's without learning
 * a limit from it.
 */
export function whoseRefusal(outcome: CallOutcome, bulk: RateLimit, ordinary: RateLimit): 'none' | 'bulk' | 'ordinary' | 'unclear' {
	if (outcome === 'counted') return 'none';
	if (outcome === 'rateLimited') return 'unclear';
	if (outcome.refusedUnder.calls <= bulk.calls) return 'bulk';
	return outcome.refusedUnder.calls >= ordinary.calls ? 'ordinary' : 'unclear';
}

/** A bulk call: paced by the bulk governor inside a slot of the ordinary one (exported for the simulation). */
export function bulkAndOrdinary(bulk: RateGovernor, ordinary: RateGovernor): Budget {
	return {
		get limit() {
			return bulk.limit;
		},
		run: async (send, outcomeOf) => {
			const refusal = (result: Parameters<typeof outcomeOf>[0]) => {
				const outcome = outcomeOf(result);
				return { outcome, whose: whoseRefusal(outcome, bulk.limit, ordinary.limit) };
			};
			const inBulkWindow = async () =>
				await bulk.run(
					send,
					(result) => {
						const { outcome, whose } = refusal(result);
						if (whose === 'bulk') return outcome;
						return whose === 'unclear' ? 'rateLimited' : 'counted';
					},
					patienceMs(bulk),
				);
			return await ordinary.run(inBulkWindow, (result) => (refusal(result).whose === 'ordinary' ? outcomeOf(result) : 'counted'), patienceMs(ordinary));
		},
	};
}

/**
 * Whether bulk calls of `batchSize` items move more items per window than single calls do. On
 * older plans (bulk 1 per 5 s) 25 leads a bulk call are no more than 25 single calls: there the
 * single calls are as fast, and each item keeps its own call.
 */
export function bulkIsFaster(account: Account, batchSize: number): boolean {
	return account.bulkLimit.calls * batchSize * account.limit.windowMs > account.limit.calls * account.bulkLimit.windowMs;
}

/** The budget a call of `account` is paced by: bulk calls by the bulk limit (and, see above, the ordinary one). */
export function budgetFor(account: Account, bulk: boolean): Budget {
	const lookAbove = account.limitSource === 'plan';
	const ordinary = governorFor(account.id, account.limit, lookAbove);
	if (!bulk) return alone(ordinary);
	// Not above the plan's bulk limit: it is a handful of calls, so each probe's 429 would cost a large share of them.
	const bulkGovernor = governorFor(`${account.id} bulk`, account.bulkLimit, false);
	return BULK_CALLS_USE_ORDINARY_BUDGET ? bulkAndOrdinary(bulkGovernor, ordinary) : alone(bulkGovernor);
}
