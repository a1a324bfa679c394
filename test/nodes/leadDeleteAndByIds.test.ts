import type { NodeParameterValueType } from 'n8n-workflow';

import { leadBy } from '../harness/crmFixtures';
import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { apiClient, pairs } from '../sandbox/crmTestKit';

const LM = '/v2/LeadManagement.svc';
const DELETE = `${LM}/Lead/Delete/ById`;
const BY_IDS = `${LM}/Leads/Retrieve/ByIds`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const { sandbox, credentials, crm } = useCrmNodeTests();

let counter = 0;
async function createLead(firstName = 'Extra'): Promise<string> {
	const email = `extra.${++counter}.${Date.now()}@example.com`;
	const answer = await apiClient(sandbox()).post(`${LM}/Lead.Create`, pairs({ EmailAddress: email, FirstName: firstName }));
	sandbox().clearRecord();
	return answer.body.Message.Id as string;
}

const deleteLead = async (lead: NodeParameterValueType, options: { continueOnFail?: boolean; items?: object[] } = {}) =>
	await runNode({
		parameters: { resource: 'lead', operation: 'delete', lead },
		credentials: credentials(),
		items: options.items as never,
		continueOnFail: options.continueOnFail,
	});

describe('Lead → Delete', () => {
	it('deletes the lead in LeadSquared and says which', async () => {
		const leadId = await createLead();
		const { items, error } = await deleteLead(leadBy('id', leadId));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { leadId, deleted: true }, pairedItem: { item: 0 } }]);
		expect(crm().lead(leadId)).toBeUndefined();
		expect(sandbox().requestsTo(DELETE, 'GET')[0].url).toContain(`leadId=${leadId}`);
	});

	it('a lead LeadSquared does not have is LeadSquared’s error, named for the item', async () => {
		const { error } = await deleteLead(leadBy('id', UNKNOWN_ID));
		expect(error?.message).toMatch(/Lead not found \[item 0\]$/);
		expect(sandbox().requestsTo(DELETE, 'GET')).toHaveLength(1);
	});

	it.each([
		['not an ID', leadBy('id', '={{ "not-an-id" }}'), /^'Lead' must be a LeadSquared ID like .* \(got "not-an-id"\) \[item 0\]$/],
		['empty', leadBy('id', '={{ "" }}'), /^'Lead' is required \[item 0\]$/],
	])('refuses a lead that is %s before sending anything', async (_, lead, message) => {
		const { error } = await deleteLead(lead);
		expect(error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it.each([
		['a 500', 'status500', [500]],
		['a dropped connection', 'dropAfter', [200]],
	] as const)('after %s the delete is not sent again (the page does not say what a second delete answers)', async (_, kind, statuses) => {
		const leadId = await createLead();
		sandbox().setFaults([{ kind, path: DELETE, count: 1 }]);
		const { error } = await deleteLead(leadBy('id', leadId));
		expect(error?.message).toBeDefined();
		expect(sandbox().requestsTo(DELETE, 'GET').map((call) => call.status)).toEqual(statuses);
	});

	it.each([
		['400', 'status400', /^LeadSquared refused the request \(400\)/],
		['429, then room', 'status429', undefined],
	] as const)('a %s is handled as for every other call', async (_, kind, message) => {
		const leadId = await createLead();
		sandbox().setFaults([{ kind, path: DELETE, count: 1 }]);
		const { error } = await deleteLead(leadBy('id', leadId));
		if (message) expect(error?.message).toMatch(message);
		else expect(error).toBeUndefined();
		expect(crm().lead(leadId) === undefined).toBe(message === undefined);
	});

	it('a 401 names the credentials', async () => {
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'delete', lead: leadBy('id', UNKNOWN_ID) },
			credentials: { ...credentials(), secretKey: 'wrong-secret-key-123' },
		});
		expect(run.error?.message).toMatch(/^LeadSquared rejected the credentials \(401\)/);
	});

	it('with Continue On Fail, each item’s delete is reported on its own item', async () => {
		const kept = await createLead();
		const { items } = await deleteLead(leadBy('id', '={{ $json.id }}'), {
			items: [{ id: kept }, { id: 'nope' }, { id: UNKNOWN_ID }],
			continueOnFail: true,
		});
		expect(items).toEqual([
			{ json: { leadId: kept, deleted: true }, pairedItem: { item: 0 } },
			{ json: { error: expect.stringMatching(/^'Lead' must be a LeadSquared ID/) }, pairedItem: { item: 1 } },
			{ json: expect.objectContaining({ error: expect.stringMatching(/Lead not found \[item 2\]$/) }), pairedItem: { item: 2 } },
		]);
	});
});

const byIds = async (leadIds: string, extra: Record<string, unknown> = {}) =>
	await runNode({ parameters: { resource: 'lead', operation: 'getManyByIds', leadIds, ...extra }, credentials: credentials() });

