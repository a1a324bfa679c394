import type { Clock } from '../../nodes/LeadSquared/transport/governorTypes';
import { seededRandom } from '../sandbox/faults';

interface Timer {
	at: number;
	seq: number;
	resolve: () => void;
}

const nextMacrotask = async () => await new Promise((resolve) => setImmediate(resolve));

/**
 * A clock whose time moves only when everything waiting on it is asleep: each step lets
 * all pending promise work settle, then jumps to the earliest timer. Minutes of rate-limited
 * traffic run in milliseconds, and the same seed gives the same run.
 */
export class VirtualTime implements Clock {
	private time = 0;

	private seq = 0;

	private readonly timers: Timer[] = [];

	readonly random: () => number;

	constructor(seed = 1) {
		this.random = seededRandom(seed);
	}

	readonly now = (): number => this.time;

	readonly sleep = async (ms: number): Promise<void> =>
		await new Promise<void>((resolve) => {
			const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
			let index = this.timers.length;
			while (index > 0 && (this.timers[index - 1].at > timer.at || (this.timers[index - 1].at === timer.at && this.timers[index - 1].seq > timer.seq))) index--;
			this.timers.splice(index, 0, timer);
		});

	/** Runs until `work` settles; fails if it still waits when no timer is left. */
	async run<T>(work: Promise<T>): Promise<T> {
		let settled = false;
		const result = work.finally(() => {
			settled = true;
		});
		for (;;) {
			await nextMacrotask();
			if (settled) return await result;
			const timer = this.timers.shift();
			if (!timer) throw new Error(`virtual time ${this.time} ms: the work waits for something that never comes`);
			this.time = timer.at;
			timer.resolve();
		}
	}
}
