import { FakeN8nApi } from './fakeN8nApi';
import { useSandbox } from './sandboxFixture';
import { VirtualClock } from './virtualClock';

/**
 * What a Capture Trigger test runs against, on one virtual clock: a LeadSquared sandbox (with
 * LeadSquared's real timetable, and a rate limit that stays out of the way) and n8n's public
 * API holding the executions that captured leads. Started before the file's tests, closed after.
 */
export function useTriggerWorld() {
	const clock = new VirtualClock(Date.UTC(2025, 0, 6, 8, 0, 0));
	const sandbox = useSandbox({ clock: clock.now, rateLimit: { calls: 1000, windowMs: 1_000 } });
	let n8n: FakeN8nApi | undefined;
	beforeAll(async () => {
		clock.install();
		n8n = await FakeN8nApi.start(clock.now);
	});
	afterAll(async () => {
		clock.uninstall();
		await n8n?.close();
	});
	return {
		clock,
		sandbox,
		n8n: () => {
			if (!n8n) throw new Error("n8n's API has not started");
			return n8n;
		},
	};
}
