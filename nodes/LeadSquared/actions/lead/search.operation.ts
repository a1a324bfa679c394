import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { PageRequest, ResultLimit } from '../../helpers/paging';
import { fetchList, readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { returnAllOrLimit } from '../crm.descriptions';
import { leadListOptions, readLeadListOptions } from './leadListOptions';

/** Leads a Leads.Get call asks for (LeadSquared's own example; it publishes no maximum). */
export const LEAD_SEARCH_PAGE_SIZE = 100;

/** LeadSquared's SqlOperator for each choice (values like "=" would read as n8n expressions). */
const OPERATORS: Record<string, string> = {
	equals: '=',
	like: 'LIKE',
	notEqual: '<>',
	lessThan: '<',
	greaterThan: '>',
	atMost: '<=',
	atLeast: '>=',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Field Name or ID',
		name: 'lookupName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLeadColumns' },
		required: true,
		default: '',
		description:
			'The lead field to compare with the value. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Operator',
		name: 'operator',
		type: 'options',
		options: [
			{ name: 'Equals', value: 'equals' },
			{ name: 'Greater Than', value: 'greaterThan' },
			{ name: 'Greater Than or Equal', value: 'atLeast' },
			{ name: 'Less Than', value: 'lessThan' },
			{ name: 'Less Than or Equal', value: 'atMost' },
			{ name: 'Like', value: 'like', description: 'Matches a pattern; % stands for any text, e.g. %@example.com' },
			{ name: 'Not Equal', value: 'notEqual' },
		],
		default: 'equals',
	},
	{
		displayName: 'Value',
		name: 'lookupValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. priya@example.com',
		description: 'Dates as LeadSquared writes them, in UTC: 2025-01-31 14:30:00',
	},
	...returnAllOrLimit,
	leadListOptions,
];

export const description = showOnlyFor('lead', 'search', properties);

interface Search extends ResultLimit {
	body: IDataObject;
}

function prepare(input: ItemInput): Search {
	const parameter = {
		LookupName: input.text('lookupName', 'Field', { required: true, shape: 'schemaName' }),
		LookupValue: input.text('lookupValue', 'Value', { required: true }),
		SqlOperator: OPERATORS[input.text('operator', 'Operator', { required: true, oneOf: Object.keys(OPERATORS) })],
	};
	return { body: { Parameter: parameter, ...readLeadListOptions(input) }, ...readResultLimit(input) };
}

async function send(this: IExecuteFunctions, search: Search, itemIndex: number): Promise<IDataObject[]> {
	const list = {
		endpoint: ENDPOINTS.leadSearch,
		body: ({ index, size }: PageRequest) => ({ ...search.body, Paging: { PageIndex: index + 1, PageSize: size } }),
		pageSize: LEAD_SEARCH_PAGE_SIZE,
	};
	return await fetchList.call(this, list, search, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
