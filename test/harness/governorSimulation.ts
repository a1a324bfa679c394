import type { RateLimit } from '../../nodes/LeadSquared/transport/rateGovernor';
import { RateGovernor } from '../../nodes/LeadSquared/transport/rateGovernor';
import { rateLimitFloorMs } from './rateFloor';
import { VirtualTime } from './virtualTime';

/** How many items of one execution wait on LeadSquared at once (as `runPerItem` does). */
const PARALLEL_ITEMS = 5;

export interface SimulatedExecution {
	/** Which n8n process runs it (0 = the first worker, …). */
	process: number;
	items: number;
	startAt?: number;
}

export interface Scenario {
	processes: number;
	executions: SimulatedExecution[];
	limit?: RateLimit;
	/** One-way network delay range (ms) between a process and LeadSquared. */
	latencyMs?: [number, number];
	seed?: number;
	patienceMs?: number;
	/** Executions start this much later than asked, at random (n8n's queue and worker start-up). */
	startJitterMs?: number;
}

export interface ScenarioResult {
	calls: number;
	rateLimited: number;
	accepted: number;
	failedItems: number;
	maxInAnyWindow: number;
	wallMs: number;
	floorMs: number;
	executionMs: number[];
	/** Per process: 429s to probes and to calls within its share, and its final share. */
	processes: Array<{ probesRefused: number; refusedWithinShare: number; share: number }>;
}

/** LeadSquared's limiter as the sandbox models it: a sliding window counting the calls it accepted. */
class SimulatedLeadSquared {
	readonly acceptedAt: number[] = [];

	calls = 0;

	rateLimited = 0;

	constructor(
		private readonly limit: RateLimit,
		private readonly time: VirtualTime,
		private readonly latencyMs: [number, number],
	) {}

	async call(): Promise<number> {
		await this.time.sleep(this.delay());
		const now = this.time.now();
		const inWindow = this.acceptedAt.filter((at) => at > now - this.limit.windowMs).length;
		this.calls++;
		const status = inWindow < this.limit.calls ? 200 : 429;
		if (status === 200) this.acceptedAt.push(now);
		else this.rateLimited++;
		await this.time.sleep(this.delay());
		return status;
	}

	maxInAnyWindow(): number {
		let max = 0;
		for (let start = 0, end = 0; end < this.acceptedAt.length; end++) {
			while (this.acceptedAt[end] - this.acceptedAt[start] >= this.limit.windowMs) start++;
			max = Math.max(max, end - start + 1);
		}
		return max;
	}

	private delay(): number {
		const [low, high] = this.latencyMs;
		return low + this.time.random() * (high - low);
	}
}

/**
 * Runs executions on several simulated n8n processes, each with its own RateGovernor (the
 * real class, on virtual time) against one simulated LeadSquared account.
 */
export async function simulate(scenario: Scenario): Promise<ScenarioResult> {
	const limit = scenario.limit ?? { calls: 25, windowMs: 5_000 };
	const time = new VirtualTime(scenario.seed ?? 1);
	const leadSquared = new SimulatedLeadSquared(limit, time, scenario.latencyMs ?? [2, 6]);
	const governors = Array.from({ length: scenario.processes }, () => new RateGovernor(limit, time));
	const patienceMs = scenario.patienceMs ?? 600_000;
	let failedItems = 0;

	const runExecution = async ({ process, items, startAt = 0 }: SimulatedExecution): Promise<number> => {
		await time.sleep(startAt + time.random() * (scenario.startJitterMs ?? 0));
		const started = time.now();
		let next = 0;
		const worker = async () => {
			while (next < items) {
				next++;
				const status = await governors[process].run(async () => await leadSquared.call(), (answer) => (answer === 429 ? 'rateLimited' : 'counted'), patienceMs);
				if (status !== 200) failedItems++;
			}
		};
		await Promise.all(Array.from({ length: Math.min(PARALLEL_ITEMS, items) }, worker));
		return time.now() - started;
	};

	const executionMs = await time.run(Promise.all(scenario.executions.map(runExecution)));
	const totalItems = scenario.executions.reduce((sum, execution) => sum + execution.items, 0);
	return {
		calls: leadSquared.calls,
		rateLimited: leadSquared.rateLimited,
		accepted: leadSquared.acceptedAt.length,
		failedItems,
		maxInAnyWindow: leadSquared.maxInAnyWindow(),
		wallMs: time.now(),
		floorMs: rateLimitFloorMs(totalItems, limit.calls, limit.windowMs),
		executionMs,
		processes: governors.map((governor) => ({
			probesRefused: governor.refused.probes,
			refusedWithinShare: governor.refused.withinShare,
			share: governor.share,
		})),
	};
}
