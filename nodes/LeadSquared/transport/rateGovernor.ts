import { AccountLimit } from './accountLimit';
import type { CallOutcome, Clock, RateLimit } from './governorTypes';
import { realClock } from './governorTypes';
import type { Pause } from './governorTuning';
import { TUNING } from './governorTuning';

interface Ticket {
	probe: boolean;
	/** A probe sent while holding the whole limit, to see whether the account allows more. */
	beyondLimit: boolean;
}

interface Waiter {
	grant(ticket: Ticket): void;
}

/**
 * Keeps one LeadSquared account under its rate limit from inside one n8n instance, when other
 * instances (n8n's queue-mode workers) may use the same account and share nothing with it.
 *
 * The instance may have `allowance` calls in LeadSquared's window. A call occupies its slot
 * from when it is sent until a window after its answer came back (LeadSquared counted it
 * before answering, so no window it measures holds more of ours). The allowance is learned
 * from LeadSquared's answers, the only thing the instances share:
 * - when every slot is busy and calls are waiting, the instance probes: it sends one call beyond
 *   its allowance; each one LeadSquared accepts raises the allowance by one, and the next
 *   probe follows shortly;
 * - a 429 means LeadSquared's window is full: what the instance holds there is its share, and
 *   the others hold the rest. One holding 2+ calls more than the others gives half the difference
 *   back and stays out a while, so busy instances end within one call of equal shares. Probes
 *   then pause, longer after each refusal, shorter for one holding less, counted in calls at the
 *   limit so that on a small one (bulk, 5 per 5 s) refused probes stay a small share of calls;
 * - the limit itself is the credential's until LeadSquared shows another (AccountLimit).
 * A refused call was not processed by LeadSquared, so it is always sent again: the governor keeps
 * it first in line until LeadSquared accepts it or `patienceMs` has passed. Waiting calls are
 * served first come, first served, so every execution keeps its turn.
 */
export class RateGovernor {
	/** 429s seen, by kind, for benchmarks and tests. */
	readonly refused = { probes: 0, withinShare: 0 };

	private allowance: number;

	/** When each counted call's slot frees, ascending. */
	private readonly slotsFreeAt: number[] = [];

	private inFlight = 0;

	private probing = false;

	/** Refusals lately: each makes the next pause before a probe twice as long, each accepted probe undoes one. */
	private refusals = 0;

	/** Whether this instance ever found another one using the account (it then leaves courtesy gaps). */
	private sawOthers = false;

	private nextProbeAt = 0;

	private holdUntil = 0;

	private lastActivity = Number.NEGATIVE_INFINITY;

	private readonly waiting: Waiter[] = [];

	private wakeAt = Number.POSITIVE_INFINITY;

	private readonly accountLimit: AccountLimit;

	/** `lookAbove`: the limit is a plan's, which the account may exceed (see AccountLimit). */
	constructor(
		limit: RateLimit,
		private readonly clock: Clock = realClock,
		lookAbove = false,
	) {
		this.accountLimit = new AccountLimit(limit, lookAbove);
		this.allowance = this.startingAllowance();
	}

	/** The account's limit as this instance knows it: the credential's, or what LeadSquared showed. */
	get limit(): RateLimit {
		return this.accountLimit.current;
	}

	/** Adopts whichever of the two limits is stricter (fewer calls, longer window), unless LeadSquared has shown the limit. */
	tighten(limit: RateLimit, lookAbove = false): void {
		this.accountLimit.tighten(limit, lookAbove);
		this.allowance = Math.min(this.allowance, this.limit.calls);
	}

	/** The calls per window this instance currently allows itself. */
	get share(): number {
		return this.allowance;
	}

	/**
	 * Sends a call when the account has room for it, and again after every 429, until
	 * LeadSquared accepts it or `patienceMs` has passed; returns the last result.
	 */
	async run<T>(send: () => Promise<T>, outcomeOf: (result: T) => CallOutcome, patienceMs: number): Promise<T> {
		const giveUpAt = this.clock.now() + patienceMs;
		for (let attempt = 0; ; attempt++) {
			const ticket = await this.acquire(attempt > 0);
			// A call that threw may have reached LeadSquared: its slot counts.
			let outcome: CallOutcome = 'counted';
			try {
				const result = await send();
				outcome = outcomeOf(result);
				if (outcome === 'counted' || this.clock.now() >= giveUpAt) return result;
			} finally {
				this.release(ticket, outcome);
			}
		}
	}

	private async acquire(retry: boolean): Promise<Ticket> {
		this.relearnIfIdle();
		return await new Promise<Ticket>((grant) => {
			if (retry) this.waiting.unshift({ grant });
			else this.waiting.push({ grant });
			this.pump();
		});
	}

	private release(ticket: Ticket, outcome: CallOutcome): void {
		const now = this.clock.now();
		this.inFlight--;
		this.lastActivity = now;
		if (ticket.probe) this.probing = false;
		if (outcome === 'counted') {
			this.occupySlotUntil(now + this.limit.windowMs * (1 + this.courtesy()));
			if (ticket.probe) this.probeAccepted(now, ticket);
		} else {
			this.refusedAt(now, ticket, typeof outcome === 'object' ? outcome.refusedUnder : undefined);
		}
		this.pump();
	}

