import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { LeadCapture } from './leadFields';
import { findLeadByField, leadFieldsProperties, readLeadFields } from './leadFields';
import { submittedFields } from './leadWriteOutput';

/** Page capture-lead: the values of the `LeadUpdateBehavior` query parameter. */
export const LEAD_UPDATE_BEHAVIORS = ['DoNotUpdate', 'UpdateOnlyEmptyFields', 'DoNotUpdateUniqueFields'] as const;

const properties: INodeProperties[] = [
	...leadFieldsProperties,
	{
		...findLeadByField,
		typeOptions: { loadOptionsMethod: 'getSearchByFields' },
		hint: 'When empty, LeadSquared matches the lead by ProspectID, then email, then phone (page capture-lead)',
	},
	{
		displayName: 'Update Behavior',
		name: 'updateBehavior',
		type: 'options',
		options: [
			{ name: 'Update the Lead', value: '', description: 'LeadSquared’s default: the found lead gets the fields sent' },
			{ name: 'Do Not Update', value: 'DoNotUpdate', description: 'A found lead is left as it is' },
			{ name: 'Update Only Empty Fields', value: 'UpdateOnlyEmptyFields', description: 'Only fields the found lead has no value in' },
			{
				name: 'Do Not Update Unique Fields',
				value: 'DoNotUpdateUniqueFields',
				description: 'Every field except those marked unique (like email and phone)',
			},
		],
		default: '',
		description: 'What LeadSquared does when it finds an existing lead (LeadUpdateBehavior)',
	},
];

export const description = showOnlyFor('lead', 'capture', properties);

interface Capture {
	lead: LeadCapture;
	updateBehavior: string;
}

function prepare(input: ItemInput): Capture {
	return {
		lead: readLeadFields(input),
		updateBehavior: input.text('updateBehavior', 'Update Behavior', { oneOf: LEAD_UPDATE_BEHAVIORS }),
	};
}

async function send(this: IExecuteFunctions, capture: Capture, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.leadCapture,
		qs: capture.updateBehavior ? { LeadUpdateBehavior: capture.updateBehavior } : undefined,
		body: capture.lead.pairs as unknown as IDataObject[],
		// As Capture (Async): with Search By, a second send finds the lead the first one wrote.
		replaySafe: capture.lead.searchBy !== undefined,
		itemIndex,
	});
	const message = successMessage(response);
	return {
		leadId: message.Id ?? null,
		// Only when LeadSquared's answer says so.
		...(typeof message.IsCreated === 'boolean' ? { outcome: message.IsCreated ? 'created' : 'updated' } : {}),
		affectedRows: message.AffectedRows ?? null,
		searchBy: capture.lead.searchBy ?? null,
		updateBehavior: capture.updateBehavior || null,
		...submittedFields(capture.lead),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
