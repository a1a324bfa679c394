import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';
import type { LeadCapture } from './leadFields';
import { leadFieldsProperties, readLeadFields } from './leadFields';
import { successMessage } from '../../helpers/answers';
import { submittedFields } from './leadWriteOutput';
import { leadUpdateOptions, readPostUpdatedLead } from './postUpdatedLead';

export const description = showOnlyFor('lead', 'update', [
	leadLocator(['list', 'id', 'email'], 'The lead to update'),
	...leadFieldsProperties,
	leadUpdateOptions,
]);

interface LeadUpdate {
	lead: LeadReference;
	fields: LeadCapture;
	postUpdatedLead: boolean;
}

function prepare(input: ItemInput): LeadUpdate {
	return {
		lead: readLeadReference(input),
		fields: readLeadFields(input, { searchBy: false, clearing: true }),
		postUpdatedLead: readPostUpdatedLead(input),
	};
}

async function send(this: IExecuteFunctions, update: LeadUpdate, itemIndex: number): Promise<IDataObject> {
	const leadId = await resolveLeadId.call(this, update.lead, itemIndex);
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.leadUpdate,
		qs: { leadId, postUpdatedLead: update.postUpdatedLead },
		body: update.fields.pairs as unknown as IDataObject[],
		// Writing the same values again changes nothing, unless LeadSquared is to run automations on it.
		replaySafe: !update.postUpdatedLead,
		itemIndex,
	});
	return {
		leadId,
		affectedRows: successMessage(response).AffectedRows ?? null,
		automationsTriggered: update.postUpdatedLead,
		...submittedFields(update.fields),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
