import type { INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { concurrentPushes } from '../harness/governedPushRun';
import { simulate } from '../harness/governorSimulation';
import type { Scenario, SimulatedExecution } from '../harness/governorSimulation';
import { credentialTypes } from '../harness/nodeTypes';
import { rateLimitFloorMs } from '../harness/rateFloor';
import { useSandbox } from '../harness/sandboxFixture';
import { VirtualTime } from '../harness/virtualTime';
import { accountFrom } from '../../nodes/LeadSquared/transport/account';
import { CUSTOM_DEFAULTS } from '../../nodes/LeadSquared/transport/plans';
import { governorFor } from '../../nodes/LeadSquared/transport/governors';
import { RateGovernor } from '../../nodes/LeadSquared/transport/rateGovernor';

const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';

const sandbox = useSandbox({ rateLimit: { calls: 25, windowMs: 1_000 } });

const executions = (count: number, items: number, process: (index: number) => number, startAt = 0): SimulatedExecution[] =>
	Array.from({ length: count }, (_, index) => ({ process: process(index), items, startAt }));

const perFive = (calls: number) => ({ calls, windowMs: 5_000 });

/** Simulated LeadSquared allowing `account` calls per 5 s, governors starting from the credential's `credential`. */
const withLimits = async (account: number, credential: number, lookAbove: boolean, scenario: Pick<Scenario, 'processes' | 'executions'> & Partial<Scenario>) =>
	await simulate({ ...scenario, limit: perFive(account), credentialLimit: perFive(credential), lookAbove });

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

describe('the limit LeadSquared’s 429 names (the real engine against the sandbox)', () => {
	const lower = useSandbox({ rateLimit: { calls: 5, windowMs: 1_000 } });

	it('a credential saying 25 per second, an account allowing 5: the governor takes the 5 the 429 names, and no item fails', async () => {
		const credentials = { ...lower().credentialsFor(), rateLimitCalls: 25, rateLimitWindowSeconds: 1 };
		const { runs } = await concurrentPushes(lower(), 3, 20, credentials);

		expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success']);
		expect(runs.flatMap((run) => run.items).filter((item) => item.json.success)).toHaveLength(60);
		const pushes = lower().requestsTo(PUSH_PATH);
		expect(pushes.filter((request) => request.status === 200)).toHaveLength(60);
		expect(new Set(pushes.filter((request) => request.status === 200).map((request) => request.rawBody)).size).toBe(60);
		const { id } = accountFrom(credentials);
		expect(governorFor(id, { calls: 25, windowMs: 1_000 }).limit).toEqual({ calls: 5, windowMs: 1_000 });
		// The first burst (half the credential's 25, and one probe) met the real limit; after that the governor kept to 5.
		const refused = pushes.filter((request) => request.status === 429);
		expect(refused.length).toBeGreaterThan(0);
		expect(refused.length).toBeLessThanOrEqual(12 + 1 - 5);
		expect(Math.max(...refused.map((request) => request.at))).toBeLessThan(pushes[0].at + 1_000);
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

	it('a credential higher than the account’s limit (Custom 25, account 10): the named 10 applies, 429s only at the start', async () => {
		const result = await withLimits(10, 25, false, { processes: 1, executions: executions(3, 40, () => 0) });
		expect(result).toMatchObject({ failedItems: 0, accepted: 120, maxInAnyWindow: 10 });
		expect(result.processes[0].limit).toEqual(perFive(10));
		expect(result.rateLimited).toBeLessThanOrEqual(12 + 1 - 10);
		expect(Math.max(...result.rateLimitedAt)).toBeLessThan(5_000);
		expect(result.wallMs / result.floorMs).toBeLessThan(1.05);
	});

	it('a plan lower than the account allows (Pro 10, account 25): the governor looks above it and ends at the 25 named', async () => {
		const result = await withLimits(25, 10, true, { processes: 1, executions: executions(6, 75, () => 0) });
		expect(result).toMatchObject({ failedItems: 0, accepted: 450, maxInAnyWindow: 25 });
		expect(result.processes[0].limit).toEqual(perFive(25));
		expect(result.rateLimited).toBeLessThanOrEqual(2);
		expect(result.wallMs / result.floorMs).toBeLessThan(1.1);
	});

	it('the right plan (Pro 10, account 10): one 429 to find that out, then none', async () => {
		const result = await withLimits(10, 10, true, { processes: 1, executions: executions(3, 50, () => 0) });
		expect(result).toMatchObject({ failedItems: 0, accepted: 150, maxInAnyWindow: 10, rateLimited: 1 });
		expect(result.processes[0].limit).toEqual(perFive(10));
		expect(result.wallMs / result.floorMs).toBeLessThan(1.1);
	});

	it('figures entered by hand (Custom 10) are taken as they are when LeadSquared never says otherwise: no 429', async () => {
		const result = await withLimits(25, 10, false, { processes: 1, executions: executions(2, 40, () => 0) });
		expect(result).toMatchObject({ failedItems: 0, rateLimited: 0 });
		expect(result.processes[0].limit).toEqual(perFive(10));
	});

	it('two queue-mode workers with a plan below the account’s limit: both learn the named limit, no item fails, no window over it', async () => {
		const result = await withLimits(25, 10, true, {
			processes: 2,
			executions: executions(6, 75, (index) => index % 2),
			latencyMs: [3, 15],
			startJitterMs: 300,
		});
		expect(result).toMatchObject({ failedItems: 0, accepted: 450, maxInAnyWindow: 25 });
		expect(result.processes.map((process) => process.limit.calls)).toEqual([25, 25]);
		expect(result.rateLimited / result.calls).toBeLessThan(0.08);
		expect(result.wallMs / result.floorMs).toBeLessThan(1.2);
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

describe('the credential’s limits', () => {
	/** What a node gets from a stored credential: n8n's CredentialsHelper fills defaults and drops hidden fields this way. */
	const asN8nGivesIt = (stored: Record<string, unknown>) =>
		NodeHelpers.getNodeParameters(credentialTypes.leadSquaredApi.properties, stored as INodeParameters, true, false, null, null) as never;

	it('a credential made before the Plan field keeps its own figures (Custom is the default)', () => {
		const account = accountFrom(asN8nGivesIt({ accessKey: 'a', secretKey: 'b', rateLimitCalls: 2, rateLimitWindowSeconds: 5 }));
		expect(account).toMatchObject({ limit: { calls: 2, windowMs: 5_000 }, bulkLimit: { calls: 10, windowMs: 5_000 }, limitSource: 'custom' });
	});

	it('Custom’s defaults are the highest published limits, and a plan gives its own limit and bulk limit', () => {
		expect(accountFrom(asN8nGivesIt({ accessKey: 'a', secretKey: 'b' }))).toMatchObject({
			limit: { calls: CUSTOM_DEFAULTS.calls, windowMs: CUSTOM_DEFAULTS.windowSeconds * 1000 },
			bulkLimit: { calls: CUSTOM_DEFAULTS.bulkCalls, windowMs: 5_000 },
		});
		const pro = accountFrom(asN8nGivesIt({ accessKey: 'a', secretKey: 'b', plan: 'pro', rateLimitCalls: 25 }));
		expect(pro).toMatchObject({ limit: { calls: 10, windowMs: 5_000 }, bulkLimit: { calls: 5, windowMs: 5_000 }, limitSource: 'plan' });
		expect(accountFrom(asN8nGivesIt({ plan: 'legacyLite' }))).toMatchObject({ limit: { calls: 2 }, bulkLimit: { calls: 1 } });
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
