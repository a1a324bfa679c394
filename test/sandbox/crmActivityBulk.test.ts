import { BULK_ACTIVITY_MAX } from './crm/activityBulk';
import { apiClient, control, createLead, useCrmSandbox } from './crmTestKit';
import { DEMO_USERS } from './fixtures';

const PA = '/v2/ProspectActivity.svc';
const BULK = `${PA}/Bulk/CustomActivity/Add/ByLeadId`;
const NO_LEAD = '00000000-0000-4000-8000-000000000000';

/** Page post-bulk-activities-on-leads: up to 25 activities a call, one answer row each. */
describe('sandbox CRM: Post Activities on Leads in Bulk (by lead ID)', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	let leadId = '';

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		sandbox().clearRecord();
		leadId = await createLead(api(), { EmailAddress: 'bulk.activity@example.com' });
	});

	const activitiesOfLead = async () => (await api().post(`${PA}/Retrieve?leadId=${leadId}`, { Paging: { Offset: 0, RowCount: 100 } })).body;

	it(`takes at most ${BULK_ACTIVITY_MAX} activities (more, an empty list or no list: 400, nothing written)`, async () => {
		const one = { RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: 'over' };
		for (const body of [Array.from({ length: BULK_ACTIVITY_MAX + 1 }, () => one), [], one]) {
			const refused = await api().post(BULK, body);
			expect([refused.status, refused.body.ExceptionType]).toEqual([400, 'MXInvalidInputException']);
		}
		expect((await activitiesOfLead()).RecordCount).toBe(0);
		const full = await api().post(BULK, Array.from({ length: BULK_ACTIVITY_MAX }, (_, i) => ({ ...one, ActivityNote: `full ${i}` })));
		expect(full.status).toBe(200);
		expect(full.body.Response).toHaveLength(BULK_ACTIVITY_MAX);
		expect((await activitiesOfLead()).RecordCount).toBe(BULK_ACTIVITY_MAX);
	});

	it('answers one row per activity in order; a refused one (checked as Post an Activity checks it) does not stop the others', async () => {
		const answer = await api().post(BULK, [
			{
				RelatedProspectId: leadId,
				ActivityEvent: 201,
				ActivityNote: 'first',
				ActivityOwnerEmail: DEMO_USERS[1].EmailAddress,
				ActivityDateTime: '2026-11-02 09:30:00',
				Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Connected' }],
			},
			{ RelatedProspectId: NO_LEAD, ActivityEvent: 201, ActivityNote: 'no such lead' },
			{ RelatedProspectId: leadId, ActivityEvent: 202, ActivityNote: 'missing its mandatory field' },
			{ RelatedProspectId: leadId, ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Maybe' }] },
			{ RelatedProspectId: leadId, ActivityEvent: 201, EmailAddress: 'by-email@example.com' },
			{ ActivityEvent: 201 },
			{ RelatedProspectId: leadId, ActivityEvent: 202, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Hello' }] },
		]);
		expect(answer.status).toBe(200);
		const rows = answer.body.Response;
		expect(rows.map((row: { RowNumber: number }) => row.RowNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(rows.map((row: { ActivityCreated: boolean }) => row.ActivityCreated)).toEqual([true, false, false, false, false, false, true]);
		expect(rows[0]).toEqual({ RowNumber: 1, ActivityCreated: true, ProspectActivityId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect(rows[1]).toEqual({ RowNumber: 2, ActivityCreated: false, ProspectActivityId: null, ExceptionType: 'MXInvalidEntityReferenceException', ExceptionMessage: expect.any(String) });
		for (const row of rows.slice(2, 6)) expect(row.ExceptionType).toMatch(/^MX/);

		const stored = (await activitiesOfLead()).ProspectActivities;
		expect(stored.map((activity: { Id: string }) => activity.Id).sort()).toEqual([rows[0].ProspectActivityId, rows[6].ProspectActivityId].sort());
		const details = (await api().get(`${PA}/GetActivityDetails?activityId=${rows[0].ProspectActivityId}`)).body;
		expect(details).toMatchObject({ RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: 'first', ActivityDateTime: '2026-11-02 09:30:00' });
		expect(details.Fields.find((field: { SchemaName: string }) => field.SchemaName === 'mx_Custom_2').Value).toBe('Connected');
	});

	it('counts against the lower bulk limit', async () => {
		await control(sandbox(), 'POST', '/__sandbox/config', { bulkRateLimit: { calls: 1, windowMs: 5_000 } });
		try {
			const activity = [{ RelatedProspectId: leadId, ActivityEvent: 201 }];
			expect((await api().post(BULK, activity)).status).toBe(200);
			expect((await api().post(BULK, activity)).status).toBe(429);
			expect((await api().post(`${PA}/Create`, activity[0])).status).toBe(200);
		} finally {
			await control(sandbox(), 'POST', '/__sandbox/config', { bulkRateLimit: null });
		}
	});
});
