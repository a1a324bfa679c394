import { leadBy, PHONE_CALL, WHATSAPP_MESSAGE } from '../harness/crmFixtures';
import { expectNothingSentTo } from '../harness/assertions';
import { loadOptions, runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { postActivity } from '../sandbox/crm/activities';

const PA = '/v2/ProspectActivity.svc';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

const post = (parameters: Record<string, unknown> = {}) => ({
	resource: 'activity',
	operation: 'post',
	lead: leadBy('id', fixtures().leadId),
	activityEvent: WHATSAPP_MESSAGE,
	note: 'Replied on WhatsApp',
	activityFields: { field: [{ schemaName: 'mx_Custom_1', value: '={{ $json.message }}' }] },
	...parameters,
});

describe('Activity → Post', () => {
	it('logs a WhatsApp message on a lead with its fields and date, and outputs the new activity’s ID', async () => {
		const { items } = await runNode({
			parameters: post({ activityDateTime: '2025-01-31T20:00:00+05:30' }),
			items: [{ message: 'Can we talk tomorrow?' }],
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({
			activityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			leadId: fixtures().leadId,
			leadEmail: null,
			activityEvent: WHATSAPP_MESSAGE,
			note: 'Replied on WhatsApp',
			activityDateTime: '2025-01-31 14:30:00',
			fields: { mx_Custom_1: 'Can we talk tomorrow?' },
		});
		expect(sandbox().requestsTo(`${PA}/Create`)[0].body).toEqual({
			RelatedProspectId: fixtures().leadId,
			ActivityEvent: WHATSAPP_MESSAGE,
			ActivityNote: 'Replied on WhatsApp',
			ActivityDateTime: '2025-01-31 14:30:00',
			Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Can we talk tomorrow?' }],
		});
		expect(crm().activities.find((activity) => activity.id === items[0].json.activityId)?.fields).toEqual({
			mx_Custom_1: 'Can we talk tomorrow?',
		});
	});

	it('by email, LeadSquared creates the lead when none has it, with the new lead’s name', async () => {
		const email = `new.by.node.${Date.now()}@example.com`;
		const { items } = await runNode({
			parameters: post({
				lead: leadBy('email', email),
				activityEvent: PHONE_CALL,
				activityFields: {},
				additionalFields: { firstName: 'Neo', ownerEmail: 'rahul.menon@example.com' },
			}),
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({ leadId: null, leadEmail: email });
		expect(sandbox().requestsTo(`${PA}/Create`)[0].body).toMatchObject({
			EmailAddress: email,
			FirstName: 'Neo',
			ActivityOwnerEmail: 'rahul.menon@example.com',
		});
		expect(crm().leadBy('EmailAddress', email)?.fields.FirstName).toBe('Neo');
	});

	it('a mandatory activity field left out is LeadSquared’s 400, in its words', async () => {
		const run = await runNode({ parameters: post({ activityFields: {} }), credentials: credentials() });
		expect(run.error?.message).toBe(
			"LeadSquared refused the request (400): Field name : 'mx_Custom_1' of datatype : 'String' is mandatory. [item 0]",
		);
	});

	it.each([
		['no activity type', { activityEvent: '={{ "" }}' }, /^'Activity Type' is required \[item 0\]$/],
		[
			'an activity type that is not a code',
			{ activityEvent: '={{ "Phone Call" }}' },
			/^'Activity Type' must be a whole number 1 or more \(got "Phone Call"\) \[item 0\]$/,
		],
		[
			'an owner email that is not one',
			{ additionalFields: { ownerEmail: 'rahul' } },
			/^'Owner Email' must be an e-mail address like priya@example.com \(got "rahul"\) \[item 0\]$/,
		],
		[
			'a new lead’s name with a lead given by ID',
			{ additionalFields: { firstName: 'Neo' } },
			/^'New Lead First Name' is used only when the Lead is given by email \[item 0\]$/,
		],
		[
			'an activity date that is no date',
			{ activityDateTime: '={{ "soon" }}' },
			/^'Activity Date' must be a date and time like/,
		],
		[
			'a field name that is not a schema name',
			{ activityFields: { field: [{ schemaName: 'Call Notes', value: 'x' }] } },
			/^'Activity Fields → Field Name' must be a LeadSquared schema name/,
		],
		[
			'the same field twice',
			{
				activityFields: {
					field: [
						{ schemaName: 'mx_Custom_1', value: 'a' },
						{ schemaName: 'MX_CUSTOM_1', value: 'b' },
					],
				},
			},
			/^'Activity Fields' has MX_CUSTOM_1 twice \[item 0\]$/,
		],
		[
			'a field value that is an object',
			{ activityFields: { field: [{ schemaName: 'mx_Custom_1', value: '={{ $json.nested }}' }] } },
			/^'Activity Fields' has mx_Custom_1, which must be text, a number or true\/false, but it is an object \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: post(parameters), items: [{ nested: { a: 1 } }], credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expectNothingSentTo(sandbox(), `${PA}/Create`);
	});

	it('offers the account’s activity types, and the chosen type’s fields', async () => {
		const types = await loadOptions('getActivityTypes', { parameters: {}, credentials: credentials() });
		expect(types).toEqual(
			expect.arrayContaining([
				{ name: 'Phone Call (201)', value: 201 },
				{ name: 'WhatsApp Message (202)', value: 202 },
			]),
		);
		const fields = await loadOptions('getActivityFields', {
			parameters: { resource: 'activity', operation: 'post', activityEvent: 202 },
			credentials: credentials(),
		});
		expect(fields).toEqual(
			expect.arrayContaining([{ name: 'Message (mx_Custom_1)', value: 'mx_Custom_1', description: 'String, required' }]),
		);
		expect(
			await loadOptions('getActivityFields', {
				parameters: { resource: 'activity', operation: 'post', activityEvent: '' },
				credentials: credentials(),
			}),
		).toEqual([]);
	});
});

describe('Activity → Get Many', () => {
	const getAll = (parameters: Record<string, unknown> = {}) => ({
		resource: 'activity',
		operation: 'getAll',
		lead: leadBy('id', fixtures().leadId),
		...parameters,
	});

	/** A lead with `count` calls, written straight into the sandbox's store. */
	function busyLead(count: number): string {
		const store = crm();
		const lead = store.insertLead({ EmailAddress: `busy.${count}.${Date.now()}@example.com` }, 'test');
		for (let i = 0; i < count; i++)
			postActivity(store, lead, PHONE_CALL, `Busy ${i}`, Date.now() - i * 1000, {}, store.keyOwner.ID);
		sandbox().clearRecord();
		return lead.id;
	}

	beforeAll(async () => {
		for (let i = 0; i < 4; i++) {
			await runNode({
				parameters: post({ note: `Call ${i}`, activityEvent: PHONE_CALL, activityFields: {} }),
				credentials: credentials(),
			});
		}
	});

	it('pages through a lead’s activities, LeadSquared’s Offset counting pages as its page says', async () => {
		const { items } = await runNode({
			parameters: getAll({ returnAll: true, filters: { activityEvent: PHONE_CALL } }),
			credentials: credentials(),
		});
		const notes = items.map((item) => (item.json.ActivityFields as { ActivityEvent_Note: string }).ActivityEvent_Note);
		expect(notes).toEqual(expect.arrayContaining(['Call 0', 'Call 1', 'Call 2', 'Call 3', 'Fixture call']));
		expect(new Set(notes).size).toBe(notes.length);
		expect(sandbox().requestsTo(`${PA}/Retrieve`)[0].body).toEqual({
			Parameter: { ActivityEvent: PHONE_CALL },
			Paging: { Offset: 0, RowCount: 100 },
		});
	});

	it('outputs each activity in Retrieve’s own names (Id, EventCode, ActivityFields), and Data’s {Key, Value} pairs also as dataByKey', async () => {
		const { items } = await runNode({
			parameters: getAll({ returnAll: true, filters: { activityEvent: PHONE_CALL } }),
			credentials: credentials(),
		});
		const call = items.find((item) => item.json.Id === fixtures().activityId)!.json;
		expect(call).toMatchObject({
			Id: fixtures().activityId,
			EventCode: PHONE_CALL,
			EventName: 'Phone Call',
			ActivityFields: { ActivityEvent_Note: 'Fixture call', CreatedBy: crm().keyOwner.ID },
		});
		expect(call.Data).toContainEqual({ Key: 'ActivityEvent_Note', Value: 'Fixture call' });
		expect(call.dataByKey).toEqual(
			Object.fromEntries((call.Data as Array<{ Key: string; Value: unknown }>).map(({ Key, Value }) => [Key, Value])),
		);
		expect(call.dataByKey).toMatchObject({ ActivityEvent_Note: 'Fixture call' });
	});

	it('with Return All, asks for page after page (Offset 0, 1…) until LeadSquared’s RecordCount is reached', async () => {
		const busy = busyLead(120);
		const all = await runNode({ parameters: getAll({ lead: leadBy('id', busy), returnAll: true }), credentials: credentials() });
		expect(new Set(all.items.map((item) => item.json.Id)).size).toBe(120);
		const limited = await runNode({ parameters: getAll({ lead: leadBy('id', busy), limit: 30 }), credentials: credentials() });
		expect(limited.items).toHaveLength(30);
		const pages = sandbox()
			.requestsTo(`${PA}/Retrieve`)
			.map((request) => (request.body as { Paging: object }).Paging);
		expect(pages).toEqual([
			{ Offset: 0, RowCount: 100 },
			{ Offset: 1, RowCount: 100 },
			{ Offset: 0, RowCount: 30 },
		]);
	});

	it('with Paging Offset Counts set to Rows (the override), the next page’s Offset skips rows', async () => {
		const busy = busyLead(101);
		await runNode({
			parameters: getAll({ lead: leadBy('id', busy), returnAll: true, options: { offsetCounts: 'rows' } }),
			credentials: credentials(),
		});
		expect(
			sandbox()
				.requestsTo(`${PA}/Retrieve`)
				.map((request) => (request.body as { Paging: { Offset: number } }).Paging.Offset),
		).toEqual([0, 100]);
	});

	it('by email, finds the lead first', async () => {
		await runNode({
			parameters: getAll({ lead: leadBy('email', fixtures().email), returnAll: true }),
			credentials: credentials(),
		});
		expect(sandbox().requestsTo('/v2/LeadManagement.svc/Leads.GetByEmailaddress', 'GET')).toHaveLength(1);
		expect(sandbox().requestsTo(`${PA}/Retrieve`)[0].url).toContain(`leadId=${fixtures().leadId}`);
	});

	it.each([
		[
			'an activity type that is not a code',
			{ filters: { activityEvent: '={{ "calls" }}' } },
			/^'Activity Type' must be a whole number 1 or more/,
		],
		[
			'an offset setting that does not exist',
			{ options: { offsetCounts: '={{ "bytes" }}' } },
			/^'Paging Offset Counts' must be one of pages, rows \(got "bytes"\) \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: getAll(parameters), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Activity → Get', () => {
	it('outputs the activity with its type’s fields', async () => {
		const { items } = await runNode({
			parameters: { resource: 'activity', operation: 'get', activityId: fixtures().activityId },
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({
			ID: fixtures().activityId,
			DisplayName: 'Phone Call',
			RelatedProspectId: fixtures().leadId,
			ActivityNote: 'Fixture call',
		});
	});

	it('an activity LeadSquared does not have is its refusal, not retried', async () => {
		const run = await runNode({
			parameters: { resource: 'activity', operation: 'get', activityId: '00000000-0000-4000-8000-000000000000' },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe('LeadSquared refused the request (500): Activity not found [item 0]');
		expect(sandbox().requestsTo(`${PA}/GetActivityDetails`, 'GET')).toHaveLength(1);
	});
});
