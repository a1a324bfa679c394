import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { ResultLimit } from '../../helpers/paging';
import { readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { dateTimeField, returnAllOrLimit } from '../crm.descriptions';
import { fetchPropertyListLeads, leadListOptions, readLeadListOptions } from './leadListOptions';

/** Leads a Leads.RecentlyModified call asks for; LeadSquared returns at most 5,000 a call. */
export const RECENTLY_MODIFIED_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	dateTimeField('From', 'fromDate', 'Leads modified at or after this time', true),
	dateTimeField('To', 'toDate', 'Leads modified at or before this time', true),
	...returnAllOrLimit,
	leadListOptions,
];

export const description = showOnlyFor('lead', 'getRecentlyModified', properties);

interface RecentlyModified extends ResultLimit {
	body: IDataObject;
}

function prepare(input: ItemInput): RecentlyModified {
	const from = input.dateTime('fromDate', 'From', { required: true });
	const to = input.dateTime('toDate', 'To', { required: true });
	if (from > to) throw input.error('From', `must not be after To (From is ${from} UTC, To ${to} UTC)`);
	return { body: { Parameter: { FromDate: from, ToDate: to }, ...readLeadListOptions(input) }, ...readResultLimit(input) };
}

async function send(this: IExecuteFunctions, recent: RecentlyModified, itemIndex: number): Promise<IDataObject[]> {
	const request = { endpoint: ENDPOINTS.leadsRecentlyModified, body: recent.body, pageSize: RECENTLY_MODIFIED_PAGE_SIZE };
	return await fetchPropertyListLeads.call(this, request, recent, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
