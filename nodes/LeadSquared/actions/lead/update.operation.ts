import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { BatchOperation } from '../../helpers/batches';
import { oneCallPerItemOption, runBatched } from '../../helpers/batches';
import { settle } from '../../helpers/perItem';
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
import { BULK_UPDATE, bulkUpdateBody, bulkUpdateVerdicts } from './bulkUpdateAnswer';

const options = {
	...leadUpdateOptions,
	options: [
		...(leadUpdateOptions.options ?? []),
		oneCallPerItemOption('Update Leads in Bulk v2 (not for items that trigger automations or clear fields)', BULK_UPDATE.size),
	],
};

export const description = showOnlyFor('lead', 'update', [
	leadLocator(['list', 'id', 'email'], 'The lead to update'),
	...leadFieldsProperties,
	options,
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

const output = (update: LeadUpdate, leadId: string, affectedRows: unknown): IDataObject => ({
	leadId,
	affectedRows: affectedRows ?? null,
	automationsTriggered: update.postUpdatedLead,
	...submittedFields(update.fields),
});

/** One Lead.Update of a lead whose ID is known. */
async function write(this: IExecuteFunctions, update: LeadUpdate, leadId: string, itemIndex: number): Promise<IDataObject> {
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
	return output(update, leadId, successMessage(response).AffectedRows);
}

async function send(this: IExecuteFunctions, update: LeadUpdate, itemIndex: number): Promise<IDataObject> {
	return await write.call(this, update, await resolveLeadId.call(this, update.lead, itemIndex), itemIndex);
}

/**
 * Many leads in one Update Leads in Bulk v2, each by its ID (looked up first when given by
 * email). Replay-safe, as the single update without automations: the bulk form runs none.
 * A lead the answer does not account for is sent alone, which answers for itself.
 */
async function sendBatch(this: IExecuteFunctions, updates: LeadUpdate[], itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const ids = await Promise.all(updates.map(async (update, row) => await settle(() => resolveLeadId.call(this, update.lead, itemIndexes[row]))));
	const results: Array<IDataObject | Error> = ids.map((id) => (id.ok ? {} : id.error));
	const rows = ids.flatMap((id, row) => (id.ok ? [row] : []));
	if (rows.length === 0) return results;
	const leadIdOf = (row: number) => (ids[row] as { value: string }).value;
	const answer = await settle(
		async () =>
			await leadSquaredRequest.call(this, {
				host: 'api',
				method: 'POST',
				endpoint: ENDPOINTS.leadBulkUpdate,
				unconfirmed: 'leadBulkUpdate',
				body: bulkUpdateBody(rows.map((row) => ({ leadId: leadIdOf(row), pairs: updates[row].fields.pairs }))),
				replaySafe: true,
				bulk: true,
				itemIndex: itemIndexes[rows[0]],
			}),
	);
	if (!answer.ok) {
		for (const row of rows) results[row] = answer.error;
		return results;
	}
	const verdicts = bulkUpdateVerdicts.call(this, answer.value, rows.map(leadIdOf), rows.map((row) => itemIndexes[row]));
	await Promise.all(
		rows.map(async (row, k) => {
			const verdict = verdicts[k];
			if (verdict === 'updated') results[row] = output(updates[row], leadIdOf(row), null);
			else if (verdict instanceof Error) results[row] = verdict;
			else {
				const alone = await settle(() => write.call(this, updates[row], leadIdOf(row), itemIndexes[row]));
				results[row] = alone.ok ? alone.value : alone.error;
			}
		}),
	);
	return results;
}

const operation: BatchOperation<LeadUpdate> = {
	prepare,
	send,
	sendBatch,
	batchSize: BULK_UPDATE.size,
	// The bulk call has no postUpdatedLead, and what it does with an empty value is not on its page.
	batchable: (update) =>
		!update.postUpdatedLead &&
		update.fields.cleared.length === 0 &&
		!update.fields.pairs.some((pair) => pair.Attribute.toLowerCase() === BULK_UPDATE.idAttribute.toLowerCase()),
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runBatched.call(this, items, operation);
}
