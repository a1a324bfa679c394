import type { RateLimit } from './governorTypes';
import { realClock } from './governorTypes';
import { RateGovernor } from './rateGovernor';

/** The governor of each account in this instance (action nodes, triggers and dropdowns alike). */
const governors = new Map<string, RateGovernor>();

/**
 * Two credentials of the same account with different limits share it, under the stricter limit.
 * `lookAbove`: the limit is a plan's, which the account may exceed (see AccountLimit).
 */
export function governorFor(accountId: string, limit: RateLimit, lookAbove = false): RateGovernor {
	const governor = governors.get(accountId);
	if (governor) {
		governor.tighten(limit, lookAbove);
		return governor;
	}
	const created = new RateGovernor(limit, realClock, lookAbove);
	governors.set(accountId, created);
	return created;
}
