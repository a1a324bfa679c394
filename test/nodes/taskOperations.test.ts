import type { INodeParameters } from 'n8n-workflow';

import { leadBy } from '../harness/crmFixtures';
import { expectNothingSentTo } from '../harness/assertions';
import { loadOptions, runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { DEMO_USERS } from '../sandbox/fixtures';
import { TASK_TYPES } from '../sandbox/crm/catalog';

const TASK = '/v2/Task.svc';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();
const [ASHA, RAHUL, SITI] = DEMO_USERS;

const create = (parameters: Record<string, unknown> = {}) => ({
	resource: 'task',
	operation: 'create',
	name: 'Call back about the demo',
	taskType: 'Follow Up',
	ownerId: RAHUL.ID,
	relatedTo: 'lead',
	lead: leadBy('id', fixtures().leadId),
	dueDate: '2030-05-01 10:00:00',
	...parameters,
});

describe('Task → Create', () => {
	it('creates a follow-up task for a lead, with its owner, dates, reminder and email notification', async () => {
		const { items } = await runNode({
			parameters: create({
				additionalFields: {
					description: 'Ask about seats',
					endDate: '2030-05-01T16:00:00+05:30',
					reminder: 30,
					notifyByEmail: true,
				},
			}),
			credentials: credentials(),
		});
		const sent = {
			Name: 'Call back about the demo',
			TaskType: { Name: 'Follow Up' },
			OwnerId: RAHUL.ID,
			Description: 'Ask about seats',
			DueDate: '2030-05-01 10:00:00',
			EndDate: '2030-05-01 10:30:00',
			Reminder: 30,
			NotifyBy: '1100',
			RelatedEntity: 1,
			RelatedEntityId: fixtures().leadId,
		};
		expect(items[0].json).toEqual({
			taskId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			relatedTo: 'lead',
			relatedId: fixtures().leadId,
			submitted: sent,
		});
		expect(sandbox().requestsTo(`${TASK}/Create`)[0].body).toEqual(sent);
		expect(crm().tasks.find((task) => task.id === items[0].json.taskId)).toMatchObject({
			ownerId: RAHUL.ID,
			typeName: 'Follow Up',
			relatedEntity: 1,
		});
	});

	it('relates a task to an opportunity, or to nothing', async () => {
		const onDeal = await runNode({
			parameters: create({ relatedTo: 'opportunity', opportunityId: fixtures().opportunityId }),
			credentials: credentials(),
		});
		expect(onDeal.items[0].json).toMatchObject({ relatedTo: 'opportunity', relatedId: fixtures().opportunityId });
		const alone = await runNode({ parameters: create({ relatedTo: 'none' }), credentials: credentials() });
		expect(alone.items[0].json).toMatchObject({ relatedTo: 'none', relatedId: null });
		expect(
			sandbox()
				.requestsTo(`${TASK}/Create`)
				.map((request) => (request.body as { RelatedEntity: number }).RelatedEntity),
		).toEqual([5, 0]);
	});

	it('an inactive owner is LeadSquared’s 400, in its words', async () => {
		const run = await runNode({ parameters: create({ ownerId: DEMO_USERS[3].ID }), credentials: credentials() });
		expect(run.error?.message).toBe(
			`LeadSquared refused the request (400): Task owner '${DEMO_USERS[3].ID}' is not an active user [item 0]`,
		);
	});

	it.each([
		['no task type', { taskType: '={{ "" }}' }, /^'Task Type' is required \[item 0\]$/],
		['no owner', { ownerId: '={{ "" }}' }, /^'Owner' is required \[item 0\]$/],
		['a due date that is no date', { dueDate: '={{ "next week" }}' }, /^'Due Date' must be a date and time like/],
		[
			'an end before the due date',
			{ additionalFields: { endDate: '2030-04-30 10:00:00' } },
			/^'End Date' must not be before Due Date \(End Date is 2030-04-30 10:00:00 UTC, Due Date 2030-05-01 10:00:00 UTC\) \[item 0\]$/,
		],
		[
			'a negative reminder',
			{ additionalFields: { reminder: -5 } },
			/^'Reminder \(Minutes Before\)' must be a whole number 0 or more \(got "-5"\) \[item 0\]$/,
		],
		['a lead that is not an ID', { lead: leadBy('id', '={{ "lead 7" }}') }, /^'Lead' must be a LeadSquared ID like/],
		[
			'a related opportunity without its ID',
			{ relatedTo: 'opportunity', opportunityId: '={{ " " }}' },
			/^'Opportunity ID' is required \[item 0\]$/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: create(parameters), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('offers the task types by name (Create, Update) and by ID (Get Many’s filter), from RetrieveTaskType as its page shows', async () => {
		const byName = await loadOptions('getTaskTypes', { parameters: {}, credentials: credentials() });
		expect(byName.map((option) => option.value).sort()).toEqual(TASK_TYPES.map((type) => type.Name).sort());
		expect(byName).toContainEqual({ name: 'Follow Up', value: 'Follow Up' });
		const byId = await loadOptions('getTaskTypeIds', { parameters: {}, credentials: credentials() });
		expect(byId).toContainEqual({ name: 'Meeting', value: TASK_TYPES.find((type) => type.Name === 'Meeting')!.Id });
		expect(sandbox().requestsTo(`${TASK}/RetrieveTaskType`, 'GET').map((request) => request.status)).toEqual([200, 200]);
		expect(sandbox().requests.filter((request) => request.path.endsWith('TaskTypes.Get'))).toEqual([]);
	});
});

describe('Task → Update', () => {
	const update = (updateFields: INodeParameters): INodeParameters => ({
		resource: 'task',
		operation: 'update',
		taskId: fixtures().taskId,
		updateFields,
	});

	it('changes the fields it is given, and can mark the task completed (StatusCode, unconfirmed)', async () => {
		const { items } = await runNode({
			parameters: update({ ownerId: SITI.ID, dueDate: '2030-06-01 09:00:00', status: 'completed' }),
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({
			taskId: fixtures().taskId,
			affectedRows: 1,
			submitted: { OwnerId: SITI.ID, DueDate: '2030-06-01 09:00:00', StatusCode: 1 },
		});
		expect(crm().tasks.find((task) => task.id === fixtures().taskId)).toMatchObject({ ownerId: SITI.ID, statusCode: 1 });
	});

	it('a task LeadSquared does not have is its refusal, not sent again', async () => {
		const run = await runNode({
			parameters: { ...update({ name: 'x' }), taskId: '00000000-0000-4000-8000-000000000000' },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe('LeadSquared refused the request (500): Task not found [item 0]');
		expect(sandbox().requestsTo(`${TASK}/Update`)).toHaveLength(1);
	});

	it.each([
		['no field to update', {}, /^'Update Fields' has no field to update; add at least one \[item 0\]$/],
		[
			'a status that does not exist',
			{ status: '={{ "done" }}' },
			/^'Status' must be one of open, completed \(got "done"\) \[item 0\]$/,
		],
		['an owner left empty', { ownerId: '={{ "" }}' }, /^'Update Fields' has no field to update/],
	])('refuses %s before sending anything', async (_, updateFields, message) => {
		const run = await runNode({ parameters: update(updateFields), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expectNothingSentTo(sandbox(), `${TASK}/Update`);
	});
});

describe('Task → Get Many', () => {
	const getAll = (parameters: Record<string, unknown> = {}) => ({
		resource: 'task',
		operation: 'getAll',
		ownerId: ASHA.ID,
		returnAll: true,
		...parameters,
	});

	beforeAll(async () => {
		for (const [day, name] of [
			[10, 'Early'],
			[20, 'Middle'],
			[28, 'Late'],
		] as const) {
			await runNode({
				parameters: create({ ownerId: ASHA.ID, name, dueDate: `2031-02-${day} 10:00:00` }),
				credentials: credentials(),
			});
		}
	});

	it('gets a user’s tasks due between two dates, open ones only', async () => {
		const { items } = await runNode({
			parameters: getAll({ filters: { fromDate: '2031-02-15 00:00:00', toDate: '2031-02-28 23:59:59', status: 0 } }),
			credentials: credentials(),
		});
		expect(items.map((item) => item.json.Name).sort()).toEqual(['Late', 'Middle']);
		expect(sandbox().requestsTo(`${TASK}/Retrieve`)[0].body).toEqual({
			Parameter: {
				LookupName: 'OwnerId',
				LookupValue: ASHA.ID,
				FromDate: '2031-02-15 00:00:00',
				ToDate: '2031-02-28 23:59:59',
				StatusCode: 0,
			},
			Paging: { Offset: 0, RowCount: 100 },
		});
	});

	it('takes the owner’s email instead of the ID, and pages by skipping rows', async () => {
		const { items } = await runNode({
			parameters: getAll({ ownerId: ASHA.EmailAddress, returnAll: false, limit: 2 }),
			credentials: credentials(),
		});
		expect(items).toHaveLength(2);
		expect((sandbox().requestsTo(`${TASK}/Retrieve`)[0].body as { Parameter: object }).Parameter).toEqual({
			LookupName: 'OwnerEmailAddress',
			LookupValue: ASHA.EmailAddress,
		});
	});

	it.each([
		['an owner that is neither ID nor email', { ownerId: 'Asha' }, /^'Owner' must be a LeadSquared ID like/],
		[
			'Due From after Due To',
			{ filters: { fromDate: '2031-03-01 00:00:00', toDate: '2031-02-01 00:00:00' } },
			/^'Due From' must not be after Due To/,
		],
		[
			'a task type that is not an ID',
			{ filters: { taskTypeId: '={{ "Meeting" }}' } },
			/^'Task Type' must be a LeadSquared ID like/,
		],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: getAll(parameters), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});
