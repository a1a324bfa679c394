import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { activityIdField } from './get.operation';
import { activityFieldsField, activityNoteField, activityTypeField, fieldsByName, readActivityEvent, readActivityFields } from './activityInput';

const properties: INodeProperties[] = [
	activityIdField,
	{ ...activityTypeField, description: `The activity's type, as it was posted. ${activityTypeField.description}` },
	{ ...activityNoteField, hint: 'Left out when empty, so the activity keeps its note' },
	{ ...activityFieldsField, description: 'The fields to change; fields not listed here are not sent' },
];

export const description = showOnlyFor('activity', 'update', properties);

/** Page update-activity: ProspectActivityId, ActivityEvent, ActivityNote and the fields to change. */
function prepare(input: ItemInput): IDataObject {
	const note = input.text('note', 'Note');
	const update: IDataObject = {
		ProspectActivityId: input.text('activityId', 'Activity ID', { required: true, shape: 'id' }),
		ActivityEvent: readActivityEvent(input),
		...(note.trim() ? { ActivityNote: note } : {}),
		...readActivityFields(input),
	};
	if (update.ActivityNote === undefined && update.Fields === undefined) {
		throw input.error('Note', 'and Activity Fields are both empty; give a note or at least one field to change');
	}
	return update;
}

async function send(this: IExecuteFunctions, update: IDataObject, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.activityUpdate,
		body: update,
		// Sending the same note and fields again leaves the activity as it was.
		replaySafe: true,
		itemIndex,
	});
	return {
		activityId: successMessage(response).Id ?? update.ProspectActivityId,
		activityEvent: update.ActivityEvent,
		...(update.ActivityNote !== undefined ? { note: update.ActivityNote } : {}),
		fields: fieldsByName(update),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
