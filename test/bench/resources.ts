/**
 * Bounded resources: a 10,000-item workload (half Send Browser Push, half Capture (Async) with
 * Search By, executions of 100 items, 5 at a time) through the real engine against an in-process
 * sandbox with a high rate limit. Prints heap used and RSS before, every 1,000 items and after
 * (each after a forced GC), and open sockets and active handles/timers before and after.
 *   node --expose-gc -r ts-node/register/transpile-only test/bench/resources.ts
 * Env: RESOURCE_ITEMS (10000), RESOURCE_EVERY (1000).
 */
import '../harness/setupEnv';

async function main() {
	const { pushAndCaptureWorkload, settledSnapshot, snapshot } = await import('../reliability/support/resourceWorkload');
	const { LeadSquaredSandbox } = await import('../sandbox/server');
	const { Container } = await import('@n8n/di');
	const { SSHClientsManager } = await import('n8n-core/dist/execution-engine/ssh-clients-manager');
	const items = Number(process.env.RESOURCE_ITEMS ?? 10_000);
	const every = Number(process.env.RESOURCE_EVERY ?? 1_000);
	const gcFlag = typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'node --expose-gc' : 'gc() enabled at run time';

	const cold = await settledSnapshot('before anything (cold)', 0);
	const sandbox = await LeadSquaredSandbox.start({
		rateLimit: { calls: 5_000, windowMs: 1_000 },
		queue: { delayMs: 20, timeScale: 0.001 },
	});
	const options = { itemsPerExecution: 100, concurrency: 5 };
	await pushAndCaptureWorkload(sandbox, { ...options, items: 500 }); // warm-up: modules, JIT, n8n's expression engine
	const snapshots = [await settledSnapshot('before (after a 500-item warm-up)', 0)];
	const started = Date.now();
	const { failed, peakSockets, peakTimers, peakFileDescriptors } = await pushAndCaptureWorkload(sandbox, {
		...options,
		items,
		every,
		onProgress: async (done) => void snapshots.push(await settledSnapshot(`after ${done} items`, done)),
	});
	const wallMs = Date.now() - started;
	const idle = snapshot('right after, no GC', items);
	await sandbox.close();
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
	await new Promise((resolve) => setTimeout(resolve, 100));
	const closed = await settledSnapshot('after, sandbox closed', items);

	const row = (s: (typeof snapshots)[number]) => ({
		items: s.items,
		'heap used (MB)': s.heapUsedMB,
		'RSS (MB)': s.rssMB,
		sockets: s.sockets,
		timers: s.timers,
		'open files': s.fileDescriptors,
		'n8n user folder (KB)': s.userFolderKB,
		'active resources': Object.entries(s.resources)
			.map(([kind, n]) => `${kind} ${n}`)
			.join(', '),
	});
	console.log(
		`${items} items (${failed} failed) in ${(wallMs / 1000).toFixed(
			1,
		)} s; heap after forced GC (${gcFlag}); at most ${peakSockets} sockets, ${peakTimers} timers and ${peakFileDescriptors} files open at once during the run`,
	);
	console.table(Object.fromEntries([cold, ...snapshots, idle, closed].map((s) => [s.label, row(s)])));
	const before = snapshots[0];
	const after = snapshots[snapshots.length - 1];
	console.log(
		`heap growth over ${items} items: ${(after.heapUsedMB - before.heapUsedMB).toFixed(1)} MB; ` +
			`sockets ${before.sockets} → ${after.sockets} (sandbox open) → ${closed.sockets} (closed); timers ${before.timers} → ${closed.timers}; ` +
			`open files ${before.fileDescriptors} → ${closed.fileDescriptors}; n8n user folder ${before.userFolderKB} → ${closed.userFolderKB} KB`,
	);
	process.exit(failed ? 1 : 0);
}

void main();
