import type { INodeParameters } from 'n8n-workflow';

import { leadBy } from '../harness/crmFixtures';
import { loadOptions, runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { listMemberIds } from '../sandbox/crm/lists';
import { apiClient, control } from '../sandbox/crmTestKit';

const LS = '/v2/LeadSegmentation.svc';
const ADD = `${LS}/AddLeadsToStaticList`;
const REMOVE = `${LS}/RemoveLeadFromStaticList`;
const MEMBERS = '/v2/LeadManagement.svc/Leads/Retrieve/BySearchParameter';
const LISTS = '/v2/LeadManagement.svc/Lists.Get';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const { sandbox, credentials, crm } = useCrmNodeTests();

let counter = 0;
async function newList(name = `Node list ${++counter}`): Promise<string> {
	const answer = await apiClient(sandbox()).post(`${LS}/CreateEmptyList`, { Name: name });
	sandbox().clearRecord();
	return answer.body.Message.Id as string;
}

async function seedLeads(count: number, prefix = 'member'): Promise<string[]> {
	const leads = Array.from({ length: count }, (_, i) => ({
		EmailAddress: `${prefix}.${++counter}.${i}@example.com`,
		FirstName: `${prefix} ${String(i).padStart(3, '0')}`,
	}));
	const answer = await control<{ leadIds: string[] }>(sandbox(), 'POST', '/__sandbox/crm/seed', { leads });
	return answer.body.leadIds;
}

const run = async (parameters: INodeParameters, options: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await runNode({
		parameters: { resource: 'list', ...parameters },
		credentials: credentials(),
		items: options.items as never,
		continueOnFail: options.continueOnFail,
	});

describe('List → Add Leads', () => {
	it('adds the leads (comma text, repeats sent once) and says what LeadSquared answered', async () => {
		const listId = await newList();
		const [a, b] = await seedLeads(2);
		const { items, error } = await run({ operation: 'addLeads', listId, leadIds: `${a}, ${b}\n${a.toUpperCase()}` });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { listId, leadIds: [a, b], message: 'Successfully added 2 lead(s) to list' }, pairedItem: { item: 0 } },
		]);
		expect(sandbox().requestsTo(ADD, 'POST').map((call) => call.body)).toEqual([{ listId, leadIds: [a, b] }]);
		expect(listMemberIds(crm(), listId).sort()).toEqual([a, b].sort());
	});

	it('takes an array from an expression; after a dropped answer it is sent again and each lead is in the list once', async () => {
		const listId = await newList();
		const ids = await seedLeads(3);
		sandbox().setFaults([{ kind: 'dropAfter', path: ADD, count: 1 }]);
		const { error } = await run({ operation: 'addLeads', listId, leadIds: '={{ $json.ids }}' }, { items: [{ ids }] });
		expect(error).toBeUndefined();
		expect(sandbox().requestsTo(ADD, 'POST')).toHaveLength(2);
		expect(listMemberIds(crm(), listId).sort()).toEqual([...ids].sort());
	});

	it.each([
		['no IDs', '={{ "" }}', /^'Lead IDs' is required \(give at least one ID\) \[item 0\]$/],
		['more than 1,000 IDs', Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(','), /^'Lead IDs' holds 1001 IDs; LeadSquared takes at most 1000 in one call/],
	])('refuses %s before sending anything', async (_, leadIds, message) => {
		const { error } = await run({ operation: 'addLeads', listId: UNKNOWN_ID, leadIds });
		expect(error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('a list LeadSquared does not have is its error, on the item', async () => {
		const [lead] = await seedLeads(1);
		const { error } = await run({ operation: 'addLeads', listId: UNKNOWN_ID, leadIds: lead });
		expect(error?.message).toMatch(/List does not exist \[item 0\]$/);
	});
});

describe('List → Remove Lead', () => {
	it('removes a lead given by email from the list (one lookup, then the page’s GET), keeping the lead', async () => {
		const listId = await newList();
		const [a, b] = await seedLeads(2, 'remove');
		await apiClient(sandbox()).post(ADD, { listId, leadIds: [a, b] });
		sandbox().clearRecord();
		const email = crm().lead(a)!.fields.EmailAddress;
		const { items, error } = await run({ operation: 'removeLead', listId, lead: leadBy('email', email) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { listId, leadId: a, removed: true, message: 'Successfully removed lead from list' }, pairedItem: { item: 0 } },
		]);
		const [call] = sandbox().requestsTo(REMOVE, 'GET');
		expect(call.url).toContain(`ListId=${listId}`);
		expect(call.url).toContain(`LeadID=${a}`);
		expect(listMemberIds(crm(), listId)).toEqual([b]);
		expect(crm().lead(a)).toBeDefined();
	});

	it('a lead no email matches is named on the item, and nothing is removed', async () => {
		const listId = await newList();
		const { error } = await run({ operation: 'removeLead', listId, lead: leadBy('email', 'nobody.here@example.com') });
		expect(error?.message).toMatch(/^'Lead' "nobody.here@example.com" matches no LeadSquared lead by email \[item 0\]$/);
		expect(sandbox().requestsTo(REMOVE, 'GET')).toEqual([]);
	});

	it('with Continue On Fail, a bad list ID and an unknown list each fail on their own item', async () => {
		const listId = await newList();
		const [lead] = await seedLeads(1, 'cof');
		const { items } = await run(
			{ operation: 'removeLead', listId: '={{ $json.listId }}', lead: leadBy('id', lead) },
			{ items: [{ listId }, { listId: 'Newsletter' }, { listId: UNKNOWN_ID }], continueOnFail: true },
		);
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.removed])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, expect.stringMatching(/^'List' must be a LeadSquared ID/)],
			[{ item: 2 }, expect.stringMatching(/List does not exist \[item 2\]$/)],
		]);
	});
});

