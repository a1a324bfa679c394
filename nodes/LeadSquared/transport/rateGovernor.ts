export interface RateLimit {
	calls: number;
	windowMs: number;
}

type Grant = (slot: number) => void;

/**
 * Keeps one LeadSquared account under its rate limit (by default 25 calls per 5 s).
 *
 * The account has `calls` slots. A slot is busy while its call is in flight and
 * frees `windowMs` after the response arrived: LeadSquared counts a call when it
 * receives it, which is always before we see the answer, so no window it measures
 * can hold more than `calls` of ours. Waiting calls are served first come, first served.
 */
export class RateGovernor {
	private readonly freeAt: number[];

	private readonly waiting: Grant[] = [];

	private pausedUntil = 0;

	private timer: NodeJS.Timeout | undefined;

	constructor(public limit: RateLimit) {
		this.freeAt = new Array<number>(limit.calls).fill(0);
	}

	/** Adopts whichever of the two limits is stricter (fewer calls, longer window). */
	tighten(limit: RateLimit): void {
		this.limit = {
			calls: Math.min(this.limit.calls, limit.calls),
			windowMs: Math.max(this.limit.windowMs, limit.windowMs),
		};
	}

	/** Runs `send` once a slot is free. `first` puts a retried call ahead of new ones. */
	async run<T>(send: () => Promise<T>, first = false): Promise<T> {
		const slot = await new Promise<number>((grant) => {
			if (first) this.waiting.unshift(grant);
			else this.waiting.push(grant);
			this.pump();
		});
		try {
			return await send();
		} finally {
			this.freeAt[slot] = Date.now() + this.limit.windowMs;
			this.pump();
		}
	}

	/** Someone else spent this account's budget (LeadSquared answered 429): hold all calls for a window. */
	holdForWindow(): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + this.limit.windowMs);
		this.pump();
	}

	get queued(): number {
		return this.waiting.length;
	}

	private pump(): void {
		const now = Date.now();
		while (this.waiting.length > 0 && now >= this.pausedUntil) {
			const slot = this.freeAt.findIndex((time, index) => index < this.limit.calls && time <= now);
			if (slot === -1) break;
			this.freeAt[slot] = Number.POSITIVE_INFINITY;
			this.waiting.shift()!(slot);
		}
		this.scheduleWakeUp(now);
	}

	private scheduleWakeUp(now: number): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (this.waiting.length === 0) return;
		const nextFree = Math.min(...this.freeAt.slice(0, this.limit.calls));
		if (nextFree === Number.POSITIVE_INFINITY) return; // every slot in flight; a release pumps again
		const wakeAt = Math.max(nextFree, this.pausedUntil);
		this.timer = setTimeout(() => this.pump(), Math.max(0, wakeAt - now));
	}
}

const REGISTRY_KEY = Symbol.for('n8n-nodes-leadsquared.rateGovernors');

type Registry = Map<string, RateGovernor>;

/**
 * The governor of one account, shared by every node instance and execution in this
 * process. Kept on globalThis so that the action node and the trigger, which n8n
 * loads as separate modules, still share it. Two credentials of the same account with
 * different rate limits share it too, under the stricter limit.
 */
export function governorFor(accountId: string, limit: RateLimit): RateGovernor {
	const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
	const registry = (holder[REGISTRY_KEY] ??= new Map());
	const governor = registry.get(accountId);
	if (governor) {
		governor.tighten(limit);
		return governor;
	}
	const created = new RateGovernor(limit);
	registry.set(accountId, created);
	return created;
}
