import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { BatchOperation } from '../../helpers/batches';
import { oneCallPerItemOption, runBatched } from '../../helpers/batches';
import type { ItemInput } from '../../helpers/itemInput';
import { settle } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { outcomeUnknown } from '../../transport/errors';
import { collection, showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import { readLeadReference } from '../leadReference';
import { activityDateField, activityFieldsField, activityNoteField, activityTypeField, fieldsByName, readActivityPost } from './activityInput';
import { BULK_ACTIVITY_CALL, bulkActivityResults, unknownOutcome } from './bulkActivityRows';

/** Page post-bulk-activities-on-leads: up to 25 activities a call. */
const BULK_SIZE = 25;

/** Details LeadSquared uses only when it creates the lead an activity is posted to by email. */
const NEW_LEAD_FIELDS = [
	{ name: 'firstName', attribute: 'FirstName', displayName: 'New Lead First Name' },
	{ name: 'lastName', attribute: 'LastName', displayName: 'New Lead Last Name' },
	{ name: 'phone', attribute: 'Phone', displayName: 'New Lead Phone' },
] as const;

const properties: INodeProperties[] = [
	leadLocator(
		['list', 'id', 'email'],
		'The lead to post the activity on. By email, LeadSquared creates the lead when no lead has that email.',
	),
	activityTypeField,
	activityNoteField,
	activityDateField,
	activityFieldsField,
	collection('Additional Fields', [
		...NEW_LEAD_FIELDS.map(
			({ name, displayName }): INodeProperties => ({
				displayName,
				name,
				type: 'string',
				default: '',
				description: 'Used only with Lead by email, when LeadSquared creates the lead',
			}),
		),
		{
			displayName: 'Owner Email',
			name: 'ownerEmail',
			type: 'string',
			placeholder: 'e.g. rahul.menon@example.com',
			default: '',
			description: 'Email of the LeadSquared user who owns the activity; the user whose keys the credential holds when empty',
		},
	]),
	collection('Options', [oneCallPerItemOption(`${BULK_ACTIVITY_CALL} (not for a lead given by email)`, BULK_SIZE)]),
];

export const description = showOnlyFor('activity', 'post', properties);

function prepare(input: ItemInput): IDataObject {
	const lead = readLeadReference(input);
	const extra = input.collection('additionalFields');
	const body: IDataObject = lead.by === 'id' ? { RelatedProspectId: lead.value } : { EmailAddress: lead.value };
	for (const { name, attribute, displayName } of NEW_LEAD_FIELDS) {
		const value = input.text(name, displayName, {}, extra[name]).trim();
		if (value && lead.by === 'id') throw input.error(displayName, 'is used only when the Lead is given by email');
		if (value) body[attribute] = value;
	}
	const ownerEmail = input.text('ownerEmail', 'Owner Email', { shape: 'email' }, extra.ownerEmail);
	const { Fields, ...posted } = readActivityPost(input);
	return { ...body, ...posted, ...(ownerEmail ? { ActivityOwnerEmail: ownerEmail } : {}), ...(Fields ? { Fields } : {}) };
}

const output = (activity: IDataObject, activityId: unknown): IDataObject => ({
	activityId: activityId ?? null,
	leadId: activity.RelatedProspectId ?? null,
	leadEmail: activity.EmailAddress ?? null,
	activityEvent: activity.ActivityEvent,
	note: activity.ActivityNote,
	activityDateTime: activity.ActivityDateTime ?? null,
	fields: fieldsByName(activity),
});

async function send(this: IExecuteFunctions, activity: IDataObject, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.activityCreate,
		body: activity,
		replaySafe: false,
		itemIndex,
	});
	return output(activity, successMessage(response).Id);
}

/**
 * Many activities in one bulk call. Not replay-safe: a 429 is sent again (LeadSquared did not act
 * on it), but after no answer or a 5xx nothing tells which activities were written, so none is
 * resent and each item says so (README: Activity → Post, "In bulk").
 */
async function sendBatch(this: IExecuteFunctions, activities: IDataObject[], itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const answer = await settle(
		async () =>
			await leadSquaredRequest.call(this, {
				host: 'api',
				method: 'POST',
				endpoint: ENDPOINTS.activityBulkPost,
				body: activities,
				replaySafe: false,
				bulk: true,
				itemIndex: itemIndexes[0],
			}),
	);
	if (!answer.ok && outcomeUnknown(answer.error)) {
		return itemIndexes.map((itemIndex) => unknownOutcome.call(this, answer.error, itemIndex, itemIndexes.length));
	}
	if (!answer.ok) throw answer.error;
	return bulkActivityResults.call(this, answer.value, itemIndexes).map((result, row) =>
		result instanceof Error ? result : output(activities[row], result.activityId),
	);
}

const operation: BatchOperation<IDataObject> = {
	prepare,
	send,
	sendBatch,
	batchSize: BULK_SIZE,
	// The bulk call takes a lead by ID only; by email (which may create the lead) each item keeps its own call.
	batchable: (activity) => typeof activity.RelatedProspectId === 'string',
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runBatched.call(this, items, operation);
}
