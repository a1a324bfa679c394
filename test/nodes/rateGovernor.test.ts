import { concurrentPushes } from '../harness/governedPushRun';
import { rateLimitFloorMs } from '../harness/rateFloor';
import { useSandbox } from '../harness/sandboxFixture';
import { governorFor, RateGovernor } from '../../nodes/LeadSquared/transport/rateGovernor';

const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';

const sandbox = useSandbox({ rateLimit: { calls: 25, windowMs: 1_000 } });

describe('the account-wide rate governor', () => {
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

	it('never lets more than the limit into any window of its own clock', async () => {
		const governor = new RateGovernor({ calls: 5, windowMs: 200 });
		const sentAt: number[] = [];
		await Promise.all(
			Array.from({ length: 23 }, async () =>
				await governor.run(async () => {
					sentAt.push(Date.now());
					await new Promise((resolve) => setTimeout(resolve, 5));
				}),
			),
		);
		const busiestWindow = Math.max(...sentAt.map((start) => sentAt.filter((time) => time >= start && time < start + 200).length));
		expect(busiestWindow).toBeLessThanOrEqual(5);
		expect(sentAt).toHaveLength(23);
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
