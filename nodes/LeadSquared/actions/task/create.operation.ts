import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';
import { opportunityIdField } from '../opportunity/opportunityFields';
import { readTaskFields, TASK_FIELDS } from './taskFields';

/** LeadSquared's RelatedEntity codes. */
const RELATED_ENTITY = { none: 0, lead: 1, opportunity: 5 } as const;

const properties: INodeProperties[] = [
	{ ...TASK_FIELDS.name, required: true },
	{ ...TASK_FIELDS.taskType, required: true },
	{ ...TASK_FIELDS.ownerId, required: true },
	{
		displayName: 'Related To',
		name: 'relatedTo',
		type: 'options',
		options: [
			{ name: 'Lead', value: 'lead' },
			{ name: 'Nothing', value: 'none' },
			{ name: 'Opportunity', value: 'opportunity' },
		],
		default: 'lead',
	},
	{ ...leadLocator(['list', 'id', 'email'], 'The lead the task is about'), displayOptions: { show: { relatedTo: ['lead'] } } },
	{ ...opportunityIdField, displayOptions: { show: { relatedTo: ['opportunity'] } } },
	TASK_FIELDS.dueDate,
	collection('Additional Fields', [
		TASK_FIELDS.description,
		TASK_FIELDS.endDate,
		TASK_FIELDS.notifyByEmail,
		TASK_FIELDS.reminder,
	]),
];

export const description = showOnlyFor('task', 'create', properties);

interface NewTask {
	body: IDataObject;
	relatedTo: keyof typeof RELATED_ENTITY;
	lead?: LeadReference;
	opportunityId?: string;
}

function prepare(input: ItemInput): NewTask {
	const relatedTo = input.text('relatedTo', 'Related To', { required: true, oneOf: Object.keys(RELATED_ENTITY) }) as NewTask['relatedTo'];
	const source = { ...input.collection('additionalFields') };
	for (const name of ['name', 'taskType', 'ownerId', 'dueDate']) source[name] = input.raw(name) as IDataObject[string];
	return {
		body: readTaskFields(input, source, true),
		relatedTo,
		lead: relatedTo === 'lead' ? readLeadReference(input) : undefined,
		opportunityId:
			relatedTo === 'opportunity' ? input.text('opportunityId', 'Opportunity ID', { required: true }).trim() : undefined,
	};
}

async function send(this: IExecuteFunctions, task: NewTask, itemIndex: number): Promise<IDataObject> {
	const relatedId = task.lead ? await resolveLeadId.call(this, task.lead, itemIndex) : (task.opportunityId ?? '');
	const body = { ...task.body, RelatedEntity: RELATED_ENTITY[task.relatedTo], RelatedEntityId: relatedId };
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.taskCreate,
		body,
		replaySafe: false,
		itemIndex,
	});
	return {
		taskId: successMessage(response).Id ?? null,
		relatedTo: task.relatedTo,
		relatedId: relatedId || null,
		submitted: body,
	};
}

/**
 * One call per item, never Task.svc/Bulk/Create (page create-tasks-in-bulk): that page gives each
 * task's outcome only to a StatusWebhookURL and a Request History report, no per-task IDs in its
 * answer, so a batch could neither pair items with their tasks nor, after a lost answer, tell
 * which tasks exist (a create is not safe to send again). README: Task → Create, "Not in bulk".
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
