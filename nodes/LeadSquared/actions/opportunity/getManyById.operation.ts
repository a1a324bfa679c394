import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { idListField, readIdList } from '../idList';
import { opportunityTypeField } from './opportunityFields';

/** Page get-opportunities-in-bulk-by-ids: "You can retrieve a maximum of 2,000 opportunities". */
export const OPPORTUNITIES_BY_ID_MAX = 2000;

export const description = showOnlyFor('opportunity', 'getManyById', [
	opportunityTypeField('The type of the opportunities (LeadSquared needs it)'),
	idListField('Opportunity IDs', 'opportunityIds', OPPORTUNITIES_BY_ID_MAX, 'opportunities to get'),
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'string',
		required: true,
		default: 'Status,Owner,CreatedOn,ModifiedOn',
		description: 'The fields to get, by schema name, separated by commas (LeadSquared needs at least one)',
		hint: 'ProspectId, EmailAddress and ProspectActivityId (the opportunity ID) always come back',
	},
]);

interface OpportunitiesById {
	code: number;
	ids: string[];
	columns: string[];
}

function prepare(input: ItemInput): OpportunitiesById {
	const columns = input
		.text('columns', 'Columns', { required: true })
		.split(',')
		.map((column) => column.trim())
		.filter(Boolean)
		.map((column) => input.text('columns', 'Columns', { shape: 'schemaName' }, column));
	if (columns.length === 0) throw input.error('Columns', 'is required (give at least one schema name)');
	return {
		code: input.wholeNumber('opportunityType', 'Opportunity Type', { required: true, min: 1 })!,
		ids: readIdList(input, 'opportunityIds', 'Opportunity IDs', OPPORTUNITIES_BY_ID_MAX),
		columns,
	};
}

async function send(this: IExecuteFunctions, request: OpportunitiesById, itemIndex: number): Promise<IDataObject[]> {
	const answer = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.opportunitiesById,
		body: {
			SearchParameters: [
				{ EventCode: String(request.code), ProspectActivityId: request.ids, Columns: { Include_CSV: request.columns.join(',') } },
			],
		},
		replaySafe: true,
		itemIndex,
	});
	const groups = Array.isArray(answer) ? (answer as IDataObject[]) : [];
	return groups.flatMap((group) =>
		(Array.isArray(group.Opportunities) ? (group.Opportunities as IDataObject[]) : []).map((row) => ({
			opportunityId: row.ProspectActivityId ?? null,
			...row,
		})),
	);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
