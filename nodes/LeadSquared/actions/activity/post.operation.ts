import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { dateTimeField, leadLocator } from '../crm.descriptions';
import { entityFieldsProperty, readEntityFields } from '../entityFields';
import { readLeadReference } from '../leadReference';

/** Details LeadSquared uses only when it creates the lead an activity is posted to by email. */
const NEW_LEAD_FIELDS = [
	{ name: 'firstName', attribute: 'FirstName', displayName: 'New Lead First Name' },
	{ name: 'lastName', attribute: 'LastName', displayName: 'New Lead Last Name' },
	{ name: 'phone', attribute: 'Phone', displayName: 'New Lead Phone' },
] as const;

const activityTypeField: INodeProperties = {
	displayName: 'Activity Type Name or ID',
	name: 'activityEvent',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getActivityTypes' },
	required: true,
	default: '',
	description:
		'The kind of activity to log, such as a call or a WhatsApp message. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const properties: INodeProperties[] = [
	leadLocator(
		['list', 'id', 'email'],
		'The lead to post the activity on. By email, LeadSquared creates the lead when no lead has that email.',
	),
	activityTypeField,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Called about the demo; call back on Monday',
	},
	dateTimeField('Activity Date', 'activityDateTime', 'When the activity happened; now when empty'),
	entityFieldsProperty('Activity Fields', 'activityFields', {
		displayName: 'Field Name or ID',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getActivityFields', loadOptionsDependsOn: ['activityEvent'] },
		description:
			'A field of the chosen activity type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
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
	const at = input.dateTime('activityDateTime', 'Activity Date');
	const fields = readEntityFields(input, 'activityFields', 'Activity Fields');
	return {
		...body,
		ActivityEvent: input.wholeNumber('activityEvent', 'Activity Type', { required: true, min: 1 }),
		ActivityNote: input.text('note', 'Note'),
		...(at ? { ActivityDateTime: at } : {}),
		...(ownerEmail ? { ActivityOwnerEmail: ownerEmail } : {}),
		...(fields.length ? { Fields: fields } : {}),
	};
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
		fields: Object.fromEntries(
			((activity.Fields ?? []) as IDataObject[]).map((field) => [String(field.SchemaName), field.Value as string]),
		),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
