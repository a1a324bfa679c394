import type { RateLimit } from '../../nodes/LeadSquared/transport/governorTypes';
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
	/** LeadSquared's limit for the account (its 429s name it). */
	limit?: RateLimit;
	/** The limit the governors start from (the credential's), when it is not LeadSquared's. */
	credentialLimit?: RateLimit;
	/** The credential names a plan, so the governors may look above its limit. */
	lookAbove?: boolean;
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
	/** Per process: 429s to probes and to calls within its share, its final share and the limit it ended with. */
	processes: Array<{ probesRefused: number; refusedWithinShare: number; share: number; limit: RateLimit }>;
	/** When each 429 was answered. */
	rateLimitedAt: number[];
}

/** LeadSquared's limiter as the sandbox models it: a sliding window counting the calls it accepted. */
class SimulatedLeadSquared {
	readonly acceptedAt: number[] = [];

	calls = 0;

	rateLimited = 0;

	readonly rateLimitedAt: number[] = [];

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
		else {
			this.rateLimited++;
			this.rateLimitedAt.push(now);
		}
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
	const governors = Array.from(
		{ length: scenario.processes },
		() => new RateGovernor(scenario.credentialLimit ?? limit, time, scenario.lookAbove),
	);
	// LeadSquared's 429 names the account's limit ("API calls exceeded the limit of 25 in 5 second(s)").
	const outcomeOf = (answer: number) => (answer === 429 ? { refusedUnder: limit } : ('counted' as const));
	const patienceMs = scenario.patienceMs ?? 600_000;
	let failedItems = 0;

	const runExecution = async ({ process, items, startAt = 0 }: SimulatedExecution): Promise<number> => {
		await time.sleep(startAt + time.random() * (scenario.startJitterMs ?? 0));
		const started = time.now();
		let next = 0;
		const worker = async () => {
			while (next < items) {
				next++;
				const status = await governors[process].run(async () => await leadSquared.call(), outcomeOf, patienceMs);
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
			limit: governor.limit,
		})),
		rateLimitedAt: leadSquared.rateLimitedAt,
	};
}
