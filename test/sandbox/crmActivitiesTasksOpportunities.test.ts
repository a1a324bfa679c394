import type { Loose } from './crmTestKit';
import { apiClient, control, createLead, pairs, useCrmSandbox } from './crmTestKit';
import { OPPORTUNITY_CAPTURE_PATH } from './crm/unconfirmed';

const PA = '/v2/ProspectActivity.svc';
const TASK = '/v2/Task.svc';
const OPP = '/v2/OpportunityManagement.svc';
const NO_LEAD = '00000000-0000-0000-0000-000000000000';

describe('sandbox CRM: activities, tasks and opportunities', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	let leadId = '';

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		leadId = await createLead(api(), { EmailAddress: 'lead@example.com', FirstName: 'Lead' });
	});

	describe('activities', () => {
		it('lists activity types, custom phone call and WhatsApp ones included', async () => {
			const types = (await api().get(`${PA}/ActivityTypes.Get`)).body;
			expect(types).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ ActivityEvent: 201, DisplayName: 'Phone Call' }),
					expect.objectContaining({ ActivityEvent: 202, DisplayName: 'WhatsApp Message' }),
				]),
			);
		});

		it('gives an activity type’s fields by its code (GetActivitySetting); an unknown code is refused', async () => {
			const settings = await api().get(`${PA}/CustomActivity/GetActivitySetting?code=202`);
			expect(settings.body).toMatchObject({ DisplayName: 'WhatsApp Message', ID: expect.stringMatching(/^[0-9a-f-]{36}$/) });
			expect(settings.body.Fields).toContainEqual(expect.objectContaining({ SchemaName: 'mx_Custom_1', DataType: 'String', IsMandatory: true }));
			const unknown = await api().get(`${PA}/CustomActivity/GetActivitySetting?code=999`);
			expect(unknown.body.ExceptionType).toBe('MXInvalidEntityReferenceException');
		});

		it('posts an activity on a lead and reads it back in detail', async () => {
			const posted = await api().post(`${PA}/Create`, {
				RelatedProspectId: leadId,
				ActivityEvent: 201,
				ActivityNote: 'Discussed pricing',
				ActivityDateTime: '2024-05-01 10:00:00',
				Fields: [
					{ SchemaName: 'mx_Custom_1', Value: '125' },
					{ SchemaName: 'mx_Custom_2', Value: 'Connected' },
				],
			});
			expect(posted.body).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
			const details = await api().get(`${PA}/GetActivityDetails?activityId=${posted.body.Message.Id}`);
			expect(details.body).toMatchObject({
				ID: posted.body.Message.Id,
				DisplayName: 'Phone Call',
				RelatedProspectId: leadId,
				ActivityNote: 'Discussed pricing',
				ActivityDateTime: '2024-05-01 10:00:00',
			});
			expect(details.body.Fields).toEqual(expect.arrayContaining([expect.objectContaining({ SchemaName: 'mx_Custom_2', Value: 'Connected' })]));
		});

		it('posting by e-mail creates the lead when it does not exist', async () => {
			const posted = await api().post(`${PA}/Create`, {
				EmailAddress: 'new.by.activity@example.com',
				FirstName: 'Neo',
				ActivityEvent: 202,
				Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Hi there' }],
			});
			expect(posted.status).toBe(200);
			const [lead] = (await api().get('/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=new.by.activity@example.com')).body;
			expect(lead.FirstName).toBe('Neo');
			const listed = await api().post(`${PA}/Retrieve?leadId=${lead.ProspectID}`, {});
			expect(listed.body.ProspectActivities.map((a: Loose) => a.Id)).toEqual([posted.body.Message.Id]);
		});

		it.each([
			['an unknown activity type', { ActivityEvent: 999 }, 400, 'MXInvalidInputException'],
			['a missing mandatory field', { ActivityEvent: 202 }, 400, 'MXMandatoryAttributeMissingException'],
			['an option not offered', { ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Maybe' }] }, 400, 'MXInvalidInputException'],
			['an unknown field', { ActivityEvent: 201, Fields: [{ SchemaName: 'mx_Custom_99', Value: '1' }] }, 400, 'MXInvalidInputException'],
			['a date not in YYYY-MM-DD HH:MM:SS', { ActivityEvent: 201, ActivityDateTime: '2024-05-01T10:00:00Z' }, 400, 'MXInvalidInputException'],
			['an unknown attribute', { ActivityEvent: 201, Colour: 'red' }, 400, 'MXInvalidInputException'],
		])('refuses %s', async (_, fields, status, type) => {
			const answer = await api().post(`${PA}/Create`, { RelatedProspectId: leadId, ...fields });
			expect(answer.status).toBe(status);
			expect(answer.body.ExceptionType).toBe(type);
		});

		it('Retrieve names things as the live probe found: Id, EventCode, EventName, ActivityFields (an object) and Data as [{Key, Value}]', async () => {
			await api().post(`${PA}/Create`, {
				RelatedProspectId: leadId,
				ActivityEvent: 201,
				ActivityNote: 'Probe shape',
				ActivityDateTime: '2024-05-01 10:00:00',
				Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Connected' }],
			});
			const [activity] = (await api().post(`${PA}/Retrieve?leadId=${leadId}`, {})).body.ProspectActivities;
			expect(activity).toMatchObject({ Id: expect.any(String), EventCode: 201, EventName: 'Phone Call', RelatedProspectId: leadId });
			expect(activity.ActivityFields).toMatchObject({
				ActivityEvent_Note: 'Probe shape',
				CreatedBy: sandbox().accounts[0].users[0].ID,
				CreatedOn: expect.stringMatching(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/),
				mx_Custom_2: 'Connected',
			});
			expect(activity.Data).toContainEqual({ Key: 'ActivityEvent_Note', Value: 'Probe shape' });
			expect(activity.Data.every((pair: Loose) => Object.keys(pair).sort().join() === 'Key,Value')).toBe(true);
		});

		it('refuses an activity on a lead that does not exist', async () => {
			const answer = await api().post(`${PA}/Create`, { RelatedProspectId: NO_LEAD, ActivityEvent: 201 });
			expect(answer.body).toMatchObject({ ExceptionType: 'MXInvalidEntityReferenceException', ExceptionMessage: 'Lead not found' });
		});

		it('Retrieve returns 25 a call unless paged, newest first, and filters by event', async () => {
			for (let i = 0; i < 30; i++) {
				const minute = String(i).padStart(2, '0');
				await api().post(`${PA}/Create`, { RelatedProspectId: leadId, ActivityEvent: i % 3 === 0 ? 203 : 201, ActivityNote: `n${i}`, ActivityDateTime: `2024-05-01 10:${minute}:00` });
			}
			const first = await api().post(`${PA}/Retrieve?leadId=${leadId}`);
			expect(first.body.RecordCount).toBe(30);
			expect(first.body.ProspectActivities).toHaveLength(25);
			expect(first.body.ProspectActivities[0].ActivityFields.ActivityEvent_Note).toBe('n29');
			const second = await api().post(`${PA}/Retrieve?leadId=${leadId}`, { Paging: { Offset: '1', RowCount: '25' } });
			expect(second.body.ProspectActivities.map((a: Loose) => a.ActivityFields.ActivityEvent_Note)).toEqual(['n4', 'n3', 'n2', 'n1', 'n0']);
			const demos = await api().post(`${PA}/Retrieve?leadId=${leadId}`, { Parameter: { ActivityEvent: 203 } });
			expect(demos.body.RecordCount).toBe(10);
			expect(demos.body.ProspectActivities.every((a: Loose) => a.EventCode === 203)).toBe(true);
			const unknown = await api().post(`${PA}/Retrieve?leadId=${NO_LEAD}`, {});
			expect(unknown.body.ExceptionMessage).toBe('Lead not found');
		});
	});

	describe('tasks', () => {
		const [owner, other] = [0, 1];
		const user = (i: number) => sandbox().accounts[0].users[i];

		it('creates, completes through Update, and lists tasks by owner, status and dates', async () => {
			const created = await api().post(`${TASK}/Create`, {
				Name: 'Call back',
				RelatedEntity: 1,
				RelatedEntityId: leadId,
				DueDate: '2024-06-01 09:00:00',
				NotifyBy: '1100',
				OwnerEmailAddress: user(owner).EmailAddress,
				TaskType: { Name: 'Phone Call' },
			});
			expect(created.body).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
			await api().post(`${TASK}/Create`, { Name: 'Someone else', OwnerId: user(other).ID, TaskType: { Name: 'Follow Up' }, DueDate: '2024-06-01 09:00:00' });
			const retrieve = async (parameter: object) =>
				(await api().post(`${TASK}/Retrieve`, { Parameter: { LookupName: 'OwnerEmailAddress', LookupValue: user(owner).EmailAddress, ...parameter } })).body;
			expect(await retrieve({ StatusCode: 0 })).toMatchObject({ RecordCount: 1, List: [{ UserTaskId: created.body.Message.Id, ProspectID: leadId }] });
			const done = await api().post(`${TASK}/Update`, { UserTaskId: created.body.Message.Id, StatusCode: 1 });
			expect(done.body).toMatchObject({ Status: 'Success', Message: { AffectedRows: 1 } });
			expect((await retrieve({ StatusCode: 0 })).RecordCount).toBe(0);
			expect((await retrieve({ StatusCode: 1 })).List[0].CompletedOn).toEqual(expect.any(String));
			expect((await retrieve({ FromDate: '2024-06-02 00:00:00', ToDate: '2024-06-30 00:00:00' })).RecordCount).toBe(0);
		});

		it.each([
			['no owner', { Name: 'x', TaskType: { Name: 'Meeting' } }, 'MXMandatoryAttributeMissingException'],
			['an inactive owner', { Name: 'x', TaskType: { Name: 'Meeting' }, OwnerEmailAddress: 'former.agent@example.com' }, 'MXInvalidInputException'],
			['an unknown task type', { Name: 'x', TaskType: { Name: 'Juggling' }, OwnerEmailAddress: 'asha.iyer@example.com' }, 'MXInvalidInputException'],
			['a RelatedEntity of 3', { Name: 'x', TaskType: { Name: 'Meeting' }, OwnerEmailAddress: 'asha.iyer@example.com', RelatedEntity: 3 }, 'MXInvalidInputException'],
			['an end before the due date', { Name: 'x', TaskType: { Name: 'Meeting' }, OwnerEmailAddress: 'asha.iyer@example.com', DueDate: '2024-06-02 09:00:00', EndDate: '2024-06-01 09:00:00' }, 'MXInvalidInputException'],
		])('refuses a task with %s', async (_, body, type) => {
			const answer = await api().post(`${TASK}/Create`, body);
			expect(answer.status).toBe(400);
			expect(answer.body.ExceptionType).toBe(type);
		});

		it('refuses a task on a lead that does not exist, and an update of an unknown task', async () => {
			const orphan = await api().post(`${TASK}/Create`, { Name: 'x', TaskType: { Name: 'Meeting' }, OwnerId: user(owner).ID, RelatedEntity: 1, RelatedEntityId: NO_LEAD });
			expect(orphan.body.ExceptionMessage).toBe('Lead not found');
			const unknown = await api().post(`${TASK}/Update`, { UserTaskId: NO_LEAD, Name: 'y' });
			expect(unknown.body.ExceptionType).toBe('MXInvalidEntityReferenceException');
		});

		it('lists task types at RetrieveTaskType, as its page shows (the ID in Id), filtered by ColumnName/ColumnValue', async () => {
			const all = (await api().get(`${TASK}/RetrieveTaskType`)).body;
			expect(all.map((t: Loose) => t.Name)).toEqual(expect.arrayContaining(['Meeting', 'Phone Call']));
			expect(all[0]).toMatchObject({ Category: expect.any(Number), Id: expect.stringMatching(/^[0-9a-f-]{36}$/), ColumnConfiguration: expect.any(Array) });
			const meeting = all.find((t: Loose) => t.Name === 'Meeting');
			const byId = (await api().get(`${TASK}/RetrieveTaskType?ColumnName=TaskTypeId&ColumnValue=${meeting.Id}`)).body;
			expect(byId.map((t: Loose) => t.Name)).toEqual(['Meeting']);
			const todos = (await api().get(`${TASK}/RetrieveTaskType?ColumnName=Category&ColumnValue=1`)).body;
			expect(todos.length).toBeGreaterThan(0);
			expect(todos.every((t: Loose) => t.Category === 1)).toBe(true);
			expect((await api().get(`${TASK}/RetrieveTaskType?ColumnName=Colour&ColumnValue=red`)).status).toBe(400);
		});

		it('no longer answers the task-types path no page shows (TaskTypes.Get)', async () => {
			const answer = await api().get(`${TASK}/TaskTypes.Get`);
			expect(answer.status).toBe(404);
		});
	});

	describe('opportunities', () => {
		const capture = async (name: string, email = 'lead@example.com') =>
			await api().post(OPPORTUNITY_CAPTURE_PATH, {
				LeadDetails: pairs({ EmailAddress: email, SearchBy: 'EmailAddress' }),
				Opportunity: {
					OpportunityEventCode: 12000,
					OpportunityNote: 'From the web form',
					Fields: [
						{ SchemaName: 'mx_Custom_1', Value: name },
						{ SchemaName: 'mx_Custom_2', Value: 'Prospecting' },
					],
				},
			});

		it('captures an opportunity (1 = created), then detects the duplicate (3) without creating another', async () => {
			const first = await capture('Annual plan');
			expect(first.body).toMatchObject({ Status: 'Success', IsUnique: true, AdditionalDetails: [{ PostDeDupActionPerformed: 1, ConflictedOpportunityId: null }] });
			const again = await capture('annual PLAN');
			expect(again.body).toMatchObject({ CreatedOpportunityId: null, AdditionalDetails: [{ PostDeDupActionPerformed: 3, ConflictedOpportunityId: first.body.CreatedOpportunityId }] });
			const ofLead = await api().post(`${OPP}/GetOpportunitiesOfLead?leadId=${leadId}&opportunityType=12000`);
			expect(ofLead.body.RecordCount).toBe(1);
			// Flat properties, as the live probe found; only GetOpportunityDetails has Fields[].
			expect(ofLead.body.List[0]).toMatchObject({
				OpportunityId: first.body.CreatedOpportunityId,
				RelatedProspectId: leadId,
				mx_Custom_1: 'Annual plan',
				Status: 'Open',
				Owner: expect.any(String),
				ModifiedOn: expect.any(String),
			});
			expect(ofLead.body.List[0].Fields).toBeUndefined();
		});

		it('capture creates the lead when no lead has the unique field', async () => {
			const answer = await capture('Starter', 'brand.new@example.com');
			const [lead] = (await api().get('/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=brand.new@example.com')).body;
			expect(answer.body.AdditionalDetails[0].RelatedProspectId).toBe(lead.ProspectID);
		});

		it('updates fields and stage, and details show them', async () => {
			const id = (await capture('Upgrade')).body.CreatedOpportunityId;
			const updated = await api().post(`${OPP}/Update`, { ProspectOpportunityId: id, Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Negotiation' }, { SchemaName: 'mx_Custom_3', Value: '5000' }] });
			expect(updated.body).toMatchObject({ Status: 'Success' });
			const details = await api().get(`${OPP}/GetOpportunityDetails?OpportunityId=${id}`);
			expect(details.body.Fields).toEqual(
				expect.arrayContaining([expect.objectContaining({ SchemaName: 'mx_Custom_2', Value: 'Negotiation' }), expect.objectContaining({ SchemaName: 'mx_Custom_3', Value: '5000' })]),
			);
		});

		it.each([
			['no unique lead field', { LeadDetails: pairs({ FirstName: 'Anon' }), Opportunity: { OpportunityEventCode: 12000, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'x' }] } }],
			['an unknown opportunity type', { LeadDetails: pairs({ EmailAddress: 'lead@example.com' }), Opportunity: { OpportunityEventCode: 1, Fields: [] } }],
			['no opportunity name', { LeadDetails: pairs({ EmailAddress: 'lead@example.com' }), Opportunity: { OpportunityEventCode: 12000, Fields: [] } }],
			['a stage that is not an option', { LeadDetails: pairs({ EmailAddress: 'lead@example.com' }), Opportunity: { OpportunityEventCode: 12000, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'x' }, { SchemaName: 'mx_Custom_2', Value: 'Dreaming' }] } }],
		])('refuses a capture with %s (400)', async (_, body) => {
			const answer = await api().post(OPPORTUNITY_CAPTURE_PATH, body);
			expect(answer.status).toBe(400);
			expect(answer.body.Status).toBe('Error');
		});

		it('lists opportunity types and refuses unknown opportunities and leads', async () => {
			expect((await api().get(`${OPP}/GetOpportunityTypes`)).body).toEqual(expect.arrayContaining([expect.objectContaining({ Code: 12000 })]));
			expect((await api().get(`${OPP}/GetOpportunityDetails?OpportunityId=${NO_LEAD}`)).body.ExceptionType).toBe('MXInvalidEntityReferenceException');
			expect((await api().post(`${OPP}/Update`, { ProspectOpportunityId: NO_LEAD })).body.ExceptionMessage).toBe('Opportunity not found');
			expect((await api().post(`${OPP}/GetOpportunitiesOfLead?leadId=${NO_LEAD}`)).body.ExceptionMessage).toBe('Lead not found');
		});

		it('refuses GetOpportunitiesOfLead without opportunityType, as the live probe found (500, an MX exception)', async () => {
			const answer = await api().post(`${OPP}/GetOpportunitiesOfLead?leadId=${leadId}`);
			expect(answer.status).toBe(500);
			expect(answer.body.ExceptionType).toMatch(/^MX/);
		});
	});
});
