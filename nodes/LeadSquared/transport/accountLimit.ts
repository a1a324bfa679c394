import type { RateLimit } from './governorTypes';

/**
 * The rate limit one account's governor keeps to: the credential's, until LeadSquared shows
 * otherwise. A 429 names the account's own limit ("API calls exceeded the limit of 10 in 5
 * second(s)"), so whichever way the credential is wrong, the named limit applies from then
 * on. A plan chosen in the credential may also be too low (LeadSquared raises limits on
 * request), which no 429 would ever reveal: for a plan the governor may send one call beyond
 * the limit when calls are waiting, and keeps growing while LeadSquared accepts them, until a
 * 429 names the limit. Figures the user entered (Custom) are taken as they are, except that a
 * 429 naming other figures wins. What was learned lasts as long as the n8n process.
 */
export class AccountLimit {
	private learned?: RateLimit;

	/** Whether LeadSquared has named the limit (then nothing beyond it is tried again). */
	private named = false;

	constructor(
		private configured: RateLimit,
		private lookAbove: boolean,
	) {}

	get current(): RateLimit {
		return this.learned ?? this.configured;
	}

	/** Whether a call beyond the limit may be tried, to find out whether the account allows more. */
	get mayLookAbove(): boolean {
		return this.lookAbove && !this.named;
	}

	/** Another credential of the same account: the stricter figures apply until LeadSquared has shown the limit. */
	tighten(limit: RateLimit, lookAbove: boolean): void {
		this.configured = {
			calls: Math.min(this.configured.calls, limit.calls),
			windowMs: Math.max(this.configured.windowMs, limit.windowMs),
		};
		this.lookAbove &&= lookAbove;
	}

	/** LeadSquared's 429 named the account's limit. */
	adopt(named: RateLimit): void {
		this.learned = named;
		this.named = true;
	}

	/** LeadSquared accepted a call beyond the limit: the account allows at least one more. */
	grew(): void {
		this.learned = { ...this.current, calls: this.current.calls + 1 };
	}

	/** A call beyond the limit was refused by a 429 that named nothing: the limit is what it was. */
	confirm(): void {
		this.adopt(this.current);
	}
}
