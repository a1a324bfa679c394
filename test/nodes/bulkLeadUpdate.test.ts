import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { leadBy } from '../harness/crmFixtures';

/** Lead → Update over many items: LeadSquared's Update Leads in Bulk v2, 25 leads a call, each by its ID. */

const BULK = '/v2/LeadManagement.svc/Lead/Bulk/UpdateV2';
const SINGLE = '/v2/LeadManagement.svc/Lead.Update';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const { sandbox, credentials, crm } = useCrmNodeTests();

let run = 0;
/** `count` new leads (made through the sandbox's store, not the node), by ID. */
const newLeads = (count: number): string[] => {
	run++;
	return Array.from({ length: count }, (_, i) => crm().insertLead({ EmailAddress: `update${run}.${i}@example.com`, FirstName: 'Before' }, 'test').id);
};

type Update = { leadId?: string; email?: string; fields: object };

const updateAll = async (items: Update[], options: { options?: INodeParameters; continueOnFail?: boolean } = {}) =>
	await runNode({
		parameters: {
			resource: 'lead',
			operation: 'update',
			lead: leadBy(items[0].email ? 'email' : 'id', items[0].email ? '={{ $json.email }}' : '={{ $json.leadId }}'),
			fieldsMode: 'json',
			json: '={{ JSON.stringify($json.fields) }}',
			options: options.options ?? {},
		},
		items: items as never,
		credentials: credentials(),
		continueOnFail: options.continueOnFail,
	});

type Sent = { SearchByKey?: string; LeadPropertiesList: Array<{ Fields: Array<{ Attribute: string; Value: string }> }> };
const bulkBodies = () => sandbox().requestsTo(BULK).map((request) => JSON.parse(request.rawBody) as Sent);
const fieldsOf = (id: string) => crm().lead(id)!.fields;

describe('Lead → Update in bulk', () => {
	it('60 items go as three bulk calls of 25, 25 and 10, each lead by its ProspectId; each output pairs with its item', async () => {
		const ids = newLeads(60);
		const result = await updateAll(ids.map((leadId, i) => ({ leadId, fields: { FirstName: `Row ${i}` } })));
		expect(result.error).toBeUndefined();
		expect(bulkBodies().map((body) => body.LeadPropertiesList.length)).toEqual([25, 25, 10]);
		expect(bulkBodies()[0].SearchByKey).toBeUndefined();
		expect(bulkBodies()[0].LeadPropertiesList[0].Fields).toEqual([
			{ Attribute: 'ProspectId', Value: ids[0] },
			{ Attribute: 'FirstName', Value: 'Row 0' },
		]);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(0);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({ leadId: ids[i], affectedRows: null, automationsTriggered: false, submitted: { FirstName: `Row ${i}` } });
			expect(fieldsOf(ids[i]).FirstName).toBe(`Row ${i}`);
		});
	});

	it('leads given by email are looked up, then updated in one bulk call', async () => {
		const ids = newLeads(2);
		const emails = ids.map((id) => fieldsOf(id).EmailAddress);
		const result = await updateAll(emails.map((email) => ({ email, fields: { JobTitle: 'Buyer' } })));
		expect(result.error).toBeUndefined();
		expect(bulkBodies().map((body) => body.LeadPropertiesList.length)).toEqual([2]);
		expect(result.items.map((item) => item.json.leadId)).toEqual(ids);
		expect(ids.every((id) => fieldsOf(id).JobTitle === 'Buyer')).toBe(true);
	});

	it('a lead LeadSquared names in the bulk answer stops the node naming it; with Continue On Fail it is an error item and the others are written', async () => {
		const [a, b, taken] = newLeads(3);
		crm().lead(taken)!.fields.Phone = `98765${String(run).padStart(5, '0')}`;
		const items = [
			{ leadId: a, fields: { FirstName: 'A' } },
			{ leadId: UNKNOWN, fields: { FirstName: 'Nobody' } },
			{ leadId: b, fields: { Phone: fieldsOf(taken).Phone } },
		];
		const stopped = await updateAll(items);
		expect(stopped.error?.message).toBe(
			`LeadSquared did not update lead ${UNKNOWN} in its Update Leads in Bulk call: Lead does not exist in the system or You do not have permission to update the lead [item 1]`,
		);
		expect(stopped.error?.description).toContain("named this lead in the answer's UnProcessedLeads");

		const continued = await updateAll(items, { continueOnFail: true });
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(continued.items[0].json).toMatchObject({ leadId: a });
		expect(continued.items[1].json.error).toMatch(/did not update lead .* \[item 1\]$/);
		expect(continued.items[2].json.error).toMatch(/^LeadSquared did not update lead .*: Duplicate entries are not allowed.* \[item 2\]$/);
		expect(fieldsOf(a).FirstName).toBe('A');
		expect(fieldsOf(b).Phone).toBeUndefined();
	});

	it('a 429 on a bulk call is sent again once LeadSquared has room: every lead updated', async () => {
		const ids = newLeads(30);
		sandbox().setFaults([{ kind: 'status429', path: BULK, count: 1 }]);
		const result = await updateAll(ids.map((leadId) => ({ leadId, fields: { JobTitle: 'After 429' } })));
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK).map((request) => request.status).sort()).toEqual([200, 200, 429]);
		expect(ids.every((id) => fieldsOf(id).JobTitle === 'After 429')).toBe(true);
	});

	it('a connection dropped after LeadSquared wrote the leads: the bulk update is sent again (it writes the same values)', async () => {
		const ids = newLeads(10);
		const leadsBefore = crm().leads().length;
		sandbox().setFaults([{ kind: 'dropAfter', path: BULK, count: 1 }]);
		const result = await updateAll(ids.map((leadId, i) => ({ leadId, fields: { FirstName: `Drop ${i}` } })));
		expect(result.error).toBeUndefined();
		expect(bulkBodies()).toHaveLength(2);
		expect(bulkBodies()[1]).toEqual(bulkBodies()[0]);
		expect(crm().leads()).toHaveLength(leadsBefore);
		expect(ids.every((id, i) => fieldsOf(id).FirstName === `Drop ${i}`)).toBe(true);
	});

	it('Send One Call per Item, or items that trigger automations or clear fields, go one call each', async () => {
		const [a, b] = newLeads(2);
		const items = [{ leadId: a, fields: { FirstName: 'X' } }, { leadId: b, fields: { FirstName: 'Y' } }];
		await updateAll(items, { options: { oneCallPerItem: true } });
		await updateAll(items, { options: { postUpdatedLead: true } });
		await updateAll(items, { options: { clearFields: ['JobTitle'] } });
		expect(sandbox().requestsTo(BULK)).toHaveLength(0);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(6);
	});
});
