import { randomUUID } from 'crypto';

import type { Json } from './common';
import {
	fail,
	invalidInput,
	isObject,
	lsqDate,
	mandatoryMissing,
	objectBody,
	optionalDate,
	optionalInteger,
	optionalText,
	rejectUnknownKeys,
	reply,
	requiredText,
	sameId,
	sortRows,
	sortingOf,
} from './common';
import { leadNotFound } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore, Task } from './store';
import { taskTypeRows } from './taskTypes';
import { BUSINESS_EXCEPTION_STATUS } from './unconfirmed';
import { taskPayload } from './webhookPayloads';

const BASE = '/v2/Task.svc';

const WRITE_KEYS = [
	'Name',
	'Description',
	'RelatedEntity',
	'RelatedEntityId',
	'DueDate',
	'EndDate',
	'Reminder',
	'ReminderBeforeDays',
	'ReminderTime',
	'NotifyBy',
	'OwnerId',
	'OwnerEmailAddress',
	'TaskType',
];

const NOTIFY_BY = ['1100', '1000'];

function owner(store: CrmStore, request: Json, required: boolean): string | undefined {
	const id = optionalText(request, 'OwnerId');
	const email = optionalText(request, 'OwnerEmailAddress')?.trim();
	if (!id && !email) return required ? mandatoryMissing("'OwnerId' or 'OwnerEmailAddress' is mandatory") : undefined;
	const user = store.user(id || email);
	if (!user) invalidInput(`Task owner '${id || email}' is not a user of this account`);
	if (user!.StatusCode !== 0) invalidInput(`Task owner '${id || email}' is not an active user`);
	return user!.ID;
}

function relatedEntity(store: CrmStore, request: Json, task?: Task): { kind: 0 | 1 | 5; id: string } {
	const kind = optionalInteger(request, 'RelatedEntity') ?? task?.relatedEntity ?? 0;
	if (![0, 1, 5].includes(kind)) invalidInput('RelatedEntity must be 0 (none), 1 (lead) or 5 (opportunity)');
	const id = optionalText(request, 'RelatedEntityId') ?? (kind === task?.relatedEntity ? task.relatedEntityId : '');
	if (kind === 1 && !store.lead(id)) leadNotFound();
	if (kind === 5 && !store.opportunities.some((o) => sameId(o.id, id))) {
		fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Opportunity not found');
	}
	return { kind: kind as 0 | 1 | 5, id: kind === 0 ? '' : id };
}

function taskType(store: CrmStore, request: Json): string | undefined {
	const value = request.TaskType;
	if (value === undefined || value === null) return undefined;
	if (!isObject(value) || typeof value.Name !== 'string') invalidInput('TaskType must be {"Name": …}');
	const type = store.taskTypes.find((t) => t.Name.toLowerCase() === String((value as Json).Name).toLowerCase());
	if (!type) invalidInput(`TaskType '${String((value as Json).Name)}' is not a task type of this account`);
	return type!.Name;
}

function notifyBy(request: Json): string | undefined {
	const value = request.NotifyBy;
	if (value === undefined || value === null || value === '') return undefined;
	if (!NOTIFY_BY.includes(String(value))) invalidInput('NotifyBy must be 1100 (notify by e-mail) or 1000 (no notification)');
	return String(value);
}

function create(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, WRITE_KEYS);
	const name = requiredText(request, 'Name', 500);
	const type = taskType(store, request) ?? mandatoryMissing("'TaskType' is mandatory");
	const ownerId = owner(store, request, true)!;
	const related = relatedEntity(store, request);
	const now = store.now();
	const dueDate = optionalDate(request, 'DueDate') ?? now;
	const endDate = optionalDate(request, 'EndDate');
	if (endDate !== undefined && endDate < dueDate) invalidInput('EndDate cannot be before DueDate');
	const task: Task = {
		id: randomUUID(),
		autoId: store.taskAutoId(),
		name,
		description: optionalText(request, 'Description', 2000) ?? '',
		relatedEntity: related.kind,
		relatedEntityId: related.id,
		dueDate,
		endDate,
		reminderMinutes: optionalInteger(request, 'Reminder'),
		notifyBy: notifyBy(request) ?? '1000',
		ownerId,
		typeName: type!,
		statusCode: 0,
		createdOn: now,
		modifiedOn: now,
	};
	store.tasks.push(task);
	store.emit(7, taskPayload(store, task));
	return { Status: 'Success', Message: { Id: task.id } };
}

