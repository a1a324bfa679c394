import { concurrentPushes } from '../harness/governedPushRun';
import { simulate } from '../harness/governorSimulation';
import type { SimulatedExecution } from '../harness/governorSimulation';
import { rateLimitFloorMs } from '../harness/rateFloor';
import { useSandbox } from '../harness/sandboxFixture';
import { VirtualTime } from '../harness/virtualTime';
import { governorFor, RateGovernor } from '../../nodes/LeadSquared/transport/rateGovernor';

const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';

const sandbox = useSandbox({ rateLimit: { calls: 25, windowMs: 1_000 } });

const executions = (count: number, items: number, process: (index: number) => number, startAt = 0): SimulatedExecution[] =>
	Array.from({ length: count }, (_, index) => ({ process: process(index), items, startAt }));

describe('the rate governor in one n8n instance (the real engine against the sandbox)', () => {
	it('keeps 3 executions at once (150 items) within 25 calls per second: no 429 at all', async () => {
		const { runs, wallMs } = await concurrentPushes(sandbox(), 3, 50);

		expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success']);
		expect(runs.flatMap((run) => run.items).filter((item) => item.json.success)).toHaveLength(150);
		const pushes = sandbox().requestsTo(PUSH_PATH);
		expect(pushes).toHaveLength(150);
		expect(pushes.filter((request) => request.status === 429)).toEqual([]);
		// Each title/content pair arrived exactly once.
		expect(new Set(pushes.map((request) => request.rawBody)).size).toBe(150);
		// The limit was really binding: it cannot have finished faster than the floor.
		expect(wallMs).toBeGreaterThanOrEqual(rateLimitFloorMs(150, 25, 1_000));
	});
});

describe('the rate governor on simulated LeadSquared time (sliding window, 25 calls per 5 s)', () => {
	it('alone: never a 429, and within 5 % of the rate-limit floor', async () => {
		const result = await simulate({ processes: 1, executions: executions(6, 75, () => 0) });
		expect(result).toMatchObject({ rateLimited: 0, failedItems: 0, accepted: 450, maxInAnyWindow: 25 });
		expect(result.wallMs / result.floorMs).toBeLessThan(1.05);
	});

	it.each([1, 2, 3])('two queue-mode workers sharing the account (seed %i): every item delivered, few 429s, near the floor', async (seed) => {
		const result = await simulate({
			processes: 2,
			executions: executions(6, 75, (index) => index % 2),
			seed,
			latencyMs: [3, 15],
			startJitterMs: 300,
		});
		expect(result).toMatchObject({ failedItems: 0, accepted: 450, maxInAnyWindow: 25 });
		expect(result.rateLimited / result.calls).toBeLessThan(0.06);
		expect(result.wallMs / result.floorMs).toBeLessThan(1.15);
	});

	it('a small execution on a second worker is not starved by a large one that holds the whole limit', async () => {
		const result = await simulate({
			processes: 2,
			executions: [{ process: 0, items: 250 }, { process: 1, items: 10, startAt: 20_000 }],
		});
		expect(result.failedItems).toBe(0);
		expect(result.executionMs[1]).toBeLessThan(30_000); // 10 calls; alone they would take one window
		expect(result.processes[0].refusedWithinShare + result.processes[0].probesRefused).toBeGreaterThan(0); // the large one learnt it had company
	});

	it('sends a refused call again until LeadSquared accepts it, and gives up only after the patience', async () => {
		const time = new VirtualTime();
		const governor = new RateGovernor({ calls: 25, windowMs: 5_000 }, time);
		let attempts = 0;
		const refusedFor = async (ms: number) =>
			await time.run(
				governor.run(
					async () => {
						attempts++;
						return time.now() < ms ? 429 : 200;
					},
					(status) => (status === 429 ? 'rateLimited' : 'counted'),
					60_000,
				),
			);

		expect(await refusedFor(30_000)).toBe(200);
		expect(attempts).toBeGreaterThan(1);
		expect(time.now()).toBeGreaterThanOrEqual(30_000);

		const before = time.now();
		expect(await refusedFor(Number.POSITIVE_INFINITY)).toBe(429);
		expect(time.now() - before).toBeGreaterThanOrEqual(60_000);
	});
});

describe('one governor per account', () => {
	it('is shared by credentials of the same account, under the stricter of their limits', () => {
		const loose = governorFor('account-a', { calls: 100, windowMs: 1_000 });
		const strict = governorFor('account-a', { calls: 25, windowMs: 5_000 });
		expect(strict).toBe(loose);
		expect(loose.limit).toEqual({ calls: 25, windowMs: 5_000 });
		expect(governorFor('account-b', { calls: 100, windowMs: 1_000 })).not.toBe(loose);
	});
});
