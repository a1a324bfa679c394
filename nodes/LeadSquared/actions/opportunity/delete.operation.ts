import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { opportunityIdField } from './opportunityFields';
import { readOpportunityId } from './get.operation';

export const description = showOnlyFor('opportunity', 'delete', [
	{
		...opportunityIdField,
		description: 'The opportunity to delete. This cannot be undone.',
		hint: 'Works only if its opportunity type has “Allow Delete” on (Settings > Opportunities > Opportunity Types)',
	},
]);

async function send(this: IExecuteFunctions, opportunityId: string, itemIndex: number): Promise<IDataObject> {
	// Page delete-an-opportunity: GET …/Delete?Id=, answered {Status, Message: {IsSuccessful}}.
	await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.opportunityDelete,
		qs: { Id: opportunityId },
		// A repeat after a lost answer would report the deleted opportunity as not found.
		replaySafe: false,
		itemIndex,
	});
	return { opportunityId, deleted: true };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: readOpportunityId, send });
}
