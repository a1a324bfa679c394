/**
 * Governor benchmark: E executions at once push N items in all through the real engine to
 * the sandbox, whose limit is `calls` per `windowMs`. Prints the wall time against the
 * rate-limit floor (target: ratio at most 1.10) and the 429s LeadSquared answered.
 *   npx ts-node --transpile-only test/bench/rateGovernor.ts
 * Env: BENCH_ITEMS (150), BENCH_EXECUTIONS (3), BENCH_CALLS (25), BENCH_WINDOW_MS (1000).
 */
import '../harness/setupEnv';

async function main() {
	const { concurrentPushes } = await import('../harness/governedPushRun');
	const { rateLimitFloorMs } = await import('../harness/rateFloor');
	const { LeadSquaredSandbox } = await import('../sandbox/server');
	const items = Number(process.env.BENCH_ITEMS ?? 150);
	const executions = Number(process.env.BENCH_EXECUTIONS ?? 3);
	const calls = Number(process.env.BENCH_CALLS ?? 25);
	const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 1000);

	const sandbox = await LeadSquaredSandbox.start({ rateLimit: { calls, windowMs } });
	const { runs, wallMs } = await concurrentPushes(sandbox, executions, Math.ceil(items / executions));
	const pushes = sandbox.requests.filter((request) => request.path === '/v2/Notifier.svc/Browser.Push');
	const floorMs = rateLimitFloorMs(pushes.length, calls, windowMs);
	await sandbox.close();

	console.table({
		'Send Browser Push through the governor': {
			executions,
			items: pushes.length,
			'limit': `${calls} per ${windowMs} ms`,
			'delivered (200)': pushes.filter((request) => request.status === 200).length,
			'429s': pushes.filter((request) => request.status === 429).length,
			'failed items': runs.flatMap((run) => run.items).filter((item) => item.json.error).length + runs.filter((run) => run.error).length,
			'wall time (ms)': wallMs,
			'rate-limit floor (ms)': floorMs,
			'ratio to floor': Number((wallMs / floorMs).toFixed(3)),
		},
	});
	process.exit(0);
}

void main();
