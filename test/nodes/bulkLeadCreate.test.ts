import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';

/** Lead → Create over many items: LeadSquared's Create Leads in Bulk, 50 leads a call; a lost answer settled lead by lead. */

const BULK = '/v2/LeadManagement.svc/Lead/Bulk/Create';
const SINGLE = '/v2/LeadManagement.svc/Lead.Create';
const BY_EMAIL = '/v2/LeadManagement.svc/Leads.GetByEmailaddress';
const BY_PHONE = '/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber';

const { sandbox, credentials, crm } = useCrmNodeTests();

let run = 0;
const emails = (count: number) => {
	run++;
	return Array.from({ length: count }, (_, i) => `create${run}.${i}@example.com`);
};

const createAll = async (items: object[], options: { options?: INodeParameters; continueOnFail?: boolean } = {}) =>
	await runNode({
		parameters: { resource: 'lead', operation: 'create', fieldsMode: 'json', json: '={{ JSON.stringify($json) }}', options: options.options ?? {} },
		items: items as never,
		credentials: credentials(),
		continueOnFail: options.continueOnFail,
	});

const leadsWith = (field: string, value: string) => crm().leads().filter((lead) => lead.fields[field] === value);
/** What each bulk call carried (from the raw body: a faulted request is not parsed). */
const bulkBodies = () => sandbox().requestsTo(BULK).map((request) => JSON.parse(request.rawBody) as Array<Array<{ Attribute: string; Value: string }>>);
const bodySizes = () => bulkBodies().map((body) => body.length);

