import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { BatchOperation } from '../../helpers/batches';
import { oneCallPerItemOption, runBatched } from '../../helpers/batches';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { LeadCapture } from './leadFields';
import { findLeadByField, leadFieldsProperties, readLeadFields } from './leadFields';
import { successMessage } from '../../helpers/answers';
import { submittedFields } from './leadWriteOutput';
import { bulkLeadResults } from './bulkLeadRows';
import { leadUpdateOptions, readPostUpdatedLead } from './postUpdatedLead';

/** Page bulk-create-or-update: up to 25 leads a call. */
const BULK_SIZE = 25;

const options = {
	...leadUpdateOptions,
	options: [...(leadUpdateOptions.options ?? []), oneCallPerItemOption('Create or Update Leads in Bulk (not for items that trigger automations or clear fields)', BULK_SIZE)],
};

export const description = showOnlyFor('lead', 'upsert', [...leadFieldsProperties, findLeadByField, options]);

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

const output = (upsert: Upsert, answer: IDataObject): IDataObject => ({
	...answer,
	searchBy: upsert.lead.searchBy ?? null,
	automationsTriggered: upsert.postUpdatedLead,
	...submittedFields(upsert.lead),
});

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
	return output(upsert, { leadId: message.Id ?? null, affectedRows: message.AffectedRows ?? null });
}

/** Many leads in one Lead/Bulk/CreateOrUpdate: replay-safe as the single call, since the bulk form runs no automations. */
async function sendBatch(this: IExecuteFunctions, upserts: Upsert[], itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.leadBulkCreateOrUpdate,
		body: upserts.map((upsert) => upsert.lead.pairs) as unknown as IDataObject[],
		replaySafe: true,
		bulk: true,
		itemIndex: itemIndexes[0],
	});
	return bulkLeadResults.call(this, response, itemIndexes, 'Create or Update Leads in Bulk').map((result, row) =>
		result instanceof Error ? result : output(upserts[row], result),
	);
}

const operation: BatchOperation<Upsert> = {
	prepare,
	send,
	sendBatch,
	batchSize: BULK_SIZE,
	// The bulk call has no postUpdatedLead, and what it does with an empty value is not on its page.
	batchable: (upsert) => !upsert.postUpdatedLead && upsert.lead.cleared.length === 0,
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runBatched.call(this, items, operation);
}
