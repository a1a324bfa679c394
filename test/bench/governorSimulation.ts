/**
 * The rate governor on simulated time: n8n instances (a main and queue-mode workers) each with
 * their own RateGovernor, against one simulated LeadSquared account (a sliding window counting
 * accepted calls, 25 per 5 s), over several seeds. Prints wall time against the rate-limit
 * floor, the share of calls LeadSquared refused (429) and the slowest small execution.
 * The real thing is measured by `npm run bench:queue`; this runs in seconds, for tuning.
 *   npx ts-node --transpile-only test/bench/governorSimulation.ts
 * The rows "bulk" are bulk calls (issue 16's `bench:bulk -- --queue`): each item one bulk call,
 * paced by a bulk governor inside the ordinary one as transport/budgets.ts does.
 * Env: SEEDS (8), LATENCY_MS ("3,15": one-way delay range), START_JITTER_MS (300), ONLY (rows whose name contains it).
 */
import { simulate } from '../harness/governorSimulation';
import type { Scenario, SimulatedExecution } from '../harness/governorSimulation';

const executions = (count: number, items: number, process: (index: number) => number, startAt = 0): SimulatedExecution[] =>
	Array.from({ length: count }, (_, index) => ({ process: process(index), items, startAt }));

const perFive = (calls: number) => ({ calls, windowMs: 5_000 });

/** Bulk calls on a plan (lookAbove, as a plan's credential): `calls` ordinary, `bulk` bulk per 5 s; each item one bulk call. */
const onPlan = (calls: number, bulk: number) => ({ limit: perFive(calls), bulkLimit: perFive(bulk), lookAbove: true });

const SCENARIOS: Record<string, Pick<Scenario, 'processes' | 'executions' | 'limit' | 'bulkLimit' | 'lookAbove'>> = {
	'regular: 6 × 75': { processes: 1, executions: executions(6, 75, () => 0) },
	'regular: 250 + 3 × 10': { processes: 1, executions: [{ process: 0, items: 250 }, ...executions(3, 10, () => 0)] },
	'2 workers: 6 × 75 (3 + 3)': { processes: 2, executions: executions(6, 75, (i) => i % 2) },
	'2 workers: 6 × 75 (4 + 2)': { processes: 2, executions: executions(6, 75, (i) => (i < 4 ? 0 : 1)) },
	'2 workers: 250 | 3 × 10': { processes: 2, executions: [{ process: 0, items: 250 }, ...executions(3, 10, () => 1)] },
	'2 workers: 250 + 10 | 2 × 10': { processes: 2, executions: [{ process: 0, items: 250 }, ...executions(3, 10, (i) => (i === 0 ? 0 : 1))] },
	'2 workers: 250, then 10 at 20 s': { processes: 2, executions: [{ process: 0, items: 250 }, { process: 1, items: 10, startAt: 20_000 }] },
	'3 workers: 6 × 75': { processes: 3, executions: executions(6, 75, (i) => i % 3) },
	// issue 16's queue-mode bench: 4 executions × 1,000 leads in bulk calls of 25 (40 calls each)
	'Pro bulk (10 / 5), regular: 4 × 40': { processes: 1, executions: executions(4, 40, () => 0), ...onPlan(10, 5) },
	'Pro bulk (10 / 5), 2 workers: 4 × 40 (2 + 2)': { processes: 2, executions: executions(4, 40, (i) => i % 2), ...onPlan(10, 5) },
	'Pro bulk (10 / 5), 2 workers: 4 × 40 (3 + 1)': { processes: 2, executions: executions(4, 40, (i) => (i < 3 ? 0 : 1)), ...onPlan(10, 5) },
	'Super bulk (20 / 10), 2 workers: 4 × 40 (2 + 2)': { processes: 2, executions: executions(4, 40, (i) => i % 2), ...onPlan(20, 10) },
	'small limit 5, 2 workers: 4 × 40 (2 + 2)': { processes: 2, executions: executions(4, 40, (i) => i % 2), limit: perFive(5) },
	'small limit 5, regular: 4 × 40': { processes: 1, executions: executions(4, 40, () => 0), limit: perFive(5) },
};

async function main() {
	const seeds = Number(process.env.SEEDS ?? 8);
	const [low, high] = (process.env.LATENCY_MS ?? '3,15').split(',').map(Number);
	const startJitterMs = Number(process.env.START_JITTER_MS ?? 300);
	const rows: Record<string, unknown> = {};
	for (const [name, scenario] of Object.entries(SCENARIOS)) {
		const ratios: number[] = [];
		const refusedShares: number[] = [];
		const smallSeconds: number[] = [];
		let failed = 0;
		if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
		for (let seed = 1; seed <= seeds; seed++) {
			const result = await simulate({ ...scenario, seed, latencyMs: [low, high], startJitterMs });
			ratios.push(result.wallMs / result.floorMs);
			refusedShares.push((100 * result.rateLimited) / result.calls);
			failed += result.failedItems;
			smallSeconds.push(...result.executionMs.filter((_, i) => scenario.executions[i].items <= 10).map((ms) => ms / 1000));
		}
		const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
		rows[name] = {
			'wall / floor (mean)': mean(ratios).toFixed(3),
			'wall / floor (max)': Math.max(...ratios).toFixed(3),
			'429 % (mean)': mean(refusedShares).toFixed(1),
			'429 % (max)': Math.max(...refusedShares).toFixed(1),
			'failed items': failed,
			'slowest small execution (s)': smallSeconds.length ? Math.max(...smallSeconds).toFixed(1) : '-',
		};
	}
	console.log(`${seeds} seeds, one-way latency ${low}–${high} ms, executions start up to ${startJitterMs} ms late`);
	console.table(rows);
}

void main();
