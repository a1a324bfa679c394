import { apiClient, control, createLead, pairs, useCrmSandbox } from './crmTestKit';
import { DEMO_USERS } from './fixtures';

const PA = '/v2/ProspectActivity.svc';
const SA = '/v2/SalesActivity.svc';
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Pages: post-or-add-a-sales-activity-to-a-lead, update-an-existing-sales-activity, retrieve-sales-activity, update-activity, create-lead-and-activity. */
describe('sandbox CRM: sales activities, activity updates, lead and activity in one call', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	let leadId = '';

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		leadId = await createLead(api(), { EmailAddress: 'buyer@example.com', FirstName: 'Buyer' });
	});

	describe('sales activities', () => {
		const sale = (extra: object = {}) => ({ ProspectId: leadId, ProductSku: 'PLAN-STARTER', Status: 'Open', Revenue: '100', ...extra });

		it('creates one, updates it and gives it back with its fields', async () => {
			const created = await api().post(`${SA}/Create`, sale({ SalesOwnerEmail: DEMO_USERS[1].EmailAddress, SalesDate: '2026-11-01 08:00:00' }));
			expect(created.body).toEqual({ Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
			const id = created.body.Message.Id;
			const updated = await api().post(`${SA}/Update`, { Id: id, ProspectId: leadId, ProductSku: 'PLAN-GROWTH', Revenue: 250 });
			expect(updated.body).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
			const got = await api().get(`${SA}/RetrieveActivity?activityId=${id}`);
			const value = (name: string) => got.body.Fields.find((f: { SchemaName: string }) => f.SchemaName === name)?.Value;
			expect(got.body.ID).toBe(id);
			expect([value('Status'), value('ProductName'), value('mx_Custom_2'), value('mx_Custom_3'), value('mx_Custom_4')]).toEqual([
				'Open',
				'PLAN-GROWTH - Growth Plan',
				'250.00',
				'2026-11-01 08:00:00',
				DEMO_USERS[1].ID,
			]);
		});

		it.each([
			['no Status', { Status: undefined }, 'MXMandatoryAttributeMissingException'],
			['a Status other than Open, Won, Lost', { Status: 'Pending' }, 'MXInvalidInputException'],
			['an unknown product', { ProductSku: 'NOPE' }, 'MXInvalidInputException'],
			['a Revenue that is no number', { Revenue: '1,000' }, 'MXInvalidInputException'],
			['an owner who is no user', { SalesOwnerEmail: 'nobody@example.com' }, 'MXInvalidInputException'],
		])('refuses %s with a 400', async (_, extra, type) => {
			const answer = await api().post(`${SA}/Create`, sale(extra));
			expect([answer.status, answer.body.ExceptionType]).toEqual([400, type]);
		});

		it('an unknown lead, or an unknown sales activity, is refused', async () => {
			expect((await api().post(`${SA}/Create`, sale({ ProspectId: NO_ID }))).body.ExceptionType).toBe('MXInvalidEntityReferenceException');
			expect((await api().post(`${SA}/Update`, { Id: NO_ID, Revenue: 1 })).body.ExceptionType).toBe('MXInvalidEntityReferenceException');
			expect((await api().get(`${SA}/RetrieveActivity?activityId=${NO_ID}`)).body.ExceptionMessage).toBe('Sales Activity not found');
		});

		it('lists products by search text, by SKU, and in pages (RetrieveProducts)', async () => {
			const all = await api().post(`${SA}/RetrieveProducts`, { Parameter: { SearchText: '' }, Paging: { PageIndex: 1, PageSize: 1 } });
			expect(all.body).toEqual({ RecordCount: 2, List: [expect.objectContaining({ ProductSku: 'PLAN-STARTER' })] });
			const growth = await api().post(`${SA}/RetrieveProducts`, { Parameter: { SearchText: 'growth' } });
			expect(growth.body.List.map((p: { ProductSku: string }) => p.ProductSku)).toEqual(['PLAN-GROWTH']);
			const bySku = await api().post(`${SA}/RetrieveProducts`, { Parameter: { ProductSku: 'PLAN-STARTER' } });
			expect(bySku.body.List).toEqual([expect.objectContaining({ Name: 'Starter Plan', ProductId: expect.any(String) })]);
		});

		it('Update takes no Status (its page lists none)', async () => {
			const id = (await api().post(`${SA}/Create`, sale())).body.Message.Id;
			expect((await api().post(`${SA}/Update`, { Id: id, Status: 'Won' })).body.ExceptionMessage).toBe("Unknown attribute 'Status'");
		});
	});

	describe('Update an Activity', () => {
		it('replaces the note and the fields sent and keeps the others', async () => {
			const posted = await api().post(`${PA}/Create`, {
				RelatedProspectId: leadId,
				ActivityEvent: 201,
				ActivityNote: 'First call',
				Fields: [{ SchemaName: 'mx_Custom_1', Value: '30' }],
			});
			const id = posted.body.Message.Id;
			const updated = await api().post(`${PA}/CustomActivity/Update`, {
				ProspectActivityId: id,
				ActivityEvent: 201,
				Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Connected' }],
			});
			expect(updated.body).toEqual({ Status: 'Success', Message: { Id: id } });
			const details = (await api().get(`${PA}/GetActivityDetails?activityId=${id}`)).body;
			expect(details.ActivityNote).toBe('First call');
			expect(details.Fields.filter((f: { Value: unknown }) => f.Value !== null).map((f: { Value: unknown }) => f.Value)).toEqual(['30', 'Connected']);
		});

		it('refuses another type’s code, a field the type lacks and an unknown activity', async () => {
			const id = (await api().post(`${PA}/Create`, { RelatedProspectId: leadId, ActivityEvent: 201 })).body.Message.Id;
			const wrongType = await api().post(`${PA}/CustomActivity/Update`, { ProspectActivityId: id, ActivityEvent: 202 });
			expect([wrongType.status, wrongType.body.ExceptionType]).toEqual([400, 'MXInvalidInputException']);
			const wrongField = await api().post(`${PA}/CustomActivity/Update`, { ProspectActivityId: id, Fields: [{ SchemaName: 'mx_Custom_9', Value: 'x' }] });
			expect(wrongField.body.ExceptionMessage).toBe("Field 'mx_Custom_9' does not exist");
			const unknown = await api().post(`${PA}/CustomActivity/Update`, { ProspectActivityId: NO_ID, ActivityNote: 'x' });
			expect(unknown.body.ExceptionType).toBe('MXInvalidEntityReferenceException');
		});
	});

	describe('Create a Lead and Activity', () => {
		it('updates the lead SearchBy finds, or creates one, and posts the activity on it', async () => {
			const onExisting = await api().post(`${PA}/CreateCustom`, {
				LeadDetails: pairs({ EmailAddress: 'buyer@example.com', LastName: 'Known', SearchBy: 'EmailAddress' }),
				Activity: { ActivityEvent: 201, ActivityNote: 'Called' },
			});
			expect(onExisting.body.Message).toMatchObject({ Id: expect.any(String), RelatedProspectId: leadId, IsLeadCreated: false });
			const onNew = await api().post(`${PA}/CreateCustom`, {
				LeadDetails: pairs({ EmailAddress: 'new.buyer@example.com' }),
				Activity: { ActivityEvent: 201 },
			});
			expect(onNew.body.Message.IsLeadCreated).toBe(true);
			const leads = (await control(sandbox(), 'GET', '/__sandbox/crm/leads')).body as Array<{ ProspectID: string; LastName?: string }>;
			expect(leads.find((lead) => lead.ProspectID === leadId)?.LastName).toBe('Known');
			expect(leads).toHaveLength(2);
		});

		it('refuses an activity type the account lacks, and sends no lead write then', async () => {
			const answer = await api().post(`${PA}/CreateCustom`, {
				LeadDetails: pairs({ EmailAddress: 'never.made@example.com' }),
				Activity: { ActivityEvent: 999 },
			});
			expect([answer.status, answer.body.ExceptionType]).toEqual([400, 'MXInvalidInputException']);
			const leads = (await control(sandbox(), 'GET', '/__sandbox/crm/leads')).body as unknown[];
			expect(leads).toHaveLength(1);
		});
	});
});
