import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { ResultLimit } from '../../helpers/paging';
import { fetchList, readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { returnAllOrLimit } from '../crm.descriptions';
import { accountTypeField, flattenAccount, readAccountType } from './accountFields';

/** get-an-account's example pages by 100. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	accountTypeField,
	...returnAllOrLimit,
	collection('Filters', [
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			default: '',
			placeholder: 'e.g. Acme',
			description: 'Part of the account’s name',
		},
		{
			displayName: 'Field Name',
			name: 'fieldName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Stage',
			description: 'Only accounts whose field (schema name) equals Field Value',
		},
		{
			displayName: 'Field Value',
			name: 'fieldValue',
			type: 'string',
			default: '',
			placeholder: 'e.g. Prospect',
		},
	]),
];

export const description = showOnlyFor('account', 'getAll', properties);

interface AccountSearch extends ResultLimit {
	query: IDataObject;
}

/** Company.Get's `Query` (type, SearchText, FilterBy), as the page and a live probe show it. */
export function accountQuery(type: string, searchText: string, filter?: { name: string; value: string }): IDataObject {
	return {
		CompanyType: { CompanyTypeName: type },
		...(searchText ? { SearchText: searchText } : {}),
		...(filter ? { FilterBy: { LookupName: filter.name, LookupValue: filter.value, SqlOperator: '=' } } : {}),
	};
}

function prepare(input: ItemInput): AccountSearch {
	const filters = input.collection('filters');
	const searchText = input.text('searchText', 'Search Text', {}, filters.searchText).trim();
	const name = input.text('fieldName', 'Field Name', { shape: 'schemaName' }, filters.fieldName).trim();
	const value = input.text('fieldValue', 'Field Value', {}, filters.fieldValue);
	if (!name && value) throw input.error('Field Value', 'is set but Field Name is empty: name the field to filter on');
	const filter = name ? { name, value } : undefined;
	return { query: accountQuery(readAccountType(input), searchText, filter), ...readResultLimit(input) };
}

async function send(this: IExecuteFunctions, search: AccountSearch, itemIndex: number): Promise<IDataObject[]> {
	const rows = await fetchList.call(
		this,
		{
			endpoint: ENDPOINTS.accountGet,
			body: (page) => ({ Query: search.query, Paging: { PageIndex: page.index + 1, PageSize: page.size } }),
			listKey: 'Companies',
			pageSize: PAGE_SIZE,
		},
		search,
		itemIndex,
	);
	return rows.map(flattenAccount);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
