/**
 * Faults under load: async captures with Search By through the real engine, several executions
 * at once, with Continue On Fail, while the sandbox injects 10% 5xx, 5% dropped connections,
 * 2% 429s and random latency. No lead lost, none twice, every item exactly one outcome.
 * N here is for CI (LOAD_ITEMS, default 300); `npx ts-node test/bench/faultsUnderLoad.ts` runs 1,000.
 */
import type { LoadReport } from './support/capturesUnderFaults';
import { capturesUnderFaults, reportRow, STORM_FAULTS } from './support/capturesUnderFaults';

const ITEMS = Number(process.env.LOAD_ITEMS ?? 300);

describe('async captures under faults and load', () => {
	it(`${ITEMS} captures: every item one outcome, no lead lost, none twice`, async () => {
		const report = await capturesUnderFaults({ items: ITEMS, itemsPerExecution: 50, rateLimit: { calls: 50, windowMs: 500 }, seed: 6 });
		process.stdout.write(`\nFaults under load (jest, N = ${ITEMS}):\n`);
		console.table({ [`N = ${ITEMS}`]: reportRow(report) });
		if (report.errorItems) console.log('error items:', report.errorMessages, report.errorItemLeads);

		expectOneOutcomePerItemAndOneLeadPerEmail(report);
		// The faults really happened, at about the planned rates.
		const dropped = (report.faults.dropBefore ?? 0) + (report.faults.dropAfter ?? 0);
		const serverErrors = (report.faults.status500 ?? 0) + (report.faults.status502 ?? 0) + (report.faults.status503 ?? 0);
		expect(serverErrors).toBeGreaterThan(report.captureCalls * 0.05);
		expect(dropped).toBeGreaterThan(report.captureCalls * 0.02);
		expect(report.faults.dropBefore).toBeGreaterThan(0);
		expect(report.faults.dropAfter).toBeGreaterThan(0);
		expect(report.faults.status429).toBeGreaterThan(0);
	}, 180_000);

	it('a fault storm (60% of calls fail): items that exhaust their retries are error items, and their leads exist at most once', async () => {
		const report = await capturesUnderFaults({
			items: 100,
			itemsPerExecution: 25,
			rateLimit: { calls: 50, windowMs: 500 },
			seed: 7,
			faults: STORM_FAULTS,
		});
		process.stdout.write('\nFault storm (jest, N = 100, 30% 503, 15% dropBefore, 15% dropAfter):\n');
		console.table({ 'storm, N = 100': reportRow(report) });
		console.log('error items by message:', report.errorMessages, '\nerror items and their leads:', report.errorItemLeads);

		expectOneOutcomePerItemAndOneLeadPerEmail(report);
		expect(report.errorItems).toBeGreaterThan(0);
		for (const message of Object.keys(report.errorMessages)) {
			expect(message).toMatch(/^(LeadSquared failed to handle the request \(503\)|No answer from LeadSquared \(ECONNRESET\))/);
		}
	}, 180_000);
});

function expectOneOutcomePerItemAndOneLeadPerEmail(report: LoadReport): void {
	expect(report.runStatuses).toEqual({ success: report.executions });
	// Every item exactly one outcome, each RequestID the one LeadSquared gave for that item's e-mail.
	expect(report.withRequestId + report.errorItems).toBe(report.items);
	expect(report.itemsWithoutOneOutcome).toBe(0);
	expect(report.foreignRequestIds).toBe(0);
	// LeadSquared's side: none lost, none twice, and an error item's lead absent or there once.
	expect(report.lost).toBe(0);
	expect(report.duplicates).toBe(0);
	expect(report.errorItemsWithLead + report.errorItemsWithoutLead).toBe(report.errorItems);
}
