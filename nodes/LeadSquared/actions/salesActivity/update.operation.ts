import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';
import { salesActivityIdField } from './get.operation';
import { readSale, saleProperties, submittedSale } from './salesActivityFields';

/**
 * Page update-an-existing-sales-activity sends every field and does not say whether one left out
 * is kept or emptied, so the node asks for all of them: nothing is emptied by omission.
 */
const properties: INodeProperties[] = [
	salesActivityIdField,
	...saleProperties(true),
];

export const description = showOnlyFor('salesActivity', 'update', properties);

interface SaleUpdate {
	id: string;
	lead: LeadReference;
	sale: IDataObject;
}

function prepare(input: ItemInput): SaleUpdate {
	return {
		id: input.text('salesActivityId', 'Sales Activity ID', { required: true, shape: 'id' }),
		lead: readLeadReference(input),
		sale: readSale(input, true),
	};
}

async function send(this: IExecuteFunctions, { id, lead, sale }: SaleUpdate, itemIndex: number): Promise<IDataObject> {
	const body = { Id: id, ProspectId: await resolveLeadId.call(this, lead, itemIndex), ...sale };
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.salesActivityUpdate,
		body,
		// Every field is sent, so sending it again sets the same values.
		replaySafe: true,
		itemIndex,
	});
	return { salesActivityId: id, affectedRows: successMessage(response).AffectedRows ?? null, ...submittedSale(body) };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
