import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { readTaskFields, TASK_FIELDS } from './taskFields';

/**
 * Unconfirmed: LeadSquared's Update a Task page lists no status field. The node sends the one
 * its Get Tasks API filters on (StatusCode: 0 open, 1 completed).
 */
export const TASK_STATUS_FIELD = 'StatusCode';

const TASK_STATUS = { open: 0, completed: 1 } as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 04901f02-4d0c-11ec-993a-06f221480cd8',
		description: 'The UserTaskId that Create or Get Many gave for the task',
	},
	collection(
		'Update Fields',
		[
			...Object.values(TASK_FIELDS),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Completed', value: 'completed' },
					{ name: 'Open', value: 'open' },
				],
				default: 'completed',
				description:
					'Mark the task completed or open again. LeadSquared’s Update a Task page does not list this field (see the README).',
			} as INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	),
];

export const description = showOnlyFor('task', 'update', properties);

function prepare(input: ItemInput): IDataObject {
	const fields = input.collection('updateFields');
	const body = readTaskFields(input, fields, false);
	const status = input.text('status', 'Status', { oneOf: ['open', 'completed'] }, fields.status);
	if (status) body[TASK_STATUS_FIELD] = TASK_STATUS[status as keyof typeof TASK_STATUS];
	if (Object.keys(body).length === 0) throw input.error('Update Fields', 'has no field to update; add at least one');
	return { UserTaskId: input.text('taskId', 'Task ID', { required: true, shape: 'id' }), ...body };
}

async function send(this: IExecuteFunctions, update: IDataObject, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.taskUpdate,
		body: update,
		// LeadSquared fires "task updated" webhooks for every update: a repeat would fire them twice.
		replaySafe: false,
		itemIndex,
	});
	const { UserTaskId, ...submitted } = update;
	return { taskId: UserTaskId, affectedRows: successMessage(response).AffectedRows ?? null, submitted };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