describe('Lead → Create in bulk', () => {
	it('120 items go as three bulk calls of 50, 50 and 20; each output pairs with its item and has its lead ID', async () => {
		const addresses = emails(120);
		const result = await createAll(addresses.map((EmailAddress, i) => ({ EmailAddress, FirstName: `Row ${i}` })));
		expect(result.error).toBeUndefined();
		expect(bodySizes()).toEqual([50, 50, 20]);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(0);
		expect(result.items).toHaveLength(120);
		result.items.forEach((item, i) => {
			const [lead] = leadsWith('EmailAddress', addresses[i]);
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({ leadId: lead.id, submitted: { EmailAddress: addresses[i], FirstName: `Row ${i}` } });
			expect(lead.fields.FirstName).toBe(`Row ${i}`);
		});
	});

	it('a lead LeadSquared refuses inside a bulk answer stops the node naming it; with Continue On Fail it is an error item and the others are written', async () => {
		const [taken, fine, later] = emails(3);
		await createAll([{ EmailAddress: taken }]);
		const items = [{ EmailAddress: fine }, { EmailAddress: taken, FirstName: 'Twice' }, { EmailAddress: later }];

		const stopped = await createAll(items);
		expect(stopped.error?.message).toMatch(/^LeadSquared refused this lead in its Create Leads in Bulk call \(MXDuplicateEntryException\).* \[item 1\]$/);
		expect(stopped.error?.description).toContain('Items sent successfully before the node stopped (numbered from 0): 0, 2.');
		sandbox().clearRecord();

		const [fine2, later2] = emails(2);
		const continued = await createAll([{ EmailAddress: fine2 }, items[1], { EmailAddress: later2 }], { continueOnFail: true });
		expect(bodySizes()).toEqual([3]);
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(continued.items[0].json).toMatchObject({ leadId: leadsWith('EmailAddress', fine2)[0].id });
		expect(continued.items[1].json.error).toMatch(/MXDuplicateEntryException/);
		expect(continued.items[2].json).toMatchObject({ leadId: leadsWith('EmailAddress', later2)[0].id });
		expect(leadsWith('EmailAddress', taken)).toHaveLength(1);
	});

	it('a 429 on a bulk call is sent again once LeadSquared has room: every lead written once', async () => {
		const addresses = emails(60);
		sandbox().setFaults([{ kind: 'status429', path: BULK, count: 1 }]);
		const result = await createAll(addresses.map((EmailAddress) => ({ EmailAddress })));
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK).map((request) => request.status).sort()).toEqual([200, 200, 429]);
		expect(addresses.every((address) => leadsWith('EmailAddress', address).length === 1)).toBe(true);
	});

	it('a connection dropped after LeadSquared wrote the leads: each is found by its e-mail or phone, none sent again; one with neither is reported unknown', async () => {
		const addresses = emails(3);
		const phone = `98765${String(run).padStart(5, '0')}`;
		sandbox().setFaults([{ kind: 'dropAfter', path: BULK, count: 1 }]);
		const items = [{ EmailAddress: addresses[0] }, { Phone: phone, FirstName: 'By phone' }, { FirstName: `Nameless ${run}` }, { EmailAddress: addresses[1] }];
		const result = await createAll(items, { continueOnFail: true });
		expect(sandbox().requestsTo(BULK)).toHaveLength(1);
		expect(sandbox().requestsTo(BY_EMAIL, 'GET')).toHaveLength(2);
		expect(sandbox().requestsTo(BY_PHONE, 'GET')).toHaveLength(1);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({ leadId: leadsWith('EmailAddress', addresses[0])[0].id, foundAfterLostAnswer: true });
		expect(result.items[1].json).toMatchObject({ leadId: leadsWith('Phone', phone)[0].id, foundAfterLostAnswer: true });
		expect(result.items[2].json.error).toMatch(/^Whether LeadSquared created this lead is unknown: it has no EmailAddress or Phone to look it up by \[item 2\]$/);
		expect(result.items[2].json.details).toMatch(/not sent again/);
		expect(result.items[3].json).toMatchObject({ leadId: leadsWith('EmailAddress', addresses[1])[0].id, foundAfterLostAnswer: true });
		expect(leadsWith('FirstName', `Nameless ${run}`)).toHaveLength(1);
		expect(addresses.slice(0, 2).every((address) => leadsWith('EmailAddress', address).length === 1)).toBe(true);
	});

	it('a connection dropped before LeadSquared wrote them: none is found, so each lead with an e-mail is sent again once', async () => {
		const addresses = emails(3);
		sandbox().setFaults([{ kind: 'dropBefore', path: BULK, count: 1 }]);
		const result = await createAll(addresses.map((EmailAddress) => ({ EmailAddress })));
		expect(result.error).toBeUndefined();
		expect(bodySizes()).toEqual([3, 3]);
		expect(result.items.every((item) => typeof item.json.leadId === 'string' && item.json.foundAfterLostAnswer === undefined)).toBe(true);
		expect(addresses.every((address) => leadsWith('EmailAddress', address).length === 1)).toBe(true);
	});

	it('a gateway error after some leads were written: only those not found are sent again', async () => {
		const addresses = emails(4);
		await createAll([{ EmailAddress: addresses[1] }]);
		sandbox().clearRecord();
		sandbox().setFaults([{ kind: 'status502', path: BULK, count: 1 }]);
		const result = await createAll(addresses.map((EmailAddress) => ({ EmailAddress })));
		expect(result.error).toBeUndefined();
		expect(bulkBodies().map((body) => body.map((lead) => lead[0].Value))).toEqual([
			addresses,
			[addresses[0], addresses[2], addresses[3]],
		]);
		expect(result.items[1].json).toMatchObject({ leadId: leadsWith('EmailAddress', addresses[1])[0].id, foundAfterLostAnswer: true });
		expect(addresses.every((address) => leadsWith('EmailAddress', address).length === 1)).toBe(true);
	});

	it('Send One Call per Item sends each item alone', async () => {
		const [a, b] = emails(2);
		const result = await createAll([{ EmailAddress: a }, { EmailAddress: b }], { options: { oneCallPerItem: true } });
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK)).toHaveLength(0);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(2);
	});
});
