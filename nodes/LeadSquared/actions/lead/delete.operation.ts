import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference } from '../leadReference';

export const description = showOnlyFor('lead', 'delete', [
	{
		...leadLocator(['list', 'id'], 'The lead to delete'),
		hint: 'Permanent: LeadSquared also deletes the lead’s opportunities, activities, tasks and files. LeadSquared support must enable this API for your account first.',
	},
]);

async function send(this: IExecuteFunctions, lead: LeadReference, itemIndex: number): Promise<IDataObject> {
	await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.leadDelete,
		qs: { leadId: lead.value },
		// Page lead-delete does not say what a second delete of a deleted lead answers: never resent.
		replaySafe: false,
		itemIndex,
	});
	return { leadId: lead.value, deleted: true };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: (input) => readLeadReference(input), send });
}
