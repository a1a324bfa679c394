import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';

/** Lead → Create or Update over many items: LeadSquared's Create or Update Leads in Bulk, 25 leads a call. */

const BULK = '/v2/LeadManagement.svc/Lead/Bulk/CreateOrUpdate';
const SINGLE = '/v2/LeadManagement.svc/Lead.CreateOrUpdate';

const { sandbox, credentials, crm } = useCrmNodeTests();

let run = 0;
const emails = (count: number) => {
	run++;
	return Array.from({ length: count }, (_, i) => `bulk${run}.${i}@example.com`);
};

const upsertAll = async (items: object[], options: { options?: INodeParameters; continueOnFail?: boolean; credentials?: object } = {}) =>
	await runNode({
		parameters: { resource: 'lead', operation: 'upsert', fieldsMode: 'json', json: '={{ JSON.stringify($json) }}', searchBy: '', options: options.options ?? {} },
		items: items as never,
		credentials: { ...credentials(), ...options.credentials },
		continueOnFail: options.continueOnFail,
	});

const leadsWith = (email: string) => crm().leads().filter((lead) => lead.fields.EmailAddress === email);
const bodySizes = () => sandbox().requestsTo(BULK).map((request) => (request.body as unknown[]).length);

describe('Lead → Create or Update in bulk', () => {
	it('60 items go as three bulk calls of 25, 25 and 10; each output pairs with its item and says created or updated', async () => {
		const addresses = emails(60);
		await upsertAll([{ EmailAddress: addresses[5], FirstName: 'Before' }]);
		sandbox().clearRecord();

		const result = await upsertAll(addresses.map((EmailAddress, i) => ({ EmailAddress, FirstName: `Row ${i}` })));
		expect(result.error).toBeUndefined();
		expect(bodySizes()).toEqual([25, 25, 10]);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(0);
		expect(result.items).toHaveLength(60);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ leadId: leadsWith(addresses[i])[0].id, created: i !== 5, updated: i === 5, submitted: { EmailAddress: addresses[i] } });
		});
		expect(addresses.every((address, i) => leadsWith(address).length === 1 && leadsWith(address)[0].fields.FirstName === `Row ${i}`)).toBe(true);
	});

	it('a lead LeadSquared refuses inside a bulk answer stops the node naming it; with Continue On Fail it is an error item and the others are written', async () => {
		const [taken, clash, fine] = emails(3);
		await upsertAll([{ EmailAddress: taken, Phone: '9876500001' }]);
		const items = [{ EmailAddress: fine }, { EmailAddress: clash, Phone: '9876500001' }];

		const stopped = await upsertAll(items);
		expect(stopped.error?.message).toMatch(/^LeadSquared refused this lead in its Create or Update Leads in Bulk call \(MXDuplicateEntryException\).* \[item 1\]$/);
		expect(stopped.error?.description).toContain('Items sent successfully before the node stopped (numbered from 0): 0.');

		const continued = await upsertAll(items, { continueOnFail: true });
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(continued.items[0].json).toMatchObject({ leadId: leadsWith(fine)[0].id });
		expect(continued.items[1].json.error).toMatch(/MXDuplicateEntryException/);
		expect(leadsWith(clash)).toHaveLength(0);
	});

	it('a 429 on a bulk call is sent again once LeadSquared has room: every lead written once', async () => {
		const addresses = emails(30);
		sandbox().setFaults([{ kind: 'status429', path: BULK, count: 1 }]);
		const result = await upsertAll(addresses.map((EmailAddress) => ({ EmailAddress })));
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK).map((request) => request.status)).toEqual([429, 200, 200]);
		expect(addresses.every((address) => leadsWith(address).length === 1)).toBe(true);
	});

	it('a connection dropped after LeadSquared wrote the leads: the bulk upsert is sent again (it finds them), none written twice', async () => {
		const addresses = emails(10);
		sandbox().setFaults([{ kind: 'dropAfter', path: BULK, count: 1 }]);
		const result = await upsertAll(addresses.map((EmailAddress, i) => ({ EmailAddress, FirstName: `Drop ${i}` })));
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK)).toHaveLength(2);
		expect(result.items.every((item) => item.json.updated === true)).toBe(true);
		expect(addresses.every((address) => leadsWith(address).length === 1)).toBe(true);
	});

	it('Send One Call per Item, or items that trigger automations or clear fields, go one call each', async () => {
		const [a, b, c, d] = emails(4);
		await upsertAll([{ EmailAddress: a }, { EmailAddress: b }], { options: { oneCallPerItem: true } });
		await upsertAll([{ EmailAddress: c }, { EmailAddress: d }], { options: { postUpdatedLead: true } });
		await upsertAll([{ EmailAddress: c }, { EmailAddress: d }], { options: { clearFields: ['JobTitle'] } });
		expect(sandbox().requestsTo(BULK)).toHaveLength(0);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(6);
	});

	it('on an older plan (bulk 1 per 5 s against 25 single calls) bulk calls are no faster: items go one call each', async () => {
		const addresses = emails(4);
		const result = await upsertAll(addresses.map((EmailAddress) => ({ EmailAddress })), { credentials: { plan: 'legacyEnterprise' } });
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK)).toHaveLength(0);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(4);
	});

	it('keeps to the bulk limit LeadSquared names: a credential allowing 10 bulk calls, an account 2 per second; no item fails', async () => {
		const addresses = emails(150);
		const before = sandbox().bulkRateLimit;
		sandbox().bulkRateLimit = { calls: 2, windowMs: 1_000 };
		try {
			const result = await upsertAll(
				addresses.map((EmailAddress) => ({ EmailAddress })),
				{ credentials: { rateLimitCalls: 100, rateLimitWindowSeconds: 1, bulkRateLimitCalls: 10 } },
			);
			expect(result.error).toBeUndefined();
			const statuses = sandbox().requestsTo(BULK).map((request) => request.status);
			expect(statuses.filter((status) => status === 200)).toHaveLength(6);
			expect(statuses.filter((status) => status === 429).length).toBeLessThanOrEqual(4);
			expect(addresses.every((address) => leadsWith(address).length === 1)).toBe(true);
		} finally {
			sandbox().bulkRateLimit = before;
		}
	});
});
