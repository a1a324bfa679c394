import type { Json } from './common';
import { invalidInput, isObject, lsqDate, mandatoryMissing, objectBody, optionalText, pageIndexPaging, reply, sameId } from './common';
import { leadNotFound } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { taskRow } from './tasks';

/** Page delete-tasks-in-bulk: "Maximum of 5,000 tasks can be sent in one request". */
export const DELETE_TASKS_MAX = 5000;
/** Page get-to-dos-by-user-id: "The difference between the from and to date cannot be more than 100 days". */
export const TO_DO_WINDOW_DAYS = 100;

const fullName = (store: CrmStore, id: string) => {
	const user = store.user(id);
	return user ? `${user.FirstName} ${user.LastName}`.trim() : null;
};

/** Page retrieve-tasks-by-leadid: GET ?leadId= → {RecordCount, TaskList}, a fixed set of columns. */
function ofLead(store: CrmStore, query: URLSearchParams) {
	const leadId = query.get('leadId') ?? query.get('LeadId') ?? mandatoryMissing("'leadId' is mandatory");
	if (!store.lead(leadId)) leadNotFound();
	const tasks = store.tasks.filter((task) => task.relatedEntity === 1 && sameId(task.relatedEntityId, leadId));
	return {
		RecordCount: tasks.length,
		TaskList: tasks.map((task) => ({
			TaskID: task.id,
			Name: task.name,
			Description: task.description,
			DueDate: lsqDate(task.dueDate),
			CreatedOn: lsqDate(task.createdOn),
			OwnerID: task.ownerId,
			OwnerName: fullName(store, task.ownerId),
			CreatedBy: store.keyOwner.ID,
			CreatedByName: fullName(store, store.keyOwner.ID),
			// The page shows "Pending"; the word for a completed task is not on it.
			Status: task.statusCode === 1 ? 'Completed' : 'Pending',
			Reminder: task.reminderMinutes === undefined ? null : String(task.reminderMinutes),
		})),
	};
}

/** Page delete-tasks-in-bulk: {TaskIds (≤ 5,000), StatusWebhookURL?} → the counts. */
function deleteTasks(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const ids = Array.isArray(request.TaskIds) ? request.TaskIds : mandatoryMissing("'TaskIds' is mandatory");
	if (ids.length === 0) mandatoryMissing("'TaskIds' must hold at least one task Id");
	if (ids.length > DELETE_TASKS_MAX) invalidInput(`Maximum of ${DELETE_TASKS_MAX} tasks can be sent in one request`);
	optionalText(request, 'StatusWebhookURL', 2000);
	const before = store.tasks.length;
	const doomed = new Set(ids.map((id) => String(id).toLowerCase()));
	store.tasks.splice(0, store.tasks.length, ...store.tasks.filter((task) => !doomed.has(task.id.toLowerCase())));
	return { Status: 'Success', Operation: 'Bulk Delete Tasks', TasksCount: ids.length, DeletedTasksCount: before - store.tasks.length, FailureReason: null };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayOf = (request: Json, key: string) => {
	const text = optionalText(request, key) ?? mandatoryMissing(`'${key}' is mandatory`);
	const ms = DAY.test(text.slice(0, 10)) ? Date.parse(`${text.slice(0, 10)}T00:00:00Z`) : NaN;
	if (Number.isNaN(ms)) invalidInput(`${key} '${text}' must be a date like 2018-09-25`);
	return ms;
};

/** Page get-to-dos-by-user-id: {FromDate, ToDate (≤ 100 days apart), Users[], Paging{PageIndex, PageSize}}. */
function toDosByUser(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const from = dayOf(request, 'FromDate');
	const to = dayOf(request, 'ToDate');
	if (to < from) invalidInput('ToDate must not be before FromDate');
	if ((to - from) / 86_400_000 > TO_DO_WINDOW_DAYS)
		invalidInput(`The difference between the from and to date cannot be more than ${TO_DO_WINDOW_DAYS} days`);
	const users = Array.isArray(request.Users) ? request.Users.map(String) : mandatoryMissing("'Users' is mandatory");
	const { skip, take } = pageIndexPaging(isObject(request) ? request : {}, 200);
	// To-dos are the tasks of Category 1 types (appointments are 0); a task keeps its type's name.
	const toDoTypes = new Set(store.taskTypes.filter((type) => type.Category === 1).map((type) => type.Name));
	const end = to + 86_400_000;
	const rows = store.tasks
		.filter((task) => users.some((user) => sameId(user, task.ownerId)) && toDoTypes.has(task.typeName))
		.filter((task) => task.dueDate >= from && task.dueDate < end)
		.map((task) => ({ ...taskRow(store, task), Category: 1, OwnerName: fullName(store, task.ownerId) }));
	return { RecordCount: rows.length, List: rows.slice(skip, skip + take) };
}

export function taskRecordRoutes(): CrmRoutes {
	return {
		['GET /v2/LeadManagement.svc/RetrieveTaskByLeadId']: { handler: ({ store, query }) => reply(ofLead(store, query)) },
		['POST /v2/Task.svc/DeleteTasks']: { handler: ({ store, body }) => reply(deleteTasks(store, body)) },
		['POST /v2/Task.svc/RetrieveToDos/ByUserId']: { handler: ({ store, body }) => reply(toDosByUser(store, body)) },
	};
}
