import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { ResultLimit } from '../../helpers/paging';
import { readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { returnAllOrLimit } from '../crm.descriptions';
import { fetchPropertyListLeads, leadListOptions, readLeadListOptions } from '../lead/leadListOptions';
import { listField, readListId } from './listFields';

/** Leads one call asks for (page get-leads-in-a-list-2's example; it publishes no maximum). */
export const LIST_LEADS_PAGE_SIZE = 100;

/** Page get-leads-in-a-list-2's RetrieveBehaviour; without it LeadSquared assumes 1. */
const RETRIEVE_BEHAVIOURS = ['0', '1', '2'];

const properties: INodeProperties[] = [
	listField('getLists', 'The list whose leads to get'),
	...returnAllOrLimit,
	collection('Options', [
		...(leadListOptions.options as INodeProperties[]),
		{
			displayName: 'Lead Count',
			name: 'retrieveBehaviour',
			type: 'options',
			options: [
				{ name: 'Update Count (LeadSquared’s Default)', value: '1', description: 'Counts leads not yet synced into the list' },
				{ name: 'Update and Save Count', value: '2', description: 'Counts them and saves the count in LeadSquared' },
				{ name: 'Skip Count (Faster)', value: '0', description: 'Avoids timeouts on large lists that rarely change' },
			],
			default: '1',
		},
	]),
];

export const description = showOnlyFor('list', 'getLeads', properties);

interface ListLeads extends ResultLimit {
	body: IDataObject;
}

function prepare(input: ItemInput): ListLeads {
	const behaviour = input.text('retrieveBehaviour', 'Lead Count', { oneOf: RETRIEVE_BEHAVIOURS }, input.collection('options').retrieveBehaviour ?? '1');
	return {
		body: { SearchParameters: { ListId: readListId(input), RetrieveBehaviour: behaviour }, ...readLeadListOptions(input) },
		...readResultLimit(input),
	};
}

async function send(this: IExecuteFunctions, leads: ListLeads, itemIndex: number): Promise<IDataObject[]> {
	const request = { endpoint: ENDPOINTS.listLeads, body: leads.body, pageSize: LIST_LEADS_PAGE_SIZE };
	return await fetchPropertyListLeads.call(this, request, leads, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
