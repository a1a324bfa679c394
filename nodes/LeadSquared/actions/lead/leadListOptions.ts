import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flatLead } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import type { PageRequest, ResultLimit } from '../../helpers/paging';
import { fetchList } from '../../helpers/paging';
import { collection } from '../common.descriptions';

/** Which fields to return and how to sort: the same for Search and Get Recently Modified. */
export const leadListOptions: INodeProperties = collection('Options', [
	{
		displayName: 'Field Names or IDs',
		name: 'columns',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLeadFields' },
		default: [],
		description:
			'The lead fields to return; all when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'All fields when none is chosen',
	},
	{
		displayName: 'Sort By Name or ID',
		name: 'sortBy',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLeadColumns' },
		default: '',
		description:
			'The field to sort the leads by. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		options: [
			{ name: 'Ascending', value: '0' },
			{ name: 'Descending', value: '1' },
		],
		default: '1',
	},
]);

/** The schema names chosen in the Options' Fields. */
export function readColumnNames(input: ItemInput, options: IDataObject): string[] {
	const columns = Array.isArray(options.columns) ? options.columns : options.columns ? [options.columns] : [];
	return columns.map((column) => input.text('columns', 'Fields', { shape: 'schemaName' }, column));
}

/** `Columns` and `Sorting` of LeadSquared's lead list APIs, from the Options. */
export function readLeadListOptions(input: ItemInput): IDataObject {
	const options = input.collection('options');
	const names = readColumnNames(input, options);
	const sortBy = input.text('sortBy', 'Sort By', { shape: 'schemaName' }, options.sortBy);
	const direction = input.text('sortOrder', 'Sort Order', { oneOf: ['0', '1'] }, options.sortOrder ?? '1');
	return {
		...(names.length ? { Columns: { Include_CSV: names.join(',') } } : {}),
		...(sortBy ? { Sorting: { ColumnName: sortBy, Direction: direction } } : {}),
	};
}

/** The leads of an API answering `{RecordCount, Leads: [{LeadPropertyList}]}`, page by page, each flat. */
export async function fetchPropertyListLeads(
	this: IExecuteFunctions,
	request: { endpoint: string; body: IDataObject; pageSize: number },
	limit: ResultLimit,
	itemIndex: number,
): Promise<IDataObject[]> {
	const list = {
		endpoint: request.endpoint,
		body: ({ index, size }: PageRequest) => ({ ...request.body, Paging: { PageIndex: index + 1, PageSize: size } }),
		listKey: 'Leads',
		pageSize: request.pageSize,
	};
	return (await fetchList.call(this, list, limit, itemIndex)).map(flatLead);
}
