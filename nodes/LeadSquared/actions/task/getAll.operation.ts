import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { PageRequest, ResultLimit } from '../../helpers/paging';
import { fetchList, readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { dateTimeField, returnAllOrLimit } from '../crm.descriptions';
import { TASK_FIELDS } from './taskFields';

/** Tasks a Retrieve call asks for (LeadSquared's example asks for 200 and publishes no maximum). */
export const TASKS_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{
		...TASK_FIELDS.ownerId,
		required: true,
		description:
			'The user whose tasks to get. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'Whose tasks to get; an email address works too',
	},
	...returnAllOrLimit,
	collection('Filters', [
		dateTimeField('Due From', 'fromDate', 'Only tasks due at or after this time'),
		dateTimeField('Due To', 'toDate', 'Only tasks due at or before this time'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Completed', value: 1 },
				{ name: 'Open', value: 0 },
			],
			default: 0,
		},
		{
			displayName: 'Task Type Name or ID',
			name: 'taskTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTaskTypeIds' },
			default: '',
			description:
				'Only tasks of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

export const description = showOnlyFor('task', 'getAll', properties);

interface TaskList extends ResultLimit {
	parameter: IDataObject;
}

function prepare(input: ItemInput): TaskList {
	const filters = input.collection('filters');
	const owner = input.text('ownerId', 'Owner', { required: true }).trim();
	const byEmail = owner.includes('@');
	const from = input.dateTime('fromDate', 'Due From', {}, filters.fromDate);
	const to = input.dateTime('toDate', 'Due To', {}, filters.toDate);
	if (from && to && from > to)
		throw input.error('Due From', `must not be after Due To (Due From is ${from} UTC, Due To ${to} UTC)`);
	const status = input.wholeNumber('status', 'Status', { min: 0, max: 1 }, filters.status);
	const taskTypeId = input.text('taskTypeId', 'Task Type', { shape: 'id' }, filters.taskTypeId);
	return {
		parameter: {
			LookupName: byEmail ? 'OwnerEmailAddress' : 'OwnerId',
			LookupValue: input.text('ownerId', 'Owner', { shape: byEmail ? 'email' : 'id' }, owner),
			...(from ? { FromDate: from } : {}),
			...(to ? { ToDate: to } : {}),
			...(status === undefined ? {} : { StatusCode: status }),
			...(taskTypeId ? { TypeName: taskTypeId } : {}),
		},
		...readResultLimit(input),
	};
}

async function send(this: IExecuteFunctions, tasks: TaskList, itemIndex: number): Promise<IDataObject[]> {
	const list = {
		endpoint: ENDPOINTS.tasksRetrieve,
		body: ({ index, size }: PageRequest) => ({ Parameter: tasks.parameter, Paging: { Offset: index * size, RowCount: size } }),
		listKey: 'List',
		pageSize: TASKS_PAGE_SIZE,
	};
	return await fetchList.call(this, list, tasks, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
