import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { userField } from '../common.descriptions';
import { dateTimeField } from '../crm.descriptions';

/** LeadSquared's NotifyBy: 1100 e-mails the task owner, 1000 notifies nobody. */
const NOTIFY_BY_EMAIL = '1100';
const NOTIFY_NOBODY = '1000';

/** The fields of a task, as Create and Update show them. */
export const TASK_FIELDS = {
	name: { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Call back about the demo' },
	taskType: {
		displayName: 'Task Type Name or ID',
		name: 'taskType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaskTypes' },
		default: '',
		description:
			'The kind of task, such as a follow-up call or a meeting. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	ownerId: { ...userField, displayName: 'Owner Name or ID', name: 'ownerId', description: 'The user the task is assigned to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	dueDate: dateTimeField('Due Date', 'dueDate', 'When the task is due; LeadSquared takes today when empty'),
	description: { displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	endDate: dateTimeField('End Date', 'endDate', 'When an appointment ends, or a to-do’s end date'),
	reminder: {
		displayName: 'Reminder (Minutes Before)',
		name: 'reminder',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How many minutes before the due time LeadSquared reminds the owner',
	},
	notifyByEmail: {
		displayName: 'Notify Owner by Email',
		name: 'notifyByEmail',
		type: 'boolean',
		default: false,
		description: 'Whether LeadSquared emails the owner about the task',
	},
} satisfies Record<string, INodeProperties>;

/**
 * The body fields of a task, read from `source` (the item's parameters gathered in one object).
 * Create needs Name, Task Type and Owner; Update sends only what it is given.
 */
export function readTaskFields(input: ItemInput, source: IDataObject, required: boolean): IDataObject {
	const text = (name: keyof typeof TASK_FIELDS, field: string) => input.text(name, field, { required }, source[name]).trim();
	const body: IDataObject = {};
	const name = text('name', 'Name');
	if (name) body.Name = name;
	const taskType = text('taskType', 'Task Type');
	if (taskType) body.TaskType = { Name: taskType };
	const ownerId = text('ownerId', 'Owner');
	if (ownerId) body.OwnerId = ownerId;
	const description = input.text('description', 'Description', {}, source.description);
	if (description) body.Description = description;
	const dueDate = input.dateTime('dueDate', 'Due Date', {}, source.dueDate);
	if (dueDate) body.DueDate = dueDate;
	const endDate = input.dateTime('endDate', 'End Date', {}, source.endDate);
	if (endDate) body.EndDate = endDate;
	if (dueDate && endDate && endDate < dueDate) {
		throw input.error('End Date', `must not be before Due Date (End Date is ${endDate} UTC, Due Date ${dueDate} UTC)`);
	}
	const reminder = input.wholeNumber('reminder', 'Reminder (Minutes Before)', { min: 0 }, source.reminder);
	if (reminder) body.Reminder = reminder;
	if (source.notifyByEmail !== undefined) body.NotifyBy = source.notifyByEmail === true ? NOTIFY_BY_EMAIL : NOTIFY_NOBODY;
	return body;
}
