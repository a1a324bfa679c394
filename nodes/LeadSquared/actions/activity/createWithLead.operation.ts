import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { findLeadByField, leadFieldsProperties, readLeadFields } from '../lead/leadFields';
import { submittedFields } from '../lead/leadWriteOutput';
import { activityDateField, activityFieldsField, activityNoteField, activityTypeField, fieldsByName, readActivityPost } from './activityInput';

const properties: INodeProperties[] = [
	...leadFieldsProperties.map((property) =>
		property.name === 'fieldsMode'
			? { ...property, description: 'The lead the activity is for: found by a unique field and updated, or created' }
			: property,
	),
	findLeadByField,
	activityTypeField,
	activityNoteField,
	activityDateField,
	activityFieldsField,
];

export const description = showOnlyFor('activity', 'createWithLead', properties);

interface CreateWithLead {
	body: IDataObject;
	submitted: IDataObject;
}

/** Page create-lead-and-activity: `LeadDetails` (with SearchBy) and `Activity`, as Post an Activity takes it. */
function prepare(input: ItemInput): CreateWithLead {
	const lead = readLeadFields(input, { searchBy: true, needsEmailOrPhone: true });
	return { body: { LeadDetails: lead.pairs, Activity: readActivityPost(input) }, submitted: submittedFields(lead) };
}

async function send(this: IExecuteFunctions, request: CreateWithLead, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.leadAndActivityCreate,
		body: request.body,
		// The lead write is an upsert, but every call posts one more activity.
		replaySafe: false,
		itemIndex,
	});
	const message = successMessage(response);
	const activity = request.body.Activity as IDataObject;
	return {
		activityId: message.Id ?? null,
		activityEvent: activity.ActivityEvent,
		note: activity.ActivityNote,
		activityDateTime: activity.ActivityDateTime ?? null,
		fields: fieldsByName(activity),
		...request.submitted,
		// LeadSquared's page shows no answer for this call; all of it is kept.
		answer: message,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
