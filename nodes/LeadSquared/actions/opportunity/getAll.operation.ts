import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
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
				'Only opportunities of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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

async function send(this: IExecuteFunctions, opportunities: OpportunityList, itemIndex: number): Promise<IDataObject[]> {
	const leadId = await resolveLeadId.call(this, opportunities.lead, itemIndex);
	const { opportunityType } = opportunities;
	const list = {
		endpoint: ENDPOINTS.opportunitiesOfLead,
		qs: { leadId, ...(opportunityType === undefined ? {} : { opportunityType }) },
		body: ({ index, size }: PageRequest) => ({ Paging: { PageIndex: index + 1, PageSize: size } }),
		listKey: 'List',
		pageSize: OPPORTUNITIES_PAGE_SIZE,
	};
	return await fetchList.call(this, list, opportunities, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
