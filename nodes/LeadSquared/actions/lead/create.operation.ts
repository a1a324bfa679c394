import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation } from '../../helpers/batches';
import { oneCallPerItemOption, runBatched } from '../../helpers/batches';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import type { LeadCapture } from './leadFields';
import { leadFieldsProperties, readLeadFields } from './leadFields';
import { successMessage } from '../../helpers/answers';
import { submittedFields } from './leadWriteOutput';
import { bulkLeadResults } from './bulkLeadRows';
import { createRecovering, FOUND_AFTER_LOST_ANSWER } from './lostBulkCreate';

/** Page create-leads-in-bulk: "up to 50 leads in a single API call". */
const BULK_SIZE = 50;

const options = collection('Options', [
	oneCallPerItemOption('Create Leads in Bulk (every item can go in it; after a lost answer the node looks the leads up by email or phone and sends again only those not found)', BULK_SIZE),
]);

export const description = showOnlyFor('lead', 'create', [...leadFieldsProperties, options]);

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

/** Many leads in Lead/Bulk/Create: not replay-safe, so a lost answer is settled lead by lead (lostBulkCreate.ts). */
async function sendBatch(this: IExecuteFunctions, leads: LeadCapture[], itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const create = async (rows: number[]) => {
		const response = await leadSquaredRequest.call(this, {
			host: 'api',
			method: 'POST',
			endpoint: ENDPOINTS.leadBulkCreate,
			body: rows.map((row) => leads[row].pairs) as unknown as IDataObject[],
			replaySafe: false,
			bulk: true,
			itemIndex: itemIndexes[rows[0]],
		});
		return bulkLeadResults.call(this, response, rows.map((row) => itemIndexes[row]), 'Create Leads in Bulk');
	};
	const results = await createRecovering.call(this, leads, itemIndexes, create);
	// The bulk row's LeadCreated/LeadUpdated say nothing a create does not: its output is the single call's.
	return results.map((result, row) =>
		result instanceof Error
			? result
			: { leadId: result.leadId, ...(result[FOUND_AFTER_LOST_ANSWER] ? { [FOUND_AFTER_LOST_ANSWER]: true } : {}), ...submittedFields(leads[row]) },
	);
}

const operation: BatchOperation<LeadCapture> = {
	prepare: (input) => readLeadFields(input, { searchBy: false }),
	send,
	sendBatch,
	batchSize: BULK_SIZE,
	// Lead.Create takes nothing but the lead's fields, which the bulk form takes too.
	batchable: () => true,
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runBatched.call(this, items, operation);
}
