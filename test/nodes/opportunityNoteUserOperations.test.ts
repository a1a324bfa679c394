import { leadBy, SALES_DEAL } from '../harness/crmFixtures';
import { expectNothingSentTo } from '../harness/assertions';
import { loadOptions, runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { DEMO_USERS } from '../sandbox/fixtures';
import { NOTE_CREATE_PATH, OPPORTUNITY_CAPTURE_PATH } from '../sandbox/crm/unconfirmed';
import { apiClient, pairs } from '../sandbox/crmTestKit';

const OPP = '/v2/OpportunityManagement.svc';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

const field = (schemaName: string, value: string) => ({ schemaName, value });

describe('Opportunity → Capture', () => {
	const capture = (parameters: Record<string, unknown> = {}) => ({
		resource: 'opportunity',
		operation: 'capture',
		opportunityType: SALES_DEAL,
		opportunityFields: { field: [field('mx_Custom_1', '={{ $json.deal }}'), field('mx_Custom_3', '50000')] },
		note: 'From the pricing page',
		fieldsMode: 'json',
		json: '={{ $json.lead }}',
		...parameters,
	});

	it('captures an opportunity on a new lead, then reports a duplicate on a second capture (PostDeDupActionPerformed)', async () => {
		const email = `deal.${Date.now()}@example.com`;
		const item = { deal: 'Annual plan', lead: { EmailAddress: email, FirstName: 'Dina' } };
		const first = await runNode({ parameters: capture(), items: [item], credentials: credentials() });
		expect(first.items[0].json).toMatchObject({
			opportunityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			created: true,
			duplicateOf: null,
			leadId: crm().leadBy('EmailAddress', email)?.id,
			submitted: { EmailAddress: email, FirstName: 'Dina' },
		});
		expect(sandbox().requestsTo(OPPORTUNITY_CAPTURE_PATH)[0].body).toEqual({
			LeadDetails: [
				{ Attribute: 'EmailAddress', Value: email },
				{ Attribute: 'FirstName', Value: 'Dina' },
			],
			Opportunity: {
				OpportunityEventCode: SALES_DEAL,
				OpportunityNote: 'From the pricing page',
				Fields: [
					{ SchemaName: 'mx_Custom_1', Value: 'Annual plan' },
					{ SchemaName: 'mx_Custom_3', Value: '50000' },
				],
			},
		});
		const again = await runNode({ parameters: capture(), items: [item], credentials: credentials() });
		expect(again.items[0].json).toMatchObject({
			opportunityId: null,
			created: false,
			duplicateOf: first.items[0].json.opportunityId,
		});
	});

	it('sends to the Capture API URL (Override) when one is given (the path is unconfirmed)', async () => {
		const run = await runNode({
			parameters: capture({ options: { endpointUrl: `${sandbox().url}/v2/OpportunityManagement.svc/Capture` } }),
			items: [{ deal: 'Via override', lead: { EmailAddress: fixtures().email } }],
			credentials: { ...credentials(), apiUrl: 'https://api.example.invalid' },
		});
		expect(run.status).toBe('success');
		expect(sandbox().requestsTo(OPPORTUNITY_CAPTURE_PATH)).toHaveLength(1);
	});

	it.each([
		['no opportunity type', { opportunityType: '={{ "" }}' }, /^'Opportunity Type' is required \[item 0\]$/],
		[
			'an opportunity date that is no date',
			{ opportunityDateTime: '={{ "Q3" }}' },
			/^'Opportunity Date' must be a date and time like/,
		],
		[
			'a field name that is not a schema name',
			{ opportunityFields: { field: [field('Deal Name', 'x')] } },
			/^'Opportunity Fields → Field Name' must be a LeadSquared schema name/,
		],
		[
			'an override that is not a URL',
			{ options: { endpointUrl: 'capture please' } },
			/^'Capture API URL \(Override\)' must be a full http\(s\) URL/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({
			parameters: capture(parameters),
			items: [{ deal: 'x', lead: { EmailAddress: fixtures().email } }],
			credentials: credentials(),
		});
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('offers the account’s opportunity types by code', async () => {
		const types = await loadOptions('getOpportunityTypes', { parameters: {}, credentials: credentials() });
		expect(types).toEqual(
			expect.arrayContaining([
				{ name: 'Sales Deal (12000)', value: 12000 },
				{ name: 'Renewal (12001)', value: 12001 },
			]),
		);
	});
});

describe('Opportunity → Update', () => {
	const update = (parameters: Record<string, unknown>) => ({
		resource: 'opportunity',
		operation: 'update',
		opportunityId: fixtures().opportunityId,
		...parameters,
	});

	it('moves an opportunity to another stage and outputs what was sent', async () => {
		const { items } = await runNode({
			parameters: update({ opportunityFields: { field: [field('mx_Custom_2', 'Negotiation')] }, note: 'Sent the proposal' }),
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({
			opportunityId: fixtures().opportunityId,
			updated: true,
			submitted: { OpportunityNote: 'Sent the proposal', Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Negotiation' }] },
		});
		expect(crm().opportunities.find((o) => o.id === fixtures().opportunityId)?.fields.mx_Custom_2).toBe('Negotiation');
	});

	it('a stage the type does not offer is LeadSquared’s 400, in its words', async () => {
		const run = await runNode({
			parameters: update({ opportunityFields: { field: [field('mx_Custom_2', 'Daydreaming')] } }),
			credentials: credentials(),
		});
		expect(run.error?.message).toBe(
			"LeadSquared refused the request (400): 'Daydreaming' is not an option of field 'mx_Custom_2' [item 0]",
		);
	});

	it('refuses an update with nothing to change before sending anything', async () => {
		const run = await runNode({ parameters: update({}), credentials: credentials() });
		expect(run.error?.message).toBe(
			"'Opportunity Fields' are empty, and so are Note and Opportunity Date: there is nothing to update [item 0]",
		);
		expectNothingSentTo(sandbox(), `${OPP}/Update`);
	});
});

describe('Opportunity → Get Many', () => {
	it('gets a lead’s opportunities (by email, looked up first), filtered by type: flat properties as LeadSquared lists them, no Fields[]', async () => {
		const { items } = await runNode({
			parameters: {
				resource: 'opportunity',
				operation: 'getAll',
				lead: leadBy('email', fixtures().email),
				returnAll: true,
				filters: { opportunityType: SALES_DEAL },
			},
			credentials: credentials(),
		});
		const mine = items.find((item) => item.json.OpportunityId === fixtures().opportunityId)!.json;
		expect(mine).toMatchObject({
			RelatedProspectId: fixtures().leadId,
			mx_Custom_1: expect.stringMatching(/^Fixture deal/),
			Status: 'Open',
			Owner: DEMO_USERS[0].ID,
			ModifiedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			opportunityType: SALES_DEAL,
		});
		expect(mine.Fields).toBeUndefined();
		const [request] = sandbox().requestsTo(`${OPP}/GetOpportunitiesOfLead`);
		expect(request.url).toContain(`leadId=${fixtures().leadId}`);
		expect(request.url).toContain(`opportunityType=${SALES_DEAL}`);
		expect(request.body).toEqual({ Paging: { PageIndex: 1, PageSize: 100 } });
	});

	it('without a type, asks for each of the account’s types in turn (LeadSquared needs one), all paired with the item', async () => {
		const renewal = crm().opportunityTypes.find((type) => type.Name === 'Renewal')!.Code;
		const api = apiClient(sandbox());
		const renewed = await api.post(OPPORTUNITY_CAPTURE_PATH, {
			LeadDetails: pairs({ EmailAddress: fixtures().email }),
			Opportunity: { OpportunityEventCode: renewal, Fields: [{ SchemaName: 'mx_Custom_1', Value: `Renewal ${Date.now()}` }] },
		});
		sandbox().clearRecord();
		const { items } = await runNode({
			parameters: { resource: 'opportunity', operation: 'getAll', lead: leadBy('id', fixtures().leadId), returnAll: true },
			credentials: credentials(),
		});
		const ids = items.map((item) => item.json.OpportunityId);
		expect(ids).toEqual(expect.arrayContaining([fixtures().opportunityId, renewed.body.CreatedOpportunityId]));
		expect(items.find((item) => item.json.OpportunityId === renewed.body.CreatedOpportunityId)!.json.opportunityType).toBe(renewal);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(sandbox().requestsTo(`${OPP}/GetOpportunityTypes`, 'GET')).toHaveLength(1);
		const perType = sandbox()
			.requestsTo(`${OPP}/GetOpportunitiesOfLead`)
			.map((request) => new URL(request.url, sandbox().url).searchParams.get('opportunityType'));
		expect(perType).toEqual(crm().opportunityTypes.map((type) => String(type.Code)));
		expect(sandbox().requestsTo(`${OPP}/GetOpportunitiesOfLead`).every((request) => request.status === 200)).toBe(true);
	});

	it('with a Limit across types, stops asking once it has enough', async () => {
		const { items } = await runNode({
			parameters: { resource: 'opportunity', operation: 'getAll', lead: leadBy('id', fixtures().leadId), limit: 1 },
			credentials: credentials(),
		});
		expect(items).toHaveLength(1);
		expect(sandbox().requestsTo(`${OPP}/GetOpportunitiesOfLead`)).toHaveLength(1);
	});

	it('refuses an opportunity type that is not a code before sending anything', async () => {
		const run = await runNode({
			parameters: {
				resource: 'opportunity',
				operation: 'getAll',
				lead: leadBy('id', fixtures().leadId),
				filters: { opportunityType: '={{ "deals" }}' },
			},
			credentials: credentials(),
		});
		expect(run.error?.message).toMatch(/^'Opportunity Type' must be a whole number 1 or more/);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Note → Create', () => {
	const note = (parameters: Record<string, unknown> = {}) => ({
		resource: 'note',
		operation: 'create',
		lead: leadBy('id', fixtures().leadId),
		note: 'Asked for a quote',
		...parameters,
	});

	it('adds a note with an attachment URL to a lead found by email', async () => {
		const { items } = await runNode({
			parameters: note({
				lead: leadBy('email', fixtures().email),
				additionalFields: { attachmentUrl: 'https://example.com/quote.pdf' },
			}),
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({
			noteId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			leadId: fixtures().leadId,
			note: 'Asked for a quote',
			attachmentUrl: 'https://example.com/quote.pdf',
		});
		expect(sandbox().requestsTo(NOTE_CREATE_PATH)[0].body).toEqual({
			RelatedProspectId: fixtures().leadId,
			Note: 'Asked for a quote',
			AttachmentName: 'https://example.com/quote.pdf',
		});
		expect(crm().notes.find((n) => n.id === items[0].json.noteId)?.leadId).toBe(fixtures().leadId);
	});

	it.each([
		[
			'an attachment that is not a URL',
			{ additionalFields: { attachmentUrl: 'quote.pdf' } },
			/^'Attachment URL' must be a full http\(s\) URL/,
		],
		[
			'a Note API URL (Override) that is not a URL',
			{ options: { endpointUrl: 'notes' } },
			/^'Note API URL \(Override\)' must be a full http\(s\) URL/,
		],
		['a lead email that is not one', { lead: leadBy('email', '={{ "asha" }}') }, /^'Lead' must be an e-mail address/],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: note(parameters), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('User → Get and Get Many', () => {
	it('gets an active user by ID', async () => {
		const { items } = await runNode({
			parameters: { resource: 'user', operation: 'get', userId: DEMO_USERS[1].ID },
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({ UserId: DEMO_USERS[1].ID, EmailAddress: DEMO_USERS[1].EmailAddress });
	});

	it('an inactive user is an error: LeadSquared gives nothing for one', async () => {
		const run = await runNode({
			parameters: { resource: 'user', operation: 'get', userId: DEMO_USERS[3].ID },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe(`'User' "${DEMO_USERS[3].ID}" matches no active LeadSquared user [item 0]`);
	});

	it('gets all users, or only active or inactive ones, up to a limit', async () => {
		const all = await runNode({
			parameters: { resource: 'user', operation: 'getAll', returnAll: true },
			credentials: credentials(),
		});
		expect(all.items.map((item) => item.json.ID)).toEqual(DEMO_USERS.map((user) => user.ID));
		const inactive = await runNode({
			parameters: { resource: 'user', operation: 'getAll', returnAll: true, filters: { status: 'inactive' } },
			credentials: credentials(),
		});
		expect(inactive.items.map((item) => item.json.ID)).toEqual([DEMO_USERS[3].ID]);
		const two = await runNode({
			parameters: { resource: 'user', operation: 'getAll', limit: 2, filters: { status: 'active' } },
			credentials: credentials(),
		});
		expect(two.items.map((item) => item.json.ID)).toEqual([DEMO_USERS[0].ID, DEMO_USERS[1].ID]);
	});

	it.each([
		['Get: no user', { operation: 'get', userId: '={{ "" }}' }, /^'User' is required \[item 0\]$/],
		[
			'Get Many: a status that does not exist',
			{ operation: 'getAll', filters: { status: '={{ "away" }}' } },
			/^'Status' must be one of active, inactive \(got "away"\) \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: { resource: 'user', ...parameters }, credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});
