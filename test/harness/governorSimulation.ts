import { bulkAndOrdinary } from '../../nodes/LeadSquared/transport/budgets';
import type { CallOutcome, RateLimit } from '../../nodes/LeadSquared/transport/governorTypes';
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
	/**
	 * LeadSquared's bulk limit: every call is then a bulk call, counted in both windows, paced as
	 * budgets.ts paces it (a bulk governor, never looking above its limit, inside a slot of the
	 * ordinary one). Without it every call is an ordinary one.
	 */
	bulkLimit?: RateLimit;
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
	/** Most accepted calls in any window of the binding limit (the bulk one for bulk calls). */
	maxInAnyWindow: number;
	wallMs: number;
	floorMs: number;
	executionMs: number[];
	/** Per process (its bulk governor's, for bulk calls): 429s to probes and to calls within its share, its final share and the limit it ended with. */
	processes: Array<{ probesRefused: number; refusedWithinShare: number; share: number; limit: RateLimit }>;
	/** When each 429 was answered. */
	rateLimitedAt: number[];
}

/** LeadSquared's answer: accepted, or a 429 naming the limit whose window was full. */
type Answer = { status: 200 } | { status: 429; limit: RateLimit };

/**
 * LeadSquared's limiter as the sandbox models it (CallLimiter): a sliding window counting the
 * calls it accepted, and, for bulk calls, the bulk window besides.
 */
class SimulatedLeadSquared {
	readonly acceptedAt: number[] = [];

	calls = 0;

	rateLimited = 0;

	readonly rateLimitedAt: number[] = [];

	constructor(
		private readonly limit: RateLimit,
		private readonly time: VirtualTime,
		private readonly latencyMs: [number, number],
		private readonly bulkLimit?: RateLimit,
	) {}

	async call(): Promise<Answer> {
		await this.time.sleep(this.delay());
		const now = this.time.now();
		const inWindow = (limit: RateLimit) => this.acceptedAt.filter((at) => at > now - limit.windowMs).length;
		this.calls++;
		const full = [this.limit, this.bulkLimit].find((limit) => limit && inWindow(limit) >= limit.calls);
		if (full) {
			this.rateLimited++;
			this.rateLimitedAt.push(now);
		} else this.acceptedAt.push(now);
		await this.time.sleep(this.delay());
		return full ? { status: 429, limit: full } : { status: 200 };
	}

	maxInAnyWindow(): number {
		const { windowMs } = this.bulkLimit ?? this.limit;
		let max = 0;
		for (let start = 0, end = 0; end < this.acceptedAt.length; end++) {
			while (this.acceptedAt[end] - this.acceptedAt[start] >= windowMs) start++;
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
	const { bulkLimit } = scenario;
	const leadSquared = new SimulatedLeadSquared(limit, time, scenario.latencyMs ?? [2, 6], bulkLimit);
	const governors = Array.from(
		{ length: scenario.processes },
		() => new RateGovernor(scenario.credentialLimit ?? limit, time, scenario.lookAbove),
	);
	const bulkGovernors = bulkLimit ? governors.map(() => new RateGovernor(bulkLimit, time, false)) : [];
	// LeadSquared's 429 names the account's limit ("API calls exceeded the limit of 25 in 5 second(s)").
	const outcomeOf = (answer: Answer): CallOutcome => (answer.status === 429 ? { refusedUnder: answer.limit } : 'counted');
	const patienceMs = scenario.patienceMs ?? 600_000;
	const send = async () => await leadSquared.call();
	const callOn = async (process: number): Promise<Answer> =>
		bulkLimit
			? await bulkAndOrdinary(bulkGovernors[process], governors[process]).run(send, outcomeOf)
			: await governors[process].run(send, outcomeOf, patienceMs);
	let failedItems = 0;

	const runExecution = async ({ process, items, startAt = 0 }: SimulatedExecution): Promise<number> => {
		await time.sleep(startAt + time.random() * (scenario.startJitterMs ?? 0));
		const started = time.now();
		let next = 0;
		const worker = async () => {
			while (next < items) {
				next++;
				const answer = await callOn(process);
				if (answer.status !== 200) failedItems++;
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
		floorMs: Math.max(...[limit, bulkLimit].map((binding) => (binding ? rateLimitFloorMs(totalItems, binding.calls, binding.windowMs) : 0))),
		executionMs,
		processes: (bulkLimit ? bulkGovernors : governors).map((governor) => ({
			probesRefused: governor.refused.probes,
			refusedWithinShare: governor.refused.withinShare,
			share: governor.share,
			limit: governor.limit,
		})),
		rateLimitedAt: leadSquared.rateLimitedAt,
	};
}