	private courtesy(): number {
		const holdsAll = this.sawOthers && this.allowance >= this.limit.calls;
		return holdsAll && this.clock.random() * this.limit.calls * TUNING.courtesyEvery < 1 ? TUNING.courtesy : 0;
	}

	private probeAccepted(now: number, ticket: Ticket): void {
		if (ticket.beyondLimit) this.accountLimit.grew();
		this.allowance = Math.min(this.limit.calls, this.allowance + 1);
		// Room for one call may be a moment's gap in another instance's calls: the pauses shrink a step per accepted probe.
		this.refusals = Math.max(0, this.refusals - 1);
		this.nextProbeAt = now + this.callsMs(TUNING.rampCalls);
	}

	/**
	 * LeadSquared's window is full: ours are what we hold there, the others' the rest. A probe
	 * refused means no room to grow; a call within our share refused means someone took part of
	 * it. Either way the allowance becomes what we hold, less half the difference when we hold two
	 * or more calls more than the others. A limit LeadSquared names applies first; if our own
	 * calls fill it, nobody else is there and nothing is given back.
	 */
	private refusedAt(now: number, ticket: Ticket, named?: RateLimit): void {
		const { probe } = ticket;
		if (named) this.accountLimit.adopt(named);
		else if (ticket.beyondLimit) this.accountLimit.confirm();
		if (probe) this.refused.probes++;
		else this.refused.withinShare++;
		this.refusals++;
		const held = Math.max(1, this.busySlots(now) + this.inFlight);
		const others = this.limit.calls - held;
		if (others <= 0) {
			this.allowance = Math.max(1, Math.min(this.allowance, this.limit.calls));
			this.nextProbeAt = now + this.pauseMs(TUNING.alonePause);
			return;
		}
		this.sawOthers = true;
		// Within one call of an even split is as even as whole calls allow: giving that call back would only swap the roles.
		const excess = held - others;
		const givesBack = excess >= 2;
		this.allowance = Math.max(1, Math.min(this.allowance, givesBack ? held - Math.floor(excess / 2) : held));
		const pause = this.pauseMs(held + 1 < others ? TUNING.poorPause : held > others ? TUNING.richerPause : TUNING.evenPause);
		this.nextProbeAt = now + (givesBack ? Math.max(pause, this.limit.windowMs * TUNING.stayOut) : pause);
		if (!probe) this.holdUntil = now + this.callsMs(TUNING.holdCalls) * (0.5 + this.clock.random());
	}

	/** The pause before the next probe: `first` after one refusal, twice as long after each further one, up to `cap` (jittered). */
	private pauseMs({ first, cap }: Pause): number {
		const pause = Math.min(this.callsMs(cap), this.callsMs(first) * 2 ** Math.max(0, this.refusals - 1));
		return pause * (0.75 + this.clock.random() / 2);
	}

	private callsMs(calls: number): number {
		return (this.limit.windowMs * calls) / this.limit.calls;
	}

	private startingAllowance(): number {
		return Math.max(1, Math.floor(this.limit.calls * TUNING.startShare));
	}

	private relearnIfIdle(): void {
		const idleFor = this.clock.now() - this.lastActivity;
		if (this.inFlight > 0 || this.waiting.length > 0 || idleFor < this.limit.windowMs * TUNING.idleWindows) return;
		this.allowance = this.startingAllowance();
		this.refusals = 0;
		this.nextProbeAt = 0;
	}

	private occupySlotUntil(time: number): void {
		let index = this.slotsFreeAt.length;
		while (index > 0 && this.slotsFreeAt[index - 1] > time) index--;
		this.slotsFreeAt.splice(index, 0, time);
	}

	private busySlots(now: number): number {
		while (this.slotsFreeAt.length > 0 && this.slotsFreeAt[0] <= now) this.slotsFreeAt.shift();
		return this.slotsFreeAt.length;
	}

	private mayGrow(): boolean {
		return this.allowance < this.limit.calls || this.accountLimit.mayLookAbove;
	}

	private pump(): void {
		const now = this.clock.now();
		while (this.waiting.length > 0 && now >= this.holdUntil) {
			const used = this.busySlots(now) + this.inFlight;
			const withinShare = used < this.allowance;
			// One probe at a time, and not while the instance still holds more than its share after a cut.
			const probe = !withinShare && !this.probing && used === this.allowance && this.mayGrow() && now >= this.nextProbeAt;
			if (!withinShare && !probe) break;
			this.inFlight++;
			this.probing ||= probe;
			this.lastActivity = now;
			this.waiting.shift()!.grant({ probe, beyondLimit: probe && this.allowance >= this.limit.calls });
		}
		this.scheduleWakeUp(now);
	}

	/** Wakes the queue when a slot frees, the hold ends or a probe is due; answers coming back wake it too. */
	private scheduleWakeUp(now: number): void {
		if (this.waiting.length === 0) return;
		const candidates = [this.holdUntil, this.slotsFreeAt[0] ?? Number.POSITIVE_INFINITY];
		if (this.mayGrow()) candidates.push(this.nextProbeAt);
		const at = Math.min(...candidates.filter((time) => time > now));
		if (!Number.isFinite(at) || at >= this.wakeAt) return;
		this.wakeAt = at;
		// One millisecond late rather than a hair early, so the wake-up finds the slot free.
		void this.clock.sleep(at - now + 1).then(() => {
			if (this.wakeAt === at) this.wakeAt = Number.POSITIVE_INFINITY;
			this.pump();
		});
	}
}
