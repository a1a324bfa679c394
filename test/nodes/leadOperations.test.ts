import type { INodeParameters } from 'n8n-workflow';

import { leadBy } from '../harness/crmFixtures';
import { expectNothingSentTo } from '../harness/assertions';
import { listSearch, loadOptions, runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { apiClient, pairs } from '../sandbox/crmTestKit';

const LM = '/v2/LeadManagement.svc';

const { sandbox, credentials, crm } = useCrmNodeTests();

let counter = 0;
const unique = (name: string) => `${name}.${++counter}.${Date.now()}@example.com`;

async function createLead(fields: Record<string, unknown>): Promise<string> {
	const answer = await apiClient(sandbox()).post(`${LM}/Lead.Create`, pairs(fields));
	return answer.body.Message.Id as string;
}

describe('Lead → Get', () => {
	it('finds a lead by ID, by email and by phone (without spaces or hyphens), and outputs LeadSquared’s fields', async () => {
		const email = unique('get');
		const leadId = await createLead({ EmailAddress: email, FirstName: 'Meera', Mobile: '+91 98450 11111' });
		const byMode = async (mode: 'id' | 'email' | 'phone', value: string) =>
			await runNode({
				parameters: { resource: 'lead', operation: 'get', lead: leadBy(mode, value) },
				credentials: credentials(),
			});
		for (const [mode, value] of [
			['id', leadId],
			['email', email.toUpperCase()],
			['phone', '+91-98450 11111'],
		] as const) {
			const { items } = await byMode(mode, value);
			expect(items).toEqual([
				{
					json: expect.objectContaining({ ProspectID: leadId, FirstName: 'Meera', EmailAddress: email }),
					pairedItem: { item: 0 },
				},
			]);
		}
		expect(sandbox().requestsTo(`${LM}/RetrieveLeadByPhoneNumber`, 'GET')[0].url).toContain('phone=%2B919845011111');
	});

	it('a lead LeadSquared does not have is an error naming the item and what was looked up', async () => {
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'get', lead: leadBy('email', 'nobody@example.com') },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe("'Lead' \"nobody@example.com\" matches no LeadSquared lead by email [item 0]");
	});

	it.each([
		[
			'an email that is not one',
			leadBy('email', '={{ "priya-at-example" }}'),
			/^'Lead' must be an e-mail address like priya@example.com \(got "priya-at-example"\) \[item 0\]$/,
		],
		[
			'a phone that is not one',
			leadBy('phone', 'call me'),
			/^'Lead' must be a phone number like \+91-8611795988 \(got "call me"\) \[item 0\]$/,
		],
		['no lead at all', leadBy('list', '={{ "" }}'), /^'Lead' is required \[item 0\]$/],
	])('refuses %s before sending anything', async (_, lead, message) => {
		const run = await runNode({ parameters: { resource: 'lead', operation: 'get', lead }, credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Lead → Search', () => {
	const search = (parameters: Record<string, unknown>) => ({
		resource: 'lead',
		operation: 'search',
		lookupName: 'Company',
		operator: 'equals',
		lookupValue: 'Searchable Ltd',
		...parameters,
	});

	beforeAll(async () => {
		for (let i = 0; i < 7; i++)
			await createLead({ EmailAddress: unique(`search${i}`), FirstName: `S${i}`, Company: 'Searchable Ltd', mx_Budget: i * 100 });
	});

	it('with Return All, pages through every match (one item per lead, all paired with the input item)', async () => {
		const { items } = await runNode({
			parameters: search({
				returnAll: true,
				options: { columns: ['FirstName', 'mx_Budget'], sortBy: 'mx_Budget', sortOrder: '0' },
			}),
			credentials: credentials(),
		});
		expect(items.map((item) => item.json)).toEqual(
			[0, 1, 2, 3, 4, 5, 6].map((i) => ({ FirstName: `S${i}`, mx_Budget: String(i * 100) })),
		);
		expect(new Set(items.map((item) => JSON.stringify(item.pairedItem)))).toEqual(new Set(['{"item":0}']));
		const [first] = sandbox().requestsTo(`${LM}/Leads.Get`);
		expect(first.body).toEqual({
			Parameter: { LookupName: 'Company', LookupValue: 'Searchable Ltd', SqlOperator: '=' },
			Columns: { Include_CSV: 'FirstName,mx_Budget' },
			Sorting: { ColumnName: 'mx_Budget', Direction: '0' },
			Paging: { PageIndex: 1, PageSize: 100 },
		});
	});

	it('with a Limit, asks for pages of that size and stops once it has enough', async () => {
		const { items } = await runNode({
			parameters: search({
				lookupName: 'mx_Budget',
				operator: 'atLeast',
				lookupValue: '200',
				limit: 2,
				options: { sortBy: 'mx_Budget', sortOrder: '1' },
			}),
			credentials: credentials(),
		});
		expect(items.map((item) => item.json.FirstName)).toEqual(['S6', 'S5']);
		expect(
			sandbox()
				.requestsTo(`${LM}/Leads.Get`)
				.map((request) => (request.body as { Paging: object }).Paging),
		).toEqual([{ PageIndex: 1, PageSize: 2 }]);
	});

	it('a search that matches nothing outputs nothing', async () => {
		const run = await runNode({ parameters: search({ lookupValue: 'Nobody Inc', returnAll: true }), credentials: credentials() });
		expect(run.status).toBe('success');
		expect(run.items).toEqual([]);
	});

	it('LeadSquared’s own 400 (a field the account does not have) carries its message', async () => {
		const run = await runNode({ parameters: search({ lookupName: 'mx_Shoe_Size' }), credentials: credentials() });
		expect(run.error?.message).toBe("LeadSquared refused the request (400): LookupName 'mx_Shoe_Size' is not a lead field [item 0]");
	});

	it.each([
		['an empty value', { lookupValue: '={{ $json.nothing }}' }, /^'Value' is required \[item 0\]$/],
		[
			'an operator LeadSquared does not have',
			{ operator: '={{ "BETWEEN" }}' },
			/^'Operator' must be one of equals, like, /,
		],
		['a limit of 0', { limit: 0 }, /^'Limit' must be a whole number 1 or more \(got "0"\) \[item 0\]$/],
		['a limit that is not whole', { limit: 2.5 }, /^'Limit' must be a whole number 1 or more \(got "2.5"\) \[item 0\]$/],
		[
			'a field to return that is not a schema name',
			{ options: { columns: ['First Name'] } },
			/^'Fields' must be a LeadSquared schema name/,
		],
		[
			'a sort field that is not a schema name',
			{ options: { sortBy: 'a,b' } },
			/^'Sort By' must be a LeadSquared schema name/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: search(parameters), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Lead → Get Recently Modified', () => {
	it('flattens LeadSquared’s LeadPropertyList into one item per lead, and converts dates to UTC', async () => {
		const email = unique('recent');
		await createLead({ EmailAddress: email, FirstName: 'Recent' });
		const now = Date.now();
		const { items } = await runNode({
			parameters: {
				resource: 'lead',
				operation: 'getRecentlyModified',
				fromDate: new Date(now - 60_000).toISOString(),
				toDate: '2099-01-01T00:00:00+05:30',
				returnAll: true,
				options: { columns: ['EmailAddress', 'FirstName'] },
			},
			credentials: credentials(),
		});
		expect(items.map((item) => item.json)).toContainEqual({ EmailAddress: email, FirstName: 'Recent' });
		const [request] = sandbox().requestsTo(`${LM}/Leads.RecentlyModified`);
		expect((request.body as { Parameter: object }).Parameter).toEqual({
			FromDate: new Date(now - 60_000).toISOString().replace('T', ' ').slice(0, 19),
			ToDate: '2098-12-31 18:30:00',
		});
	});

	it('reads a date without a time zone in the workflow’s time zone, and LeadSquared’s own form as UTC', async () => {
		await runNode({
			parameters: {
				resource: 'lead',
				operation: 'getRecentlyModified',
				fromDate: '2025-01-31T09:30:00',
				toDate: '2025-02-01 00:00:00',
				limit: 1,
			},
			credentials: credentials(),
		});
		// The engine's default time zone is America/New_York (UTC-5 in January).
		expect((sandbox().requestsTo(`${LM}/Leads.RecentlyModified`)[0].body as { Parameter: object }).Parameter).toEqual({
			FromDate: '2025-01-31 14:30:00',
			ToDate: '2025-02-01 00:00:00',
		});
	});

	it.each([
		['no From', { fromDate: '={{ $json.nothing }}' }, /^'From' is required \[item 0\]$/],
		['a From that is no date', { fromDate: '2025-02-30 10:00:00' }, /^'From' must be a date and time like/],
		[
			'From after To',
			{ fromDate: '2025-03-01 00:00:00' },
			/^'From' must not be after To \(From is 2025-03-01 00:00:00 UTC, To 2025-02-01 00:00:00 UTC\) \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'getRecentlyModified', toDate: '2025-02-01 00:00:00', ...parameters },
			credentials: credentials(),
		});
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Lead → Create', () => {
	const createMapped = async (field: Array<{ name: string; value: string }>, item: object) =>
		await runNode({
			parameters: { resource: 'lead', operation: 'create', fields: { field } },
			items: [item as never],
			credentials: credentials(),
		});

	it('creates a lead from mapped fields and outputs its ID and what was sent', async () => {
		const email = unique('create');
		const { items } = await createMapped(
			[
				{ name: 'FirstName', value: '={{ $json.name }}' },
				{ name: 'EmailAddress', value: '={{ $json.email }}' },
			],
			{ name: 'Priya', email },
		);
		expect(items[0].json).toEqual({
			leadId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			submitted: { FirstName: 'Priya', EmailAddress: email },
		});
		expect(crm().lead(items[0].json.leadId as string)?.fields).toMatchObject({ FirstName: 'Priya', EmailAddress: email });
		expect(sandbox().requestsTo(`${LM}/Lead.Create`)[0].body).toEqual([
			{ Attribute: 'FirstName', Value: 'Priya' },
			{ Attribute: 'EmailAddress', Value: email },
		]);
	});

	it('leaves out fields whose value is empty (an unmapped form field), lists them, and sends the rest', async () => {
		const email = unique('create-empty');
		const { items } = await createMapped(
			[
				{ name: 'EmailAddress', value: '={{ $json.email }}' },
				{ name: 'FirstName', value: '={{ $json.first }}' },
				{ name: 'Company', value: '   ' },
			],
			{ email, first: '' },
		);
		expect(items[0].json).toEqual({
			leadId: expect.any(String),
			submitted: { EmailAddress: email },
			skippedEmptyFields: ['FirstName', 'Company'],
		});
		expect(sandbox().requestsTo(`${LM}/Lead.Create`)[0].body).toEqual([{ Attribute: 'EmailAddress', Value: email }]);
	});

	it('refuses a lead whose every field is empty before sending anything: empty strings are not values', async () => {
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'create', fieldsMode: 'json', json: '={{ JSON.stringify({ FirstName: "", EmailAddress: " " }) }}' },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe(
			"'Lead Fields' has no field with a value; LeadSquared needs at least one (left out as empty: FirstName, EmailAddress) [item 0]",
		);
		expectNothingSentTo(sandbox(), `${LM}/Lead.Create`);
	});

	it('a duplicate email is LeadSquared’s refusal (its words), reported and not sent again', async () => {
		const email = unique('dup');
		await createLead({ EmailAddress: email });
		sandbox().clearRecord();
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'create', fieldsMode: 'json', json: JSON.stringify({ EmailAddress: email }) },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe(
			'LeadSquared refused the request (500): Duplicate entries are not allowed., while creating or updating the lead [item 0]',
		);
		expect(sandbox().requestsTo(`${LM}/Lead.Create`)).toHaveLength(1);
	});

	it.each([
		['malformed JSON', { fieldsMode: 'json', json: '{"FirstName": "A",}' }, /^'JSON' is not valid JSON: /],
		[
			'a SearchBy, which Create does not take',
			{ fieldsMode: 'json', json: '{"FirstName": "A", "SearchBy": "EmailAddress"}' },
			/^'Lead Fields' has SearchBy, which this operation does not take \[item 0\]$/,
		],
		[
			'a field name that is not a schema name',
			{ fields: { field: [{ name: 'First Name', value: 'A' }] } },
			/^'Lead Fields' has a field name "First Name" that is not a LeadSquared schema name/,
		],
		[
			'the same field twice',
			{
				fields: {
					field: [
						{ name: 'FirstName', value: 'A' },
						{ name: 'firstname', value: 'B' },
					],
				},
			},
			/^'Lead Fields' has firstname twice \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'create', ...parameters },
			credentials: credentials(),
		});
		expect(run.error?.message).toMatch(message);
		expectNothingSentTo(sandbox(), `${LM}/Lead.Create`);
	});
});

describe('Lead → Update', () => {
	const update = (lead: ReturnType<typeof leadBy>, options: INodeParameters = {}): INodeParameters => ({
		resource: 'lead',
		operation: 'update',
		lead,
		fieldsMode: 'json',
		json: '{"ProspectStage": "Customer"}',
		options,
	});

	it('by email: looks the lead up, then updates it without triggering LeadSquared’s automations', async () => {
		const email = unique('update');
		const leadId = await createLead({ EmailAddress: email });
		const { items } = await runNode({ parameters: update(leadBy('email', email)), credentials: credentials() });
		expect(items[0].json).toEqual({
			leadId,
			affectedRows: 1,
			automationsTriggered: false,
			submitted: { ProspectStage: 'Customer' },
		});
		const [request] = sandbox().requestsTo(`${LM}/Lead.Update`);
		expect(request.url).toContain(`leadId=${leadId}`);
		expect(request.url).toContain('postUpdatedLead=false');
		expect(crm().lead(leadId)?.fields.ProspectStage).toBe('Customer');
	});

	it('with Trigger Automations and Webhooks, sends postUpdatedLead=true and does not repeat the update after a 500', async () => {
		const leadId = await createLead({ EmailAddress: unique('automations') });
		const { items } = await runNode({
			parameters: update(leadBy('id', leadId), { postUpdatedLead: true }),
			credentials: credentials(),
		});
		expect(items[0].json.automationsTriggered).toBe(true);
		expect(sandbox().requestsTo(`${LM}/Lead.Update`)[0].url).toContain('postUpdatedLead=true');
		sandbox().setFaults([{ kind: 'status500', path: `${LM}/Lead.Update`, count: 1 }]);
		const failed = await runNode({
			parameters: update(leadBy('id', leadId), { postUpdatedLead: true }),
			credentials: credentials(),
		});
		expect(failed.error?.description).toContain('Not sent again automatically');
		expect(sandbox().requestsTo(`${LM}/Lead.Update`)).toHaveLength(2);
	});

	it('an email no lead has is an error, and nothing is updated', async () => {
		const run = await runNode({ parameters: update(leadBy('email', 'ghost@example.com')), credentials: credentials() });
		expect(run.error?.message).toBe("'Lead' \"ghost@example.com\" matches no LeadSquared lead by email [item 0]");
		expectNothingSentTo(sandbox(), `${LM}/Lead.Update`);
	});

	it('a lead ID LeadSquared does not know is its refusal ("Lead not found"), not sent again', async () => {
		const run = await runNode({
			parameters: update(leadBy('id', '00000000-0000-4000-8000-000000000000')),
			credentials: credentials(),
		});
		expect(run.error?.message).toBe('LeadSquared refused the request (500): Lead not found [item 0]');
		expect(sandbox().requestsTo(`${LM}/Lead.Update`)).toHaveLength(1);
	});

	it('refuses an update without fields before sending anything', async () => {
		const run = await runNode({
			parameters: { ...update(leadBy('id', '6f75b09d-0187-45d6-86dd-f848bd5a0aca')), json: '{}' },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe(
			"'Lead Fields' has no field with a value; LeadSquared needs at least one; to empty a field, name it in Options → Clear Field Names or IDs [item 0]",
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('an empty value is left out, not sent as a clear; a field is cleared only when named in Clear Field Names or IDs', async () => {
		const email = unique('clear');
		const leadId = await createLead({ EmailAddress: email, FirstName: 'Keep', JobTitle: 'Buyer', Company: 'Acme' });
		const { items } = await runNode({
			parameters: {
				resource: 'lead',
				operation: 'update',
				lead: leadBy('id', leadId),
				fields: {
					field: [
						{ name: 'FirstName', value: '={{ $json.first }}' },
						{ name: 'Company', value: 'Acme Two' },
					],
				},
				options: { clearFields: ['JobTitle'] },
			},
			items: [{ first: '' }],
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({
			leadId,
			affectedRows: 1,
			automationsTriggered: false,
			submitted: { Company: 'Acme Two' },
			clearedFields: ['JobTitle'],
			skippedEmptyFields: ['FirstName'],
		});
		expect(sandbox().requestsTo(`${LM}/Lead.Update`)[0].body).toEqual([
			{ Attribute: 'Company', Value: 'Acme Two' },
			{ Attribute: 'JobTitle', Value: '' },
		]);
		expect(crm().lead(leadId)?.fields).toMatchObject({ FirstName: 'Keep', JobTitle: '', Company: 'Acme Two' });
	});

	it('a clear alone is an update; clearing the e-mail is allowed (the lead is found by ID)', async () => {
		const leadId = await createLead({ EmailAddress: unique('clear-only'), Phone: '+9198450' + String(Date.now()).slice(-5) });
		const run = await runNode({
			parameters: { ...update(leadBy('id', leadId)), json: '{}', options: { clearFields: ['Phone'] } },
			credentials: credentials(),
		});
		expect(run.items[0].json).toMatchObject({ submitted: {}, clearedFields: ['Phone'] });
		expect(crm().lead(leadId)?.fields.Phone).toBe('');
	});

	it.each([
		[
			'a field both given a value and cleared',
			{ json: '{"JobTitle": "Buyer"}', options: { clearFields: ['jobtitle'] } },
			/^'Clear Field Names or IDs' has jobtitle, which 'Lead Fields' also gives a value \[item 0\]$/,
		],
		['a field cleared twice', { options: { clearFields: ['JobTitle', 'JobTitle'] } }, /^'Clear Field Names or IDs' has JobTitle twice \[item 0\]$/],
		[
			'a field to clear that is not a schema name',
			{ options: { clearFields: ['Job Title'] } },
			/^'Clear Field Names or IDs' must be a LeadSquared schema name/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({
			parameters: { ...update(leadBy('id', '6f75b09d-0187-45d6-86dd-f848bd5a0aca')), ...parameters },
			credentials: credentials(),
		});
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Lead → Create or Update', () => {
	const upsert = (json: object, searchBy = '') => ({
		resource: 'lead',
		operation: 'upsert',
		fieldsMode: 'json',
		json: JSON.stringify(json),
		searchBy,
	});

	it('creates the lead the first time and updates the same lead the second time (by email); the output claims neither, as LeadSquared’s answer does not say', async () => {
		const email = unique('upsert');
		const first = await runNode({ parameters: upsert({ EmailAddress: email, FirstName: 'One' }), credentials: credentials() });
		const second = await runNode({ parameters: upsert({ EmailAddress: email, FirstName: 'Two' }), credentials: credentials() });
		const leadId = first.items[0].json.leadId as string;
		for (const run of [first, second]) {
			expect(run.items[0].json).toEqual({
				leadId,
				affectedRows: 1,
				searchBy: null,
				automationsTriggered: false,
				submitted: { EmailAddress: email, FirstName: run === first ? 'One' : 'Two' },
			});
		}
		expect(crm().lead(leadId)?.fields.FirstName).toBe('Two');
	});

	it('clears a field only when named, and refuses to clear the field LeadSquared finds the lead by', async () => {
		const email = unique('upsert-clear');
		const leadId = await createLead({ EmailAddress: email, JobTitle: 'Buyer' });
		const { items } = await runNode({
			parameters: { ...upsert({ EmailAddress: email, FirstName: '' }), options: { clearFields: ['JobTitle'] } },
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({ leadId, clearedFields: ['JobTitle'], skippedEmptyFields: ['FirstName'] });
		expect(crm().lead(leadId)?.fields.JobTitle).toBe('');
		sandbox().clearRecord();
		const searchField = await runNode({
			parameters: { ...upsert({ EmailAddress: email }), options: { clearFields: ['Phone'] } },
			credentials: credentials(),
		});
		expect(searchField.error?.message).toBe(
			"'Clear Field Names or IDs' has Phone, which LeadSquared finds the lead by: it cannot be cleared in the same call [item 0]",
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('with Search By, sends it as LeadSquared’s SearchBy attribute', async () => {
		const phone = `+9199${String(Date.now()).slice(-8)}`;
		await runNode({ parameters: upsert({ Phone: phone, LastName: 'Phoned' }, 'Phone'), credentials: credentials() });
		expect(sandbox().requestsTo(`${LM}/Lead.CreateOrUpdate`)[0].body).toEqual([
			{ Attribute: 'Phone', Value: phone },
			{ Attribute: 'LastName', Value: 'Phoned' },
			{ Attribute: 'SearchBy', Value: 'Phone' },
		]);
	});

	it.each([
		[
			'a lead without email, phone or Search By',
			upsert({ FirstName: 'Anon' }),
			/^'Lead Fields' need an EmailAddress or Phone value/,
		],
		[
			'a Search By field with no value',
			upsert({ EmailAddress: 'a@example.com' }, 'Mobile'),
			/^'Search By' is Mobile, but the lead has no Mobile value to search with \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters, credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('the Lead field’s list and the lead dropdowns', () => {
	it('lists recently modified leads before anything is typed, and LeadSquared’s quick search results for what is typed', async () => {
		const email = unique('listed');
		const leadId = await createLead({ EmailAddress: email, FirstName: 'Listable', LastName: 'Lead' });
		const recent = await listSearch('searchLeads', { parameters: {}, credentials: credentials() });
		expect(recent.results).toContainEqual({ name: `Listable Lead (${email})`, value: leadId });
		const typed = await listSearch('searchLeads', { parameters: {}, credentials: credentials(), filter: 'Listable' });
		expect(typed.results).toEqual([{ name: `Listable Lead (${email})`, value: leadId }]);
	});

	it('pages the recent leads 50 at a time', async () => {
		for (let i = 0; i < 51; i++) crm().insertLead({ EmailAddress: unique(`page${i}`) }, 'test');
		const first = await listSearch('searchLeads', { parameters: {}, credentials: credentials() });
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch('searchLeads', { parameters: {}, credentials: credentials(), paginationToken: '2' });
		expect(second.results.length).toBeGreaterThan(0);
	});

	it('offers lead fields plus system columns for searching and sorting, and a default for Create or Update’s Search By', async () => {
		const columns = await loadOptions('getLeadColumns', { parameters: {}, credentials: credentials() });
		expect(columns.map((column) => column.value)).toEqual(
			expect.arrayContaining(['EmailAddress', 'mx_Budget', 'CreatedOn', 'ModifiedOn', 'ProspectAutoId']),
		);
		const searchBy = await loadOptions('getUpsertSearchByFields', { parameters: {}, credentials: credentials() });
		expect(searchBy[0]).toEqual({ name: 'Email, Then Phone (LeadSquared’s Default)', value: '' });
		expect(searchBy.map((option) => option.value)).toEqual(expect.arrayContaining(['EmailAddress', 'Phone', 'Mobile']));
	});
});
