import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { idListField, readIdList } from '../idList';

/** Page delete-tasks-in-bulk: "Maximum of 5,000 tasks can be sent in one request". */
export const DELETE_TASKS_MAX = 5000;

export const description = showOnlyFor('task', 'delete', [
	idListField('Task IDs', 'taskIds', DELETE_TASKS_MAX, 'tasks to delete'),
	collection('Options', [
		{
			displayName: 'Status Webhook URL',
			name: 'statusWebhookUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/webhook',
			description: 'LeadSquared deletes the tasks in the background and posts the outcome to this URL when done',
		},
	]),
]);

interface TaskDeletion {
	taskIds: string[];
	statusWebhookUrl: string;
}

function prepare(input: ItemInput): TaskDeletion {
	return {
		taskIds: readIdList(input, 'taskIds', 'Task IDs', DELETE_TASKS_MAX),
		statusWebhookUrl: input
			.text('statusWebhookUrl', 'Status Webhook URL', { url: true }, input.collection('options').statusWebhookUrl)
			.trim(),
	};
}

async function send(this: IExecuteFunctions, deletion: TaskDeletion, itemIndex: number): Promise<IDataObject> {
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.tasksDelete,
		body: { TaskIds: deletion.taskIds, ...(deletion.statusWebhookUrl ? { StatusWebhookURL: deletion.statusWebhookUrl } : {}) },
		// A repeat after a lost answer would count the tasks already deleted as not deleted.
		replaySafe: false,
		itemIndex,
	})) as IDataObject | undefined;
	return {
		requested: deletion.taskIds.length,
		tasksCount: answer?.TasksCount ?? null,
		deletedTasksCount: answer?.DeletedTasksCount ?? null,
		status: answer?.Status ?? null,
		failureReason: answer?.FailureReason ?? null,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
