import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { LeadCapture } from './leadFields';
import { leadFieldsProperties, readLeadFields } from './leadFields';
import { successMessage } from '../../helpers/answers';
import { submittedFields } from './leadWriteOutput';

export const description = showOnlyFor('lead', 'create', leadFieldsProperties);

async function send(this: IExecuteFunctions, lead: LeadCapture, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.leadCreate,
		body: lead.pairs as unknown as IDataObject[],
		replaySafe: false,
		itemIndex,
	});
	return { leadId: successMessage(response).Id ?? null, ...submittedFields(lead) };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: (input) => readLeadFields(input, { searchBy: false }), send });
}
