/**
 * Bounded resources: RESOURCE_ITEMS (default 1,000) items, half pushes and half captures, through
 * the real engine. After the run, no more sockets, handles or timers than before, and the heap
 * after a forced GC close to where it was. The 10,000-item version with a memory timeline:
 *   node --expose-gc -r ts-node/register/transpile-only test/bench/resources.ts
 */
import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { LeadSquaredSandbox } from '../sandbox/server';
import type { Snapshot } from './support/resourceWorkload';
import { pushAndCaptureWorkload, settledSnapshot } from './support/resourceWorkload';

const ITEMS = Number(process.env.RESOURCE_ITEMS ?? 1_000);
/** Heap after GC may sit this much above the warmed-up baseline (measured: +1 to +2 MB for 1,000 to 10,000 items). */
const HEAP_TOLERANCE_MB = 6;

/** Kinds of active resource (socket, server, timer…) with more entries than in `limit`. */
function kindsAbove(resources: Record<string, number>, limit: Record<string, number>): string[] {
	return Object.entries(resources)
		.filter(([kind, count]) => count > (limit[kind] ?? 0))
		.map(([kind, count]) => `${kind}: ${count} (at most ${limit[kind] ?? 0})`);
}

/**
 * Snapshots until no kind of resource is above `limit`, for up to 2 s: a leak stays, while a
 * timer that some library is just about to clear does not fail the test.
 */
async function settledWithin(limit: Record<string, number>, label: string): Promise<Snapshot> {
	let latest = await settledSnapshot(label, ITEMS);
	for (let waited = 0; kindsAbove(latest.resources, limit).length && waited < 2_000; waited += 250) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		latest = await settledSnapshot(label, ITEMS);
	}
	return latest;
}

describe('resources stay bounded', () => {
	it(`${ITEMS} items: no sockets, handles or timers left over; heap after GC back near the start`, async () => {
		const baseline = await settledSnapshot('before the sandbox', 0);
		const sandbox = await LeadSquaredSandbox.start({
			rateLimit: { calls: 5_000, windowMs: 1_000 },
			queue: { delayMs: 20, timeScale: 0.001 },
		});
		const options = { itemsPerExecution: 100, concurrency: 5 };
		await pushAndCaptureWorkload(sandbox, { ...options, items: 200 }); // warm-up: modules, JIT, expression engine
		const before = await settledSnapshot('before', 0);

		const started = Date.now();
		const { failed, peakSockets, peakTimers, peakFileDescriptors } = await pushAndCaptureWorkload(sandbox, { ...options, items: ITEMS });
		const wallMs = Date.now() - started;
		const after = await settledWithin(before.resources, 'after');
		await sandbox.close();
		Container.get(SSHClientsManager).onShutdown(); // n8n-core's 60 s sweeper, which n8n stops at shutdown
		const closed = await settledWithin(baseline.resources, 'after, sandbox closed');

		process.stdout.write(
			`\nBounded resources (jest, N = ${ITEMS}, ${(wallMs / 1000).toFixed(1)} s): heap ${before.heapUsedMB} → ${
				after.heapUsedMB
			} MB after GC, ` +
				`RSS ${before.rssMB} → ${after.rssMB} MB; sockets ${before.sockets} → ${after.sockets} (peak ${peakSockets}); timers ${before.timers} → ${after.timers} (peak ${peakTimers}); ` +
				`open files ${before.fileDescriptors} → ${after.fileDescriptors} (peak ${peakFileDescriptors}); n8n user folder ${before.userFolderKB} → ${after.userFolderKB} KB; ` +
				`active resources ${JSON.stringify(baseline.resources)} before the sandbox, ${JSON.stringify(closed.resources)} after it closed\n`,
		);
		expect(failed).toBe(0);
		// Concurrency is bounded: 5 executions × 5 items in flight, a socket at each end, and a timer per call.
		expect(peakSockets).toBeLessThanOrEqual(2 * 5 * 5);
		expect(peakTimers).toBeLessThanOrEqual(before.timers + 2 * 5 * 5);
		expect(after.sockets).toBeLessThanOrEqual(before.sockets);
		expect(after.timers).toBeLessThanOrEqual(before.timers);
		expect(kindsAbove(after.resources, before.resources)).toEqual([]);
		expect(after.fileDescriptors).toBeLessThanOrEqual(before.fileDescriptors);
		// Once the sandbox is closed, nothing of ours is left: no kind of handle above its count before the sandbox started.
		expect(kindsAbove(closed.resources, baseline.resources)).toEqual([]);
		expect(after.heapUsedMB - before.heapUsedMB).toBeLessThan(HEAP_TOLERANCE_MB);
	}, 120_000);
});