function update(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, [...WRITE_KEYS, 'UserTaskId', 'StatusCode']);
	const id = requiredText(request, 'UserTaskId', undefined, "'UserTaskId' is mandatory");
	const task = store.tasks.find((t) => sameId(t.id, id));
	if (!task) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Task not found');
	const status = optionalInteger(request, 'StatusCode');
	if (status !== undefined && status !== 0 && status !== 1) invalidInput('StatusCode must be 0 (open) or 1 (completed)');
	const name = optionalText(request, 'Name', 500);
	const description = optionalText(request, 'Description', 2000);
	const ownerId = owner(store, request, false);
	const related = relatedEntity(store, request, task);
	const type = taskType(store, request);
	const dueDate = optionalDate(request, 'DueDate');
	const endDate = optionalDate(request, 'EndDate');
	const notify = notifyBy(request);
	const reminder = optionalInteger(request, 'Reminder');

	const t = task!;
	const completing = status === 1 && t.statusCode === 0;
	if (name !== undefined) t.name = name;
	if (description !== undefined) t.description = description;
	if (ownerId) t.ownerId = ownerId;
	if (type) t.typeName = type;
	if (dueDate !== undefined) t.dueDate = dueDate;
	if (endDate !== undefined) t.endDate = endDate;
	if (notify) t.notifyBy = notify;
	if (reminder !== undefined) t.reminderMinutes = reminder;
	[t.relatedEntity, t.relatedEntityId] = [related.kind, related.id];
	if (status !== undefined) t.statusCode = status as 0 | 1;
	t.modifiedOn = store.now();
	if (completing) t.completedOn = t.modifiedOn;
	if (status === 0) t.completedOn = undefined;
	store.emit(17, taskPayload(store, t));
	if (completing) store.emit(16, taskPayload(store, t));
	return { Status: 'Success', Message: { AffectedRows: 1, AutoId: t.autoId } };
}

export function taskRow(store: CrmStore, task: Task): Record<string, unknown> {
	const user = store.user(task.ownerId);
	const lead = task.relatedEntity === 1 ? store.lead(task.relatedEntityId) : undefined;
	return {
		UserTaskId: task.id,
		UserTaskAutoId: task.autoId,
		Name: task.name,
		Description: task.description,
		TaskType: task.typeName,
		RelatedEntity: task.relatedEntity,
		RelatedEntityId: task.relatedEntityId || null,
		ProspectID: lead?.id ?? null,
		FirstName: lead?.fields.FirstName || null,
		DueDate: lsqDate(task.dueDate),
		EndDate: store.date(task.endDate),
		Reminder: task.reminderMinutes ?? null,
		NotifyBy: task.notifyBy,
		StatusCode: task.statusCode,
		OwnerId: task.ownerId,
		OwnerEmailAddress: user?.EmailAddress ?? null,
		CreatedOn: lsqDate(task.createdOn),
		ModifiedOn: lsqDate(task.modifiedOn),
		CompletedOn: store.date(task.completedOn),
	};
}

const RETRIEVE_LOOKUPS = ['OwnerId', 'UserId', 'OwnerEmailAddress'];

function retrieve(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const parameter = isObject(request.Parameter) ? (request.Parameter as Json) : invalidInput('Parameter is required');
	const lookupName = optionalText(parameter as Json, 'LookupName') ?? mandatoryMissing("'LookupName' is mandatory");
	if (!RETRIEVE_LOOKUPS.some((name) => name.toLowerCase() === lookupName!.toLowerCase())) {
		invalidInput(`LookupName must be one of ${RETRIEVE_LOOKUPS.join(', ')}`);
	}
	const lookupValue = optionalText(parameter as Json, 'LookupValue') ?? mandatoryMissing("'LookupValue' is mandatory");
	const user = store.user(lookupValue);
	const from = optionalDate(parameter as Json, 'FromDate');
	const to = optionalDate(parameter as Json, 'ToDate');
	const status = optionalInteger(parameter as Json, 'StatusCode');
	if (status !== undefined && status !== 0 && status !== 1) invalidInput('StatusCode must be 0 (incomplete) or 1 (complete)');
	const typeId = optionalText(parameter as Json, 'TypeName');
	const typeName = typeId
		? store.taskTypes.find((t) => sameId(t.Id, typeId))?.Name ?? invalidInput(`TypeName '${typeId}' is not a task type id`)
		: undefined;

	const columns = isObject(request.Columns) ? optionalText(request.Columns as Json, 'Exclude_CSV') : undefined;
	const excluded = (columns ?? '')
		.split(',')
		.map((c) => c.trim())
		.filter(Boolean);
	const paging = isObject(request.Paging) ? (request.Paging as Json) : {};
	const offset = optionalInteger(paging, 'Offset') ?? 0;
	const rowCount = optionalInteger(paging, 'RowCount') ?? 100;
	if (offset < 0 || rowCount < 1) invalidInput('Offset must be 0 or more and RowCount 1 or more');
	const { column, descending } = sortingOf(request);

	const rows = store.tasks
		.filter((task) => user && task.ownerId === user.ID)
		.filter((task) => (from === undefined || task.dueDate >= from) && (to === undefined || task.dueDate <= to))
		.filter((task) => status === undefined || task.statusCode === status)
		.filter((task) => !typeName || task.typeName === typeName)
		.map((task) => taskRow(store, task));
	const sortColumn = column && Object.keys(rows[0] ?? {}).find((key) => key.toLowerCase() === column.toLowerCase());
	const page = sortRows(rows, sortColumn, descending).slice(offset, offset + rowCount);
	return {
		RecordCount: rows.length,
		List: page.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !excluded.includes(key)))),
	};
}

export function taskRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/Create`]: { handler: ({ store, body }) => reply(create(store, body)) },
		[`POST ${BASE}/Update`]: { handler: ({ store, body }) => reply(update(store, body)) },
		[`POST ${BASE}/Retrieve`]: { handler: ({ store, body }) => reply(retrieve(store, body)) },
		[`GET ${BASE}/RetrieveTaskType`]: { handler: ({ store, query }) => reply(taskTypeRows(store, query)) },
	};
}
