import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { LeadCapture } from './leadFields';
import { findLeadByField, leadFieldsProperties, readLeadFields } from './leadFields';
import { successMessage } from '../../helpers/answers';
import { submittedFields } from './leadWriteOutput';
import { leadUpdateOptions, readPostUpdatedLead } from './postUpdatedLead';

export const description = showOnlyFor('lead', 'upsert', [...leadFieldsProperties, findLeadByField, leadUpdateOptions]);

interface Upsert {
	lead: LeadCapture;
	postUpdatedLead: boolean;
}

function prepare(input: ItemInput): Upsert {
	return {
		lead: readLeadFields(input, { searchBy: true, needsEmailOrPhone: true, clearing: true }),
		postUpdatedLead: readPostUpdatedLead(input),
	};
}

async function send(this: IExecuteFunctions, upsert: Upsert, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.leadCreateOrUpdate,
		qs: { postUpdatedLead: upsert.postUpdatedLead },
		body: upsert.lead.pairs as unknown as IDataObject[],
		// An upsert sent twice finds the lead the first one wrote, unless LeadSquared is to run automations on it.
		replaySafe: !upsert.postUpdatedLead,
		itemIndex,
	});
	// LeadSquared's answer is `Message: {Id, AffectedRows}` (page create-or-update): it does not say whether the lead was new.
	const message = successMessage(response);
	return {
		leadId: message.Id ?? null,
		affectedRows: message.AffectedRows ?? null,
		searchBy: upsert.lead.searchBy ?? null,
		automationsTriggered: upsert.postUpdatedLead,
		...submittedFields(upsert.lead),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
