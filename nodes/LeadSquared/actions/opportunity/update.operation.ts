import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchOperation } from '../../helpers/batches';
import { oneCallPerItemOption, runBatched } from '../../helpers/batches';
import type { ItemInput } from '../../helpers/itemInput';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { BULK_UPDATE_CALL, bulkOpportunityResults } from './bulkUpdateRows';
import { opportunityFieldProperties, opportunityIdField, opportunityTypeField, readOpportunityFields } from './opportunityFields';

/** Page bulk-update-opportunities: up to 25 opportunities a call. */
const BULK_SIZE = 25;

const properties: INodeProperties[] = [
	opportunityIdField,
	...opportunityFieldProperties,
	collection('Options', [
		{
			...opportunityTypeField(
				`The opportunities' type (LeadSquared's OpportunityEventCode), which ${BULK_UPDATE_CALL} takes with each opportunity: with it, many items go in bulk calls of up to ${BULK_SIZE}; without it, one call each`,
			),
			displayName: 'Opportunity Type Name or ID (for Bulk Update)',
			required: false,
		},
		oneCallPerItemOption(`${BULK_UPDATE_CALL} (only items with an Opportunity Type and no Note or Opportunity Date)`, BULK_SIZE, false),
	]),
];

export const description = showOnlyFor('opportunity', 'update', properties);

interface Update {
	/** The single call's body: ProspectOpportunityId, OpportunityNote, OpportunityDateTime, Fields. */
	body: IDataObject;
	/** The type code the bulk call takes with each opportunity, if the user gave it. */
	type?: number;
}

function prepare(input: ItemInput): Update {
	const id = input.text('opportunityId', 'Opportunity ID', { required: true }).trim();
	const changes = readOpportunityFields(input);
	if (Object.keys(changes).length === 0)
		throw input.error('Opportunity Fields', 'are empty, and so are Note and Opportunity Date: there is nothing to update');
	const type = input.wholeNumber('opportunityType', 'Opportunity Type (for Bulk Update)', { min: 1 }, input.collection('options').opportunityType);
	return { body: { ProspectOpportunityId: id, ...changes }, type };
}

const output = ({ body }: Update): IDataObject => {
	const { ProspectOpportunityId, ...submitted } = body;
	return { opportunityId: ProspectOpportunityId, updated: true, submitted };
};

async function send(this: IExecuteFunctions, update: Update, itemIndex: number): Promise<IDataObject> {
	await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.opportunityUpdate,
		body: update.body,
		// LeadSquared fires "opportunity updated" webhooks for every update: a repeat would fire them twice.
		replaySafe: false,
		itemIndex,
	});
	return output(update);
}

/**
 * Many opportunities in one Bulk/Update/ByOpportunityId (page bulk-update-opportunities). Sent
 * again after a lost answer: an update sent twice leaves each opportunity as the first one did,
 * and the alternative, error items for up to 25 opportunities whose update may or may not have
 * happened, would have the user send them again anyway (the webhooks may then fire twice either way).
 */
async function sendBatch(this: IExecuteFunctions, updates: Update[], itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.opportunityBulkUpdate,
		body: updates.map(({ body, type }) => ({ ProspectOpportunityId: body.ProspectOpportunityId, OpportunityEventCode: type, Fields: body.Fields })) as unknown as IDataObject[],
		replaySafe: true,
		itemIndex: itemIndexes[0],
	});
	return bulkOpportunityResults.call(this, response, itemIndexes, (position) => output(updates[position]));
}

const operation: BatchOperation<Update> = {
	prepare,
	send,
	sendBatch,
	batchSize: BULK_SIZE,
	// Not among the rate-limits page's bulk APIs: paced by the ordinary limit.
	underBulkLimit: false,
	// The page's body has the type and Fields only: a note or date goes in the single call.
	batchable: ({ body, type }) => type !== undefined && body.Fields !== undefined && body.OpportunityNote === undefined && body.OpportunityDateTime === undefined,
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runBatched.call(this, items, operation);
}
