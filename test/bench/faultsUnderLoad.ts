/**
 * Faults under load, full size: N async captures with Search By (default 1,000) through the real
 * engine in executions of 50 at once, with Continue On Fail, while the sandbox injects 10% 5xx,
 * 5% dropped connections, 2% 429s and random latency; then a fault storm (60% failing) that makes
 * some items exhaust their retries. Prints faults by kind, items lost, duplicates, error items.
 *   npx ts-node --transpile-only test/bench/faultsUnderLoad.ts
 * Env: LOAD_ITEMS (1000), LOAD_SEED (6), STORM_ITEMS (200).
 */
import '../harness/setupEnv';

async function main() {
	const { capturesUnderFaults, reportRow, STORM_FAULTS } = await import('../reliability/support/capturesUnderFaults');
	const items = Number(process.env.LOAD_ITEMS ?? 1000);
	const seed = Number(process.env.LOAD_SEED ?? 6);
	const stormItems = Number(process.env.STORM_ITEMS ?? 200);
	const rateLimit = { calls: 50, windowMs: 500 };

	const load = await capturesUnderFaults({ items, itemsPerExecution: 50, rateLimit, seed });
	const storm = await capturesUnderFaults({ items: stormItems, itemsPerExecution: 50, rateLimit, seed: seed + 1, faults: STORM_FAULTS });

	console.log(
		`Async captures with Search By, Continue On Fail, limit ${rateLimit.calls} per ${rateLimit.windowMs} ms (sandbox and credential)`,
	);
	console.table({ [`faults under load, N = ${items}`]: reportRow(load), [`fault storm, N = ${stormItems}`]: reportRow(storm) });
	for (const [name, report] of [
		['load', load],
		['storm', storm],
	] as const) {
		console.log(
			`${name}: fault share of ${report.captureCalls} calls:`,
			Object.fromEntries(Object.entries(report.faults).map(([kind, n]) => [kind, `${((100 * n) / report.captureCalls).toFixed(1)}%`])),
		);
		console.log(`${name}: run statuses`, report.runStatuses, '| error items by message', report.errorMessages);
		if (report.errorItemLeads.length) console.log(`${name}: error items and their leads`, report.errorItemLeads);
	}
	const bad = [load, storm].some((r) => r.lost || r.duplicates || r.itemsWithoutOneOutcome || r.foreignRequestIds);
	console.log(
		bad
			? 'FAILED: a lead was lost or duplicated, or an item had not exactly one outcome'
			: 'OK: no lead lost, none twice, every item exactly one outcome',
	);
	process.exit(bad ? 1 : 0);
}

void main();
