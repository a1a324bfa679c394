import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { dateTimeField } from '../crm.descriptions';
import { entityFieldsProperty, readEntityFields } from '../entityFields';

/** The fields that say what an activity is, shared by Post, Update and Create Lead and Activity. */
export const activityTypeField: INodeProperties = {
	displayName: 'Activity Type Name or ID',
	name: 'activityEvent',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getActivityTypes' },
	required: true,
	default: '',
	description:
		'The kind of activity to log, such as a call or a WhatsApp message. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const activityNoteField: INodeProperties = {
	displayName: 'Note',
	name: 'note',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	placeholder: 'e.g. Called about the demo; call back on Monday',
};

export const activityFieldsField = entityFieldsProperty('Activity Fields', 'activityFields', {
	displayName: 'Field Name or ID',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getActivityFields', loadOptionsDependsOn: ['activityEvent'] },
	description:
		'A field of the chosen activity type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
});

export const readActivityEvent = (input: ItemInput): number =>
	input.wholeNumber('activityEvent', 'Activity Type', { required: true, min: 1 })!;

/** `Fields` as LeadSquared takes them, left out when there are none. */
export function readActivityFields(input: ItemInput): IDataObject {
	const fields = readEntityFields(input, 'activityFields', 'Activity Fields');
	return fields.length ? { Fields: fields } : {};
}

/** The activity fields an output shows: schema name → value. */
export const fieldsByName = (body: IDataObject): IDataObject =>
	Object.fromEntries(((body.Fields ?? []) as IDataObject[]).map((field) => [String(field.SchemaName), field.Value as string]));

export const activityDateField = dateTimeField('Activity Date', 'activityDateTime', 'When the activity happened; now when empty');

/** What an activity post carries (Post an Activity, and Create a Lead and Activity's `Activity`). */
export function readActivityPost(input: ItemInput): IDataObject {
	const at = input.dateTime('activityDateTime', 'Activity Date');
	return {
		ActivityEvent: readActivityEvent(input),
		ActivityNote: input.text('note', 'Note'),
		...(at ? { ActivityDateTime: at } : {}),
		...readActivityFields(input),
	};
}
