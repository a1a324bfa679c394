import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { opportunityFieldProperties, opportunityIdField, readOpportunityFields } from './opportunityFields';

const properties: INodeProperties[] = [
	opportunityIdField,
	...opportunityFieldProperties,
];

export const description = showOnlyFor('opportunity', 'update', properties);

function prepare(input: ItemInput): IDataObject {
	const id = input.text('opportunityId', 'Opportunity ID', { required: true }).trim();
	const changes = readOpportunityFields(input);
	if (Object.keys(changes).length === 0)
		throw input.error('Opportunity Fields', 'are empty, and so are Note and Opportunity Date: there is nothing to update');
	return { ProspectOpportunityId: id, ...changes };
}

async function send(this: IExecuteFunctions, update: IDataObject, itemIndex: number): Promise<IDataObject> {
	await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.opportunityUpdate,
		body: update,
		// LeadSquared fires "opportunity updated" webhooks for every update: a repeat would fire them twice.
		replaySafe: false,
		itemIndex,
	});
	const { ProspectOpportunityId, ...submitted } = update;
	return { opportunityId: ProspectOpportunityId, updated: true, submitted };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
