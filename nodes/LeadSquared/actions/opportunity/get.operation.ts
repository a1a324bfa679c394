import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { opportunityIdField } from './opportunityFields';

export const description = showOnlyFor('opportunity', 'get', [
	{ ...opportunityIdField, description: 'The opportunity to get', hint: 'Get Many (of a lead) lists the IDs' },
]);

const readOpportunityId = (input: ItemInput) => input.text('opportunityId', 'Opportunity ID', { required: true }).trim();

/**
 * Page get-an-opportunity-by-id answers the fields as `Fields: [{SchemaName, Value, …}]`: the
 * output puts each value under its schema name, and keeps LeadSquared's answer in `raw`.
 */
export function flattenOpportunity(opportunityId: string, answer: IDataObject): IDataObject {
	const fields = Array.isArray(answer.Fields) ? (answer.Fields as IDataObject[]) : [];
	const values = Object.fromEntries(
		fields.filter((field) => typeof field.SchemaName === 'string').map((field) => [field.SchemaName as string, field.Value ?? null]),
	);
	return { opportunityId, ...values, raw: answer };
}

async function send(this: IExecuteFunctions, opportunityId: string, itemIndex: number): Promise<IDataObject> {
	const answer = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.opportunityDetails,
		qs: { OpportunityId: opportunityId },
		replaySafe: true,
		itemIndex,
	});
	return flattenOpportunity(opportunityId, (answer ?? {}) as IDataObject);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: readOpportunityId, send });
}

export { readOpportunityId };
