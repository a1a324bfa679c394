import type { INodeParameters } from 'n8n-workflow';

import { DEMO_USERS } from '../sandbox/fixtures';
import { salesActivities } from '../sandbox/crm/salesActivities';
import { leadBy, PHONE_CALL } from '../harness/crmFixtures';
import { loadOptions, runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';

/** Sales Activity → Create, Update, Get; Activity → Update and Create Lead and Activity: what reaches LeadSquared and what comes out. */

const SA = '/v2/SalesActivity.svc';
const PA = '/v2/ProspectActivity.svc';
const OWNER = DEMO_USERS[0];

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

const run = async (parameters: INodeParameters, items?: object[]) =>
	await runNode({ parameters, items: items as never, credentials: credentials() });

/** A Sales Activity → Create on the fixture lead, with `extra` in place of the defaults. */
const createSale = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'salesActivity',
	operation: 'create',
	lead: leadBy('id', fixtures().leadId),
	productSku: 'PLAN-STARTER',
	status: 'Open',
	...extra,
});

describe('Sales Activity', () => {
	it('Create records a won sale on a lead found by email, and outputs its ID and what was sent', async () => {
		const { items, error } = await run({
			resource: 'salesActivity',
			operation: 'create',
			lead: leadBy('email', fixtures().email),
			productSku: 'PLAN-GROWTH',
			status: 'Won',
			revenue: 4999.5,
			salesOwnerEmail: OWNER.EmailAddress,
			salesDate: '2026-11-30T15:30:00+05:30',
		});
		expect(error?.message).toBeUndefined();
		expect(sandbox().requestsTo(`${SA}/Create`)[0].body).toEqual({
			ProspectId: fixtures().leadId,
			ProductSku: 'PLAN-GROWTH',
			Status: 'Won',
			Revenue: '4999.5',
			SalesOwnerEmail: OWNER.EmailAddress,
			SalesDate: '2026-11-30 10:00:00',
		});
		const id = items[0].json.salesActivityId as string;
		expect(items[0].json).toEqual({
			salesActivityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			leadId: fixtures().leadId,
			productSku: 'PLAN-GROWTH',
			status: 'Won',
			revenue: '4999.5',
			salesOwnerEmail: OWNER.EmailAddress,
			salesDate: '2026-11-30 10:00:00',
		});
		expect(salesActivities(crm()).find((sale) => sale.id === id)).toMatchObject({ status: 'Won', revenue: 4999.5, ownerId: OWNER.ID });
	});

	it('Update sends every field, and Get shows the change with the fields by schema name', async () => {
		const id = fixtures().salesActivityId;
		const update = await run({
			resource: 'salesActivity',
			operation: 'update',
			salesActivityId: id,
			lead: leadBy('id', fixtures().leadId),
			productSku: 'PLAN-GROWTH',
			revenue: '1200',
			salesOwnerEmail: OWNER.EmailAddress,
			salesDate: '2026-12-01 09:00:00',
		});
		expect(update.items[0].json).toMatchObject({ salesActivityId: id, affectedRows: 1, revenue: '1200' });
		expect(sandbox().requestsTo(`${SA}/Update`)[0].body).toEqual({
			Id: id,
			ProspectId: fixtures().leadId,
			ProductSku: 'PLAN-GROWTH',
			Revenue: '1200',
			SalesOwnerEmail: OWNER.EmailAddress,
			SalesDate: '2026-12-01 09:00:00',
		});
		const { items } = await run({ resource: 'salesActivity', operation: 'get', salesActivityId: id });
		expect(sandbox().requestsTo(`${SA}/RetrieveActivity`, 'GET')[0].url).toContain(`activityId=${id}`);
		expect(items[0].json).toMatchObject({
			ID: id,
			fieldValues: { Status: 'Open', ProductName: 'PLAN-GROWTH - Growth Plan', mx_Custom_2: '1200.00', mx_Custom_3: '2026-12-01 09:00:00' },
		});
	});

	it('Get of an unknown sales activity carries LeadSquared’s message', async () => {
		const result = await run({ resource: 'salesActivity', operation: 'get', salesActivityId: '6f75b09d-0187-45d6-86dd-f848bd5a0aca' });
		expect(result.error?.message).toMatch(/Sales Activity not found/);
	});

	it('a product SKU the account does not have is LeadSquared’s 400, in its words', async () => {
		const result = await run(createSale({ productSku: 'NO-SUCH-SKU' }));
		expect(result.error?.message).toMatch(/^LeadSquared refused the request \(400\): ProductSku 'NO-SUCH-SKU' is not a product/);
	});

	it.each([
		['no product', { productSku: '={{ "" }}' }, /^'Product' is required \[item 0\]$/],
		['a status that is none of Open, Won, Lost', { status: '={{ "Pending" }}' }, /^'Status' must be one of Open, Won, Lost \(got "Pending"\) \[item 0\]$/],
		['a sales owner that is no email', { salesOwnerEmail: 'rahul' }, /^'Sales Owner Email' must be an e-mail address/],
		['a sales date that is no date', { salesDate: 'next week' }, /^'Sales Date' must be a date and time like/],
	])('Create refuses %s before sending anything', async (_, parameters, message) => {
		const result = await run(createSale(parameters));
		expect(result.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it.each([
		['revenue', 'Revenue'],
		['salesOwnerEmail', 'Sales Owner Email'],
		['salesDate', 'Sales Date'],
	])('Update refuses an empty %s: nothing is emptied by leaving it out', async (field, displayName) => {
		const result = await run({
			resource: 'salesActivity',
			operation: 'update',
			salesActivityId: fixtures().salesActivityId,
			lead: leadBy('id', fixtures().leadId),
			productSku: 'PLAN-STARTER',
			revenue: '10',
			salesOwnerEmail: OWNER.EmailAddress,
			salesDate: '2026-12-01 09:00:00',
			[field]: '={{ "" }}',
		});
		expect(result.error?.message).toBe(`'${displayName}' is required [item 0]`);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('the Product dropdown', () => {
	it('lists the account’s products by name, each sent as its SKU (RetrieveProducts)', async () => {
		const products = await loadOptions('getProducts', { parameters: {}, credentials: credentials() });
		expect(products).toEqual([
			{ name: 'Growth Plan (PLAN-GROWTH)', value: 'PLAN-GROWTH' },
			{ name: 'Starter Plan (PLAN-STARTER)', value: 'PLAN-STARTER' },
		]);
		expect(sandbox().requestsTo(`${SA}/RetrieveProducts`)[0].body).toEqual({
			Parameter: { SearchText: '' },
			Paging: { PageIndex: 1, PageSize: 100 },
		});
	});
});

describe('Activity → Update', () => {
	it('changes the note and one field and keeps the others', async () => {
		const activity = crm().activities.find((a) => a.id === fixtures().activityId)!;
		activity.fields = { ...activity.fields, mx_Custom_1: '30' };
		const { items } = await run({
			resource: 'activity',
			operation: 'update',
			activityId: activity.id,
			activityEvent: PHONE_CALL,
			note: 'Call went well',
			activityFields: { field: [{ schemaName: 'mx_Custom_2', value: 'Connected' }] },
		});
		expect(sandbox().requestsTo(`${PA}/CustomActivity/Update`)[0].body).toEqual({
			ProspectActivityId: activity.id,
			ActivityEvent: PHONE_CALL,
			ActivityNote: 'Call went well',
			Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Connected' }],
		});
		expect(items[0].json).toEqual({ activityId: activity.id, activityEvent: PHONE_CALL, note: 'Call went well', fields: { mx_Custom_2: 'Connected' } });
		expect(activity).toMatchObject({ note: 'Call went well', fields: { mx_Custom_1: '30', mx_Custom_2: 'Connected' } });
	});

	it('an empty note is left out, so the activity keeps its note', async () => {
		await run({
			resource: 'activity',
			operation: 'update',
			activityId: fixtures().activityId,
			activityEvent: PHONE_CALL,
			activityFields: { field: [{ schemaName: 'mx_Custom_1', value: '45' }] },
		});
		expect(sandbox().requestsTo(`${PA}/CustomActivity/Update`)[0].body).not.toHaveProperty('ActivityNote');
	});

	it('an activity ID that is not one is refused before sending', async () => {
		const result = await run({ resource: 'activity', operation: 'update', activityId: '42', activityEvent: PHONE_CALL, note: 'x' });
		expect(result.error?.message).toMatch(/^'Activity ID' must be a LeadSquared ID like .* \(got "42"\) \[item 0\]$/);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Activity → Create Lead and Activity', () => {
	const createWithLead = (lead: object, searchBy = '') => ({
		resource: 'activity',
		operation: 'createWithLead',
		fieldsMode: 'json',
		json: JSON.stringify(lead),
		searchBy,
		activityEvent: PHONE_CALL,
		note: 'Enquiry call',
		activityFields: { field: [{ schemaName: 'mx_Custom_2', value: 'Connected' }] },
	});

	it('creates the lead when none has its email, and posts the activity on it, in one call', async () => {
		const email = `lead.and.activity.${Date.now()}@example.com`;
		const { items } = await run(createWithLead({ EmailAddress: email, FirstName: 'Meera' }, 'EmailAddress'));
		expect(sandbox().requestsTo(`${PA}/CreateCustom`)[0].body).toEqual({
			LeadDetails: [
				{ Attribute: 'EmailAddress', Value: email },
				{ Attribute: 'FirstName', Value: 'Meera' },
				{ Attribute: 'SearchBy', Value: 'EmailAddress' },
			],
			Activity: { ActivityEvent: PHONE_CALL, ActivityNote: 'Enquiry call', Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Connected' }] },
		});
		expect(sandbox().requests).toHaveLength(1);
		const lead = crm().leadBy('EmailAddress', email)!;
		expect(lead.fields.FirstName).toBe('Meera');
		const activity = crm().activities.find((a) => a.id === items[0].json.activityId)!;
		expect(activity).toMatchObject({ leadId: lead.id, event: PHONE_CALL, note: 'Enquiry call' });
		expect(items[0].json).toMatchObject({ activityEvent: PHONE_CALL, submitted: { EmailAddress: email, FirstName: 'Meera' } });
	});

	it('an existing lead found by its email is updated, not duplicated', async () => {
		const before = crm().activities.length;
		await run(createWithLead({ EmailAddress: fixtures().email, City: 'Pune' }));
		expect(crm().leadBy('EmailAddress', fixtures().email)?.fields).toMatchObject({ City: 'Pune' });
		expect(crm().activities.length).toBe(before + 1);
		expect(crm().activities.at(-1)?.leadId).toBe(fixtures().leadId);
	});
});