describe('Lead → Get Many by IDs', () => {
	it('one call for many IDs (comma list), one item per lead found, then one listing the IDs not found', async () => {
		const [a, b] = [await createLead('Asha'), await createLead('Bilal')];
		const { items, error } = await byIds(`${a}, ${b.toUpperCase()},${UNKNOWN_ID}, ${a}`);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ ProspectID: a, FirstName: 'Asha' }),
			expect.objectContaining({ ProspectID: b, FirstName: 'Bilal' }),
			{ notFoundLeadIds: [UNKNOWN_ID] },
		]);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const calls = sandbox().requestsTo(BY_IDS);
		expect(calls).toHaveLength(1);
		expect(calls[0].body).toMatchObject({ SearchParameters: { LeadIds: [a, b, UNKNOWN_ID] }, Paging: { PageIndex: 1, PageSize: 1000 } });
	});

	it('takes an expression’s list, asks for the chosen fields (and the ID), and can stop on IDs not found', async () => {
		const a = await createLead('Chen');
		const ok = await byIds(`={{ ["${a}"] }}`, { options: { columns: ['FirstName'] } });
		expect(ok.items.map((item) => item.json)).toEqual([{ ProspectID: a, FirstName: 'Chen' }]);
		expect(sandbox().requestsTo(BY_IDS)[0].body).toMatchObject({ Columns: { Include_CSV: 'ProspectID,FirstName' } });
		const stop = await byIds(`={{ ["${a}", "${UNKNOWN_ID}"] }}`, { notFound: 'error' });
		expect(stop.error?.message).toBe(`'Lead IDs' has 1 IDs LeadSquared has no lead for: ${UNKNOWN_ID} [item 0]`);
		const ignore = await byIds(UNKNOWN_ID, { notFound: 'ignore' });
		expect(ignore.items).toEqual([]);
	});

	it('refuses more than 10,000 IDs and an empty list before sending anything', async () => {
		const many = Array.from({ length: 10_001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		const tooMany = await byIds(`={{ ${JSON.stringify(many)} }}`);
		expect(tooMany.error?.message).toBe("'Lead IDs' has 10001 IDs; LeadSquared returns at most 10000 leads a call [item 0]");
		const none = await byIds('={{ [] }}');
		expect(none.error?.message).toBe("'Lead IDs' is required [item 0]");
		expect(sandbox().requests).toEqual([]);
	});
});

const capture = async (lead: object, extra: Record<string, unknown> = {}) =>
	await runNode({
		parameters: { resource: 'lead', operation: 'capture', fieldsMode: 'json', json: JSON.stringify(lead), ...extra },
		credentials: credentials(),
	});

describe('Lead → Capture', () => {
	it('creates, then finds and updates, saying which as LeadSquared’s answer does', async () => {
		const email = `capture.sync.${Date.now()}@example.com`;
		const first = await capture({ EmailAddress: email, FirstName: 'Ravi' });
		expect(first.items[0].json).toMatchObject({ outcome: 'created', leadId: expect.any(String), updateBehavior: null });
		const leadId = first.items[0].json.leadId as string;
		const second = await capture({ EmailAddress: email, FirstName: 'Ravindra' });
		expect(second.items[0].json).toMatchObject({ outcome: 'updated', leadId });
		expect(crm().lead(leadId)?.fields.FirstName).toBe('Ravindra');
	});

	it.each([
		['DoNotUpdate', 'Old'],
		['UpdateOnlyEmptyFields', 'Old'],
		['DoNotUpdateUniqueFields', 'New'],
	])('sends %s as LeadUpdateBehavior in the query string, as page capture-lead says', async (behavior, expected) => {
		const email = `capture.${behavior}.${Date.now()}@example.com`;
		const leadId = (await capture({ EmailAddress: email, FirstName: 'Old' })).items[0].json.leadId as string;
		sandbox().clearRecord();
		const run = await capture({ EmailAddress: email, FirstName: 'New' }, { updateBehavior: behavior });
		expect(run.items[0].json).toMatchObject({ outcome: 'updated', updateBehavior: behavior });
		expect(sandbox().requestsTo(`${LM}/Lead.Capture`)[0].url).toContain(`LeadUpdateBehavior=${behavior}`);
		expect(crm().lead(leadId)?.fields.FirstName).toBe(expected);
	});

	it('with Search By, a 500 is sent again (the second send finds the lead the first wrote)', async () => {
		const email = `capture.retry.${Date.now()}@example.com`;
		sandbox().setFaults([{ kind: 'status500', path: `${LM}/Lead.Capture`, count: 1 }]);
		const run = await capture({ EmailAddress: email, FirstName: 'Retry' }, { searchBy: 'EmailAddress' });
		expect(run.error).toBeUndefined();
		expect(sandbox().requestsTo(`${LM}/Lead.Capture`).map((call) => call.status)).toEqual([500, 200]);
		expect(crm().leads().filter((lead) => lead.fields.EmailAddress === email)).toHaveLength(1);
	});
});