describe('List → Get Many Leads', () => {
	let listId: string;
	let leadIds: string[];
	beforeAll(async () => {
		listId = await newList();
		leadIds = await seedLeads(120, 'paged');
		await apiClient(sandbox()).post(ADD, { listId, leadIds });
	});

	it('Return All pages through the list (100 a call) and gives each lead flat, paired with its item', async () => {
		const { items, error } = await run({ operation: 'getLeads', listId, returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(new Set(items.map((item) => item.json.ProspectID))).toEqual(new Set(leadIds));
		expect(items[0].json).toMatchObject({ ProspectID: expect.any(String), FirstName: expect.stringMatching(/^paged /) });
		const calls = sandbox().requestsTo(MEMBERS, 'POST');
		expect(calls.map((call) => (call.body as { Paging: unknown }).Paging)).toEqual([
			{ PageIndex: 1, PageSize: 100 },
			{ PageIndex: 2, PageSize: 100 },
		]);
		expect((calls[0].body as { SearchParameters: unknown }).SearchParameters).toEqual({ ListId: listId, RetrieveBehaviour: '1' });
	});

	it('a Limit, the fields chosen, the sort and the lead count option are sent as the page names them', async () => {
		const { items } = await run({
			operation: 'getLeads',
			listId,
			limit: 3,
			options: { columns: ['FirstName'], sortBy: 'FirstName', sortOrder: '1', retrieveBehaviour: '0' },
		});
		expect(items.map((item) => item.json)).toEqual([{ FirstName: 'paged 119' }, { FirstName: 'paged 118' }, { FirstName: 'paged 117' }]);
		expect(sandbox().requestsTo(MEMBERS, 'POST').map((call) => call.body)).toEqual([
			{
				SearchParameters: { ListId: listId, RetrieveBehaviour: '0' },
				Columns: { Include_CSV: 'FirstName' },
				Sorting: { ColumnName: 'FirstName', Direction: '1' },
				Paging: { PageIndex: 1, PageSize: 3 },
			},
		]);
	});

	it('refuses a lead count LeadSquared does not know before sending anything', async () => {
		const { error } = await run({ operation: 'getLeads', listId, returnAll: true, options: { retrieveBehaviour: '={{ "7" }}' } });
		expect(error?.message).toMatch(/^'Lead Count' must be one of 0, 1, 2 \(got "7"\) \[item 0\]$/);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('the List dropdowns', () => {
	it('Add Leads and Remove Lead offer the static lists, Get Many Leads every list, by name with the member count', async () => {
		const listId = await newList('Dropdown list');
		await apiClient(sandbox()).post(ADD, { listId, leadIds: await seedLeads(2, 'dropdown') });
		sandbox().clearRecord();
		const statics = await loadOptions('getStaticLists', { parameters: {}, credentials: credentials() });
		expect(statics).toContainEqual({ name: 'Dropdown list', value: listId, description: 'static · 2 leads' });
		expect(statics.map((option) => option.name)).not.toContain('All Leads');
		expect(sandbox().requestsTo(LISTS, 'GET').map((call) => new URL(call.url, sandbox().url).searchParams.get('ListType'))).toEqual(['0', '0']);
		const all = await loadOptions('getLists', { parameters: {}, credentials: credentials() });
		expect(all.map((option) => option.name)).toEqual(expect.arrayContaining(['All Leads', 'Dropdown list', 'Starred Leads']));
	});
});
