import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { opportunityTypesOf } from '../../helpers/typeLists';
import type { PageRequest, ResultLimit } from '../../helpers/paging';
import { fetchList, readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { leadLocator, returnAllOrLimit } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';

/** Opportunities a GetOpportunitiesOfLead call asks for (LeadSquared's own example). */
export const OPPORTUNITIES_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	leadLocator(['list', 'id', 'email'], 'The lead whose opportunities to get'),
	...returnAllOrLimit,
	collection('Filters', [
		{
			displayName: 'Opportunity Type Name or ID',
			name: 'opportunityType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOpportunityTypes' },
			default: '',
			description:
				'Only opportunities of this type; all types when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			hint: 'LeadSquared lists one type per call: without a type the node asks for each of the account’s types in turn',
		},
	]),
];

export const description = showOnlyFor('opportunity', 'getAll', properties);

interface OpportunityList extends ResultLimit {
	lead: LeadReference;
	opportunityType?: number;
}

function prepare(input: ItemInput): OpportunityList {
	return {
		lead: readLeadReference(input),
		opportunityType: input.wholeNumber(
			'opportunityType',
			'Opportunity Type',
			{ min: 1 },
			input.collection('filters').opportunityType,
		),
		...readResultLimit(input),
	};
}

/**
 * GetOpportunitiesOfLead needs `opportunityType` (its page calls it optional; live probes found
 * it required), so "all types" is one list per type of the account. Its rows are the
 * opportunity's properties, flat (`mx_Custom_1`, `Status`, `Owner`…): only
 * GetOpportunityDetails has `Fields[]`. Each row also gets the type the node asked for.
 */
async function send(this: IExecuteFunctions, opportunities: OpportunityList, itemIndex: number): Promise<IDataObject[]> {
	const leadId = await resolveLeadId.call(this, opportunities.lead, itemIndex);
	const types =
		opportunities.opportunityType === undefined
			? (await opportunityTypesOf.call(this)).map((type) => type.code)
			: [opportunities.opportunityType];
	const rows: IDataObject[] = [];
	for (const opportunityType of types) {
		const { limit } = opportunities;
		if (limit !== undefined && rows.length >= limit) break;
		const list = {
			endpoint: ENDPOINTS.opportunitiesOfLead,
			qs: { leadId, opportunityType },
			body: ({ index, size }: PageRequest) => ({ Paging: { PageIndex: index + 1, PageSize: size } }),
			listKey: 'List',
			pageSize: OPPORTUNITIES_PAGE_SIZE,
		};
		const page = await fetchList.call(this, list, { limit: limit === undefined ? undefined : limit - rows.length }, itemIndex);
		rows.push(...page.map((row) => ({ ...row, opportunityType })));
	}
	return rows;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
