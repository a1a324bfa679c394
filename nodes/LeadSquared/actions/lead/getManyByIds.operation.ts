import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemInput } from '../../helpers/itemInput';
import { fetchList } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadListOptions, readColumnNames } from './leadListOptions';

/** Page get-leads-in-bulk-by-ids: "You can retrieve a maximum of 10,000 leads." */
export const LEADS_BY_IDS_MAX = 10_000;

/** Leads one call asks for (the page's own example uses 1000). */
export const LEADS_BY_IDS_PAGE_SIZE = 1000;

/** Include_CSV is mandatory on the page; these columns are asked for when the user picks none. */
export const LEADS_BY_IDS_DEFAULT_COLUMNS = [
	'ProspectID',
	'FirstName',
	'LastName',
	'EmailAddress',
	'Phone',
	'Mobile',
	'ProspectStage',
	'OwnerIdEmailAddress',
	'CreatedOn',
	'ModifiedOn',
];

const NOT_FOUND_CHOICES = ['listThem', 'error', 'ignore'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Lead IDs',
		name: 'leadIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6f75b09d-0187-45d6-86dd-f848bd5a0aca, 3b1041fb-8374-11e7-8758-0a106ee76b21',
		description: 'Lead IDs separated by commas, or an expression giving a list of IDs',
		hint: `At most ${LEADS_BY_IDS_MAX.toLocaleString('en-US')} IDs; one call per ${LEADS_BY_IDS_PAGE_SIZE.toLocaleString('en-US')} leads`,
	},
	{
		displayName: 'When IDs Are Not Found',
		name: 'notFound',
		type: 'options',
		options: [
			{ name: 'Add One Item Listing Them', value: 'listThem', description: 'After the leads, one item: {"notFoundLeadIds": [...]}' },
			{ name: 'Stop With an Error', value: 'error' },
			{ name: 'Ignore Them', value: 'ignore' },
		],
		default: 'listThem',
	},
	leadListOptions,
];

export const description = showOnlyFor('lead', 'getManyByIds', properties);

interface ByIds {
	leadIds: string[];
	columns: string[];
	notFound: (typeof NOT_FOUND_CHOICES)[number];
}

function readLeadIds(input: ItemInput): string[] {
	const raw = input.raw('leadIds', '');
	const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
	const ids = values
		.filter((value) => !(typeof value === 'string' && value.trim() === ''))
		.map((value) => input.text('leadIds', 'Lead IDs', { shape: 'id' }, value).toLowerCase());
	const unique = [...new Set(ids)];
	if (unique.length === 0) throw input.error('Lead IDs', 'is required');
	if (unique.length > LEADS_BY_IDS_MAX) {
		throw input.error('Lead IDs', `has ${unique.length} IDs; LeadSquared returns at most ${LEADS_BY_IDS_MAX} leads a call`);
	}
	return unique;
}

function prepare(input: ItemInput): ByIds {
	const leadIds = readLeadIds(input);
	const notFound = input.text('notFound', 'When IDs Are Not Found', { oneOf: NOT_FOUND_CHOICES }) as ByIds['notFound'];
	const chosen = readColumnNames(input, input.collection('options'));
	const columns = chosen.length ? [...new Set(['ProspectID', ...chosen])] : LEADS_BY_IDS_DEFAULT_COLUMNS;
	return { leadIds, columns, notFound: notFound || 'listThem' };
}

async function send(this: IExecuteFunctions, byIds: ByIds, itemIndex: number): Promise<IDataObject[]> {
	const leads: IDataObject[] = [];
	for (let start = 0; start < byIds.leadIds.length; start += LEADS_BY_IDS_PAGE_SIZE) {
		const chunk = byIds.leadIds.slice(start, start + LEADS_BY_IDS_PAGE_SIZE);
		const list = {
			endpoint: ENDPOINTS.leadsByIds,
			body: ({ index, size }: { index: number; size: number }) => ({
				SearchParameters: { LeadIds: chunk },
				Columns: { Include_CSV: byIds.columns.join(',') },
				Paging: { PageIndex: index + 1, PageSize: size },
			}),
			listKey: 'Leads',
			pageSize: LEADS_BY_IDS_PAGE_SIZE,
		};
		leads.push(...(await fetchList.call(this, list, {}, itemIndex)));
	}
	const found = new Set(leads.map((lead) => String(lead.ProspectID ?? lead.ProspectId ?? '').toLowerCase()));
	const missing = byIds.leadIds.filter((id) => !found.has(id));
	if (!missing.length || byIds.notFound === 'ignore') return leads;
	if (byIds.notFound === 'listThem') return [...leads, { notFoundLeadIds: missing }];
	const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
	throw new ItemInput(this, itemIndex).error('Lead IDs', `has ${missing.length} IDs LeadSquared has no lead for: ${shown}`);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
