import type { Reply } from './common';
import { mxError } from './common';
import { BULK_CALLS_COUNT_AGAINST_GENERAL_LIMIT, DAILY_QUOTA_EXCEEDED } from './unconfirmed';

export interface RateLimitOptions {
	calls: number;
	windowMs: number;
}

export interface LimitOptions {
	rateLimit: RateLimitOptions;
	/** Lower limit of bulk APIs (LeadSquared: 5 or 10 per 5 s on newer plans, 1 per 5 s on older ones). */
	bulkRateLimit?: RateLimitOptions;
	/** Calls an access key may make per UTC day. */
	dailyQuota?: number;
}

const DAY_MS = 86_400_000;

export const rateLimitExceeded = ({ calls, windowMs }: RateLimitOptions): Reply =>
	mxError(429, 'MXAPIRateLimitExceededException', `API calls exceeded the limit of ${calls} in ${windowMs / 1000} second(s)`);

/**
 * LeadSquared's limits per access key: a sliding window counting the calls it let through, a
 * lower window for bulk APIs, and a daily quota. A call refused by any of them counts against none.
 */
export class CallLimiter {
	private readonly general = new Map<string, number[]>();

	private readonly bulk = new Map<string, number[]>();

	private readonly daily = new Map<string, { day: number; calls: number }>();

	constructor(private readonly now: () => number = Date.now) {}

	admit(accessKey: string, isBulk: boolean, options: LimitOptions): Reply | undefined {
		const now = this.now();
		const day = Math.floor(now / DAY_MS);
		const today = this.daily.get(accessKey);
		const callsToday = today?.day === day ? today.calls : 0;
		if (options.dailyQuota !== undefined && callsToday >= options.dailyQuota) {
			return mxError(DAILY_QUOTA_EXCEEDED.status, DAILY_QUOTA_EXCEEDED.type, DAILY_QUOTA_EXCEEDED.message(options.dailyQuota));
		}
		const countsGeneral = !isBulk || !options.bulkRateLimit || BULK_CALLS_COUNT_AGAINST_GENERAL_LIMIT;
		const general = countsGeneral ? this.window(this.general, accessKey, options.rateLimit, now) : undefined;
		if (general && general.length >= options.rateLimit.calls) return rateLimitExceeded(options.rateLimit);
		const bulk = isBulk && options.bulkRateLimit ? this.window(this.bulk, accessKey, options.bulkRateLimit, now) : undefined;
		if (bulk && bulk.length >= options.bulkRateLimit!.calls) return rateLimitExceeded(options.bulkRateLimit!);
		general?.push(now);
		bulk?.push(now);
		this.daily.set(accessKey, { day, calls: callsToday + 1 });
		return undefined;
	}

	clear(): void {
		this.general.clear();
		this.bulk.clear();
		this.daily.clear();
	}

	private window(windows: Map<string, number[]>, accessKey: string, { windowMs }: RateLimitOptions, now: number): number[] {
		const times = (windows.get(accessKey) ?? []).filter((time) => time > now - windowMs);
		windows.set(accessKey, times);
		return times;
	}
}
