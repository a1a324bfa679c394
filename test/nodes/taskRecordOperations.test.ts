import { leadBy } from '../harness/crmFixtures';
import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { DEMO_USERS } from '../sandbox/fixtures';
import { apiClient } from '../sandbox/crmTestKit';

/** Issue 17: Task Delete, Get Many of a Lead, Get Many To-Dos of a User, over HTTP to the sandbox. */

const DELETE = '/v2/Task.svc/DeleteTasks';
const OF_LEAD = '/v2/LeadManagement.svc/RetrieveTaskByLeadId';
const TO_DOS = '/v2/Task.svc/RetrieveToDos/ByUserId';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

/** A task of its own for a test that deletes it (the file's fixtures are shared). */
const newTask = async (): Promise<string> => {
	const answer = await apiClient(sandbox()).post('/v2/Task.svc/Create', {
		Name: 'To delete',
		TaskType: { Name: 'Follow Up' },
		OwnerId: DEMO_USERS[0].ID,
		RelatedEntity: 1,
		RelatedEntityId: fixtures().leadId,
	});
	sandbox().clearRecord();
	return answer.body.Message.Id as string;
};

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('Task → Get Many of a Lead', () => {
	it('gets the lead’s tasks (lead by email, looked up first) as the page lists them', async () => {
		const { items } = await runNode({
			parameters: { resource: 'task', operation: 'getAllOfLead', lead: leadBy('email', fixtures().email), returnAll: true },
			credentials: credentials(),
		});
		expect(items.map((item) => item.json.TaskID)).toEqual([fixtures().taskId]);
		expect(items[0].json).toMatchObject({ Name: 'Fixture task', OwnerID: DEMO_USERS[0].ID, Status: 'Pending' });
		const [request] = sandbox().requestsTo(OF_LEAD, 'GET');
		expect(new URL(request.url, sandbox().url).searchParams.get('leadId')).toBe(fixtures().leadId);
	});
});

describe('Task → Delete', () => {
	it('deletes the tasks in one call, repeats and blanks dropped, and outputs LeadSquared’s counts', async () => {
		const taskId = await newTask();
		const { items } = await runNode({
			parameters: { resource: 'task', operation: 'delete', taskIds: `${taskId},\n${taskId.toUpperCase()}, ,` },
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({ requested: 1, tasksCount: 1, deletedTasksCount: 1, status: 'Success', failureReason: null });
		expect(sandbox().requestsTo(DELETE)[0].body).toEqual({ TaskIds: [taskId] });
		expect(crm().tasks.find((task) => task.id === taskId)).toBeUndefined();
	});

	it('takes an array from an expression, and a status webhook URL', async () => {
		const taskId = await newTask();
		const { items } = await runNode({
			parameters: {
				resource: 'task',
				operation: 'delete',
				taskIds: '={{ $json.ids }}',
				options: { statusWebhookUrl: 'https://example.com/done' },
			},
			items: [{ ids: [taskId] }],
			credentials: credentials(),
		});
		expect(items[0].json.deletedTasksCount).toBe(1);
		expect(sandbox().requestsTo(DELETE)[0].body).toEqual({ TaskIds: [taskId], StatusWebhookURL: 'https://example.com/done' });
	});

	it('a 500 is reported and not sent again', async () => {
		sandbox().setFaults([{ kind: 'status500', path: DELETE, count: 1 }]);
		const run = await runNode({ parameters: { resource: 'task', operation: 'delete', taskIds: fixtures().taskId }, credentials: credentials() });
		expect(run.error?.message).toBe('LeadSquared failed to handle the request (500): 500 - Internal server error. [item 0]');
		expect(sandbox().requestsTo(DELETE)).toHaveLength(1);
	});

	const ids = (count: number) =>
		Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

	it.each([
		['no ID', '={{ " , " }}', /^'Task IDs' is required \(give at least one ID\) \[item 0\]$/],
		['an ID that is no ID', 'task-1', /^'Task IDs' must be a LeadSquared ID like .*\(got "task-1"\) \[item 0\]$/],
		['5,001 IDs', ids(5001).join(','), /^'Task IDs' holds 5001 IDs; LeadSquared takes at most 5000 in one call/],
	])('refuses %s before sending anything', async (_, taskIds, message) => {
		const run = await runNode({ parameters: { resource: 'task', operation: 'delete', taskIds }, credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('sends 5,000 IDs, the page’s maximum', async () => {
		const { items } = await runNode({ parameters: { resource: 'task', operation: 'delete', taskIds: ids(5000).join(',') }, credentials: credentials() });
		expect(items[0].json).toMatchObject({ requested: 5000, tasksCount: 5000, deletedTasksCount: 0 });
	});
});

describe('Task → Get Many To-Dos of a User', () => {
	const toDos = (parameters: Record<string, unknown>) => ({
		resource: 'task',
		operation: 'getToDos',
		userId: DEMO_USERS[0].ID,
		fromDate: `${day(-1)} 00:00:00`,
		toDate: `${day(1)} 00:00:00`,
		returnAll: true,
		...parameters,
	});

	it('gets the user’s to-dos of the window, the days sent as LeadSquared’s page shows them', async () => {
		const { items } = await runNode({ parameters: toDos({}), credentials: credentials() });
		expect(items.map((item) => item.json.UserTaskId)).toContain(fixtures().taskId);
		expect(sandbox().requestsTo(TO_DOS)[0].body).toEqual({
			FromDate: day(-1),
			ToDate: day(1),
			Users: [DEMO_USERS[0].ID],
			Paging: { PageIndex: 1, PageSize: 200 },
		});
	});

	it('a window of exactly 100 days is sent', async () => {
		const run = await runNode({
			parameters: toDos({ fromDate: '2026-01-01 00:00:00', toDate: '2026-04-11 00:00:00' }),
			credentials: credentials(),
		});
		expect(run.status).toBe('success');
	});

	it.each([
		['a window over 100 days', { fromDate: '2026-01-01 00:00:00', toDate: '2026-04-12 00:00:00' }, /^'To' is 101 days after From; LeadSquared allows at most 100/],
		['From after To', { fromDate: '2026-02-01 00:00:00', toDate: '2026-01-01 00:00:00' }, /^'From' must not be after To \(From is 2026-02-01, To 2026-01-01\) \[item 0\]$/],
		['a From that is no date', { fromDate: '={{ "soon" }}' }, /^'From' must be a date and time like/],
		['a user that is no ID', { userId: '={{ "Ana" }}' }, /^'User' must be a LeadSquared ID like/],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: toDos(parameters), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});
