import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import { readLeadReference } from '../leadReference';
import { activityDateField, activityFieldsField, activityNoteField, activityTypeField, fieldsByName, readActivityPost } from './activityInput';

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

async function send(this: IExecuteFunctions, activity: IDataObject, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.activityCreate,
		body: activity,
		replaySafe: false,
		itemIndex,
	});
	return {
		activityId: successMessage(response).Id ?? null,
		leadId: activity.RelatedProspectId ?? null,
		leadEmail: activity.EmailAddress ?? null,
		activityEvent: activity.ActivityEvent,
		note: activity.ActivityNote,
		activityDateTime: activity.ActivityDateTime ?? null,
		fields: fieldsByName(activity),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
