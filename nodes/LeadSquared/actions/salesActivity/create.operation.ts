import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';
import { readSale, saleProperties, submittedSale } from './salesActivityFields';

/** Page post-or-add-a-sales-activity-to-a-lead: Status is mandatory, one of these. */
const STATUSES = ['Open', 'Won', 'Lost'] as const;

const properties: INodeProperties[] = [
	...saleProperties(false),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUSES.map((status) => ({ name: status, value: status })),
		required: true,
		default: 'Open',
		description: 'Whether the sale is still open, won or lost',
	},
];

export const description = showOnlyFor('salesActivity', 'create', properties);

interface NewSale {
	lead: LeadReference;
	sale: IDataObject;
}

function prepare(input: ItemInput): NewSale {
	return {
		lead: readLeadReference(input),
		sale: { ...readSale(input, false), Status: input.text('status', 'Status', { required: true, oneOf: STATUSES }) },
	};
}

async function send(this: IExecuteFunctions, { lead, sale }: NewSale, itemIndex: number): Promise<IDataObject> {
	const body = { ProspectId: await resolveLeadId.call(this, lead, itemIndex), ...sale };
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.salesActivityCreate,
		body,
		replaySafe: false,
		itemIndex,
	});
	return { salesActivityId: successMessage(response).Id ?? null, ...submittedSale(body) };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
