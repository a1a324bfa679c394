import { apiClient, control, createLead, pairs, useCrmSandbox } from './crmTestKit';
import { BULK_UPDATE_MAX, LEAD_NOT_UPDATABLE } from './crm/leadBulkUpdate';

const UPDATE_V2 = '/v2/LeadManagement.svc/Lead/Bulk/UpdateV2';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Page update-lead-in-bulk-v2, as the sandbox serves it. */
describe('sandbox CRM: Update Leads in Bulk v2', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	const leadsNamed = async () => (await control(sandbox(), 'GET', '/__sandbox/crm/leads')).body as Array<Record<string, string>>;

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
	});

	it(`takes at most ${BULK_UPDATE_MAX} leads (400 above), and is a bulk API`, async () => {
		const list = Array.from({ length: BULK_UPDATE_MAX + 1 }, () => ({ Fields: pairs({ ProspectId: UNKNOWN, FirstName: 'X' }) }));
		const refused = await api().post(UPDATE_V2, { LeadPropertiesList: list });
		expect(refused.status).toBe(400);
		expect(refused.body.ExceptionType).toBe('MXInvalidInputException');
		expect((await api().post(UPDATE_V2, { LeadPropertiesList: [] })).status).toBe(400);
		await control(sandbox(), 'POST', '/__sandbox/config', { bulkRateLimit: { calls: 1, windowMs: 5_000 } });
		try {
			const one = { LeadPropertiesList: [{ Fields: pairs({ ProspectId: UNKNOWN }) }] };
			expect((await api().post(UPDATE_V2, one)).status).toBe(200);
			expect((await api().post(UPDATE_V2, one)).status).toBe(429);
		} finally {
			await control(sandbox(), 'POST', '/__sandbox/config', { bulkRateLimit: null });
		}
	});

	it('without SearchByKey finds each lead by its ProspectId; a lead it cannot find is in FailedLeads, the others are updated', async () => {
		const a = await createLead(api(), { EmailAddress: 'a@example.com', FirstName: 'A' });
		const b = await createLead(api(), { EmailAddress: 'b@example.com', FirstName: 'B' });
		const answer = await api().post(UPDATE_V2, {
			LeadPropertiesList: [
				{ Fields: pairs({ ProspectId: a, FirstName: 'A2' }) },
				{ Fields: pairs({ ProspectId: UNKNOWN, FirstName: 'Nobody' }) },
				{ Fields: pairs({ FirstName: 'No ID' }) },
				{ Fields: pairs({ ProspectId: b, JobTitle: 'Buyer' }) },
			],
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			Status: { TotalCount: 4, SuccessCount: 2, FailureCount: 2, Message: 'Error' },
			Details: {
				FailedLeads: [
					{ Identifier: 'ProspectId', IdentifierValue: UNKNOWN, Reason: LEAD_NOT_UPDATABLE },
					{ Identifier: 'ProspectId', IdentifierValue: '', Reason: LEAD_NOT_UPDATABLE },
				],
			},
		});
		const leads = await leadsNamed();
		expect(leads.find((lead) => lead.ProspectID === a)?.FirstName).toBe('A2');
		expect(leads.find((lead) => lead.ProspectID === b)).toMatchObject({ FirstName: 'B', JobTitle: 'Buyer' });
	});

	it('by SearchByKey, with PushNonExistentLeadsToUnProcessedList: unknown leads are UnProcessedLeads; a duplicate is a FailedLead', async () => {
		await createLead(api(), { EmailAddress: 'c@example.com', Phone: '9876500010' });
		await createLead(api(), { EmailAddress: 'd@example.com' });
		const answer = await api().post(UPDATE_V2, {
			SearchByKey: 'EmailAddress',
			Options: { PushNonExistentLeadsToUnProcessedList: true },
			LeadPropertiesList: [
				{ Fields: pairs({ EmailAddress: 'nobody@example.com', FirstName: 'N' }) },
				{ Fields: pairs({ EmailAddress: 'd@example.com', Phone: '9876500010' }) },
				{ Fields: pairs({ EmailAddress: 'c@example.com', FirstName: 'C' }) },
			],
		});
		expect(answer.body.Status).toEqual({ TotalCount: 3, SuccessCount: 1, FailureCount: 1, UnProcessedCount: 1, Message: 'Error' });
		expect(answer.body.Details.UnProcessedLeads).toEqual([{ Identifier: 'EmailAddress', IdentifierValue: 'nobody@example.com', Reason: LEAD_NOT_UPDATABLE }]);
		expect(answer.body.Details.FailedLeads).toEqual([{ Identifier: 'EmailAddress', IdentifierValue: 'd@example.com', Reason: expect.stringMatching(/Duplicate/) }]);
		const all = await api().post(UPDATE_V2, { SearchByKey: 'EmailAddress', LeadPropertiesList: [{ Fields: pairs({ EmailAddress: 'c@example.com', JobTitle: 'CEO' }) }] });
		expect(all.body).toEqual({ Status: { TotalCount: 1, SuccessCount: 1, FailureCount: 0, Message: 'Success' }, Details: {} });
		expect((await leadsNamed()).find((lead) => lead.EmailAddress === 'c@example.com')).toMatchObject({ FirstName: 'C', JobTitle: 'CEO' });
	});
});
