import type { CrmCase } from '../harness/crmCases';
import { CRM_CASES } from '../harness/crmCases';
import { RECORD_CASES } from '../harness/recordCases';
import { expectNoSecretIn } from '../harness/assertions';
import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';

/** Every CRM operation against LeadSquared's failures, each bad item refused before sending, Continue On Fail and paired items. */

const { sandbox, fixtures } = useCrmNodeTests();

const run = async (crm: CrmCase, options: { items?: object[]; credentials?: object; continueOnFail?: boolean } = {}) =>
	await runNode({
		parameters: crm.parameters,
		items: (options.items ?? [crm.good(fixtures())]) as never,
		credentials: { ...sandbox().credentialsFor(), ...options.credentials },
		continueOnFail: options.continueOnFail,
	});

const calls = (crm: CrmCase) => sandbox().requestsTo(crm.path, crm.method);

describe.each([...CRM_CASES, ...RECORD_CASES])('$name', (crm) => {
	it('succeeds, paired with its item', async () => {
		const result = await run(crm);
		expect(result.error?.message).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(calls(crm).map((call) => call.status)).toEqual([200]);
	});

	it('refuses a bad item before sending anything, naming item, field and rule', async () => {
		const result = await run(crm, { items: [crm.good(fixtures()), crm.bad] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(crm.badError);
		expect(sandbox().requests).toEqual([]);
	});

	it('with Continue On Fail, the bad item becomes an error item and the others are sent, every output paired', async () => {
		const result = await run(crm, { items: [crm.good(fixtures()), crm.bad, crm.good(fixtures())], continueOnFail: true });
		expect(result.status).toBe('success');
		const byItem = (index: number) => result.items.filter((item) => (item.pairedItem as { item: number }).item === index);
		expect(byItem(1)).toEqual([expect.objectContaining({ json: { error: expect.stringMatching(crm.badError) } })]);
		for (const index of [0, 2]) {
			expect(byItem(index).length).toBeGreaterThan(0);
			expect(byItem(index).every((item) => item.json.error === undefined)).toBe(true);
		}
		if (crm.bulkPath) {
			// A bulk body is the list of records, or (Update Leads in Bulk v2) an object holding it in LeadPropertiesList.
			const records = (body: unknown) => (Array.isArray(body) ? body : (body as { LeadPropertiesList: unknown[] }).LeadPropertiesList);
			const rows = crm.bulkRows ?? records;
			expect(sandbox().requestsTo(crm.bulkPath, crm.method).map((call) => rows(call.body).length)).toEqual([2]);
		} else {
			expect(calls(crm)).toHaveLength(2);
		}
	});

	it('a 400 carries LeadSquared’s message and is not sent again', async () => {
		sandbox().setFaults([{ kind: 'status400', path: crm.path }]);
		const result = await run(crm);
		expect(result.error?.message).toBe(
			'LeadSquared refused the request (400): The request body is not as per API specification (injected fault) [item 0]',
		);
		expect(result.error?.httpCode).toBe('400');
		expect(calls(crm)).toHaveLength(1);
	});

	it('a 401 points at the keys and the region, and shows no key', async () => {
		const result = await run(crm, { credentials: { secretKey: 'wrong-secret-key-123' } });
		expect(result.error?.message).toMatch(/^LeadSquared rejected the credentials \(401\) at .*: Invalid AccessKey or SecretKey \[item 0\]$/);
		expect(result.error?.description).toContain('Region matches your account');
		expectNoSecretIn(result.run, ['wrong-secret-key-123', sandbox().accounts[0].accessKey]);
	});

	it('a 404 (no such API at this address) points at the credential’s host, and at the assumed path where no page shows it', async () => {
		const result = await run(crm, { credentials: { apiUrl: `${sandbox().url}/not-leadsquared` } });
		if (crm.unconfirmed) {
			const { what, overrideIn } = crm.unconfirmed;
			expect(result.error?.message).toBe(
				`LeadSquared did not accept ${what} at ${crm.method} /not-leadsquared${crm.path} (404); this path is not on LeadSquared's pages; override it in ${overrideIn} [item 0]`,
			);
		} else {
			expect(result.error?.message).toMatch(/^LeadSquared answered 404 Not Found: No API at .* \[item 0\]$/);
		}
		expect(result.error?.description).toMatch(/check the Region \(or Custom URLs\) of the credential/i);
	});

	it('a 429 is sent again once LeadSquared has room, and succeeds', async () => {
		sandbox().setFaults([{ kind: 'status429', path: crm.path, count: 1 }]);
		const result = await run(crm);
		expect(result.status).toBe('success');
		expect(calls(crm).map((call) => call.status)).toEqual([429, 200]);
	});

	if (crm.replaySafe) {
		it('a 500 is sent again (harmless to repeat) and succeeds', async () => {
			sandbox().setFaults([{ kind: 'status500', path: crm.path, count: 1 }]);
			const result = await run(crm);
			expect(result.status).toBe('success');
			expect(calls(crm).map((call) => call.status)).toEqual([500, 200]);
		});
	} else {
		it('a 500 is reported and not sent again (a repeat could write twice)', async () => {
			sandbox().setFaults([{ kind: 'status500', path: crm.path, count: 1 }]);
			const result = await run(crm);
			expect(result.error?.message).toBe('LeadSquared failed to handle the request (500): 500 - Internal server error. [item 0]');
			expect(result.error?.description).toContain('Not sent again automatically');
			expect(calls(crm)).toHaveLength(1);
		});
	}
});

describe('the daily API quota', () => {
	afterEach(() => {
		sandbox().dailyQuota = undefined;
	});

	it('once used up, the error says so and the call is not sent again', async () => {
		const [search] = CRM_CASES.filter((crm) => crm.name === 'Lead → Search');
		sandbox().dailyQuota = 0;
		const started = Date.now();
		const result = await run(search);
		expect(result.error?.message).toBe(
			"LeadSquared's daily API quota for this account is used up (429): API calls exceeded the daily limit of 0 [item 0]",
		);
		expect(result.error?.description).toContain('until its quota resets');
		expect(calls(search)).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});
