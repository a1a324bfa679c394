import { apiClient, control, createLead, useCrmSandbox } from './crmTestKit';

/** The sandbox's issue 17 endpoints, each refusing what its page rules out. */
describe('sandbox CRM: deletes, bulk reads and note updates as their pages describe them', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	let leadId = '';
	const ids = (count: number) => Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		leadId = await createLead(api(), { EmailAddress: 'records@example.com', FirstName: 'Records' });
	});

	it('DeleteTasks takes at most 5,000 IDs (page delete-tasks-in-bulk)', async () => {
		expect((await api().post('/v2/Task.svc/DeleteTasks', { TaskIds: ids(5000) })).body).toMatchObject({ Status: 'Success', TasksCount: 5000, DeletedTasksCount: 0 });
		expect((await api().post('/v2/Task.svc/DeleteTasks', { TaskIds: ids(5001) })).status).toBe(400);
	});

	it('RetrieveToDos/ByUserId refuses a window over 100 days (page get-to-dos-by-user-id)', async () => {
		const body = (to: string) => ({ FromDate: '2026-01-01', ToDate: to, Users: [ids(1)[0]] });
		expect((await api().post('/v2/Task.svc/RetrieveToDos/ByUserId', body('2026-04-11'))).body).toEqual({ RecordCount: 0, List: [] });
		const over = await api().post('/v2/Task.svc/RetrieveToDos/ByUserId', body('2026-04-12'));
		expect(over.status).toBe(400);
		expect(over.body.ExceptionMessage).toMatch(/cannot be more than 100 days/);
	});

	it('GetOpportunitiesById needs Include_CSV and takes at most 2,000 IDs (page get-opportunities-in-bulk-by-ids)', async () => {
		const search = (count: number, columns?: object) => ({ SearchParameters: [{ EventCode: '12000', ProspectActivityId: ids(count), ...(columns ? { Columns: columns } : {}) }] });
		expect((await api().post('/v2/OpportunityManagement.svc/GetOpportunitiesById', search(1, { Include_CSV: 'Status' }))).body).toEqual([{ EventCode: '12000', RecordCount: 0, Opportunities: [] }]);
		expect((await api().post('/v2/OpportunityManagement.svc/GetOpportunitiesById', search(1))).status).toBe(400);
		expect((await api().post('/v2/OpportunityManagement.svc/GetOpportunitiesById', search(2001, { Include_CSV: 'Status' }))).status).toBe(400);
	});

	it('UpdateNote needs Note or AttachmentName, and a note of that lead (page update-note)', async () => {
		const noteId = (await api().post('/v2/LeadManagement.svc/CreateNote', { RelatedProspectId: leadId, Note: 'Old' })).body.Message.Id;
		expect((await api().post('/v2/LeadManagement.svc/UpdateNote', { RelatedProspectId: leadId, ProspectNoteId: noteId })).status).toBe(400);
		expect((await api().post('/v2/LeadManagement.svc/UpdateNote', { RelatedProspectId: leadId, ProspectNoteId: noteId, Note: 'New' })).body).toEqual({ Status: 'Success' });
		expect((await api().post('/v2/LeadManagement.svc/UpdateNote', { RelatedProspectId: leadId, ProspectNoteId: ids(1)[0], Note: 'x' })).status).not.toBe(200);
	});
});
