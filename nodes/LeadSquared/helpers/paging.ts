import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { leadSquaredRequest } from '../transport';
import type { ItemInput } from './itemInput';

/** Return All, or at most `limit` results. */
export interface ResultLimit {
	limit?: number;
}

export function readResultLimit(input: ItemInput): ResultLimit {
	if (input.raw('returnAll', false) === true) return {};
	return { limit: input.wholeNumber('limit', 'Limit', { required: true, min: 1 }) };
}

/** One page to ask LeadSquared for: its number (from 0) and size, the same for every page. */
export interface PageRequest {
	index: number;
	size: number;
}

export interface Page {
	rows: IDataObject[];
	/** How many rows match in all, when LeadSquared says (RecordCount). */
	total?: number;
}

/**
 * Asks for pages until the limit is reached, a page comes back short, or the total is
 * reached. A page that repeats the one before ends it too: the API then ignored the paging,
 * and asking on would never end.
 */
export async function collectPages(
	fetchPage: (page: PageRequest) => Promise<Page>,
	pageSize: number,
	{ limit }: ResultLimit,
): Promise<IDataObject[]> {
	const size = limit === undefined ? pageSize : Math.min(pageSize, limit);
	const rows: IDataObject[] = [];
	let previousFirst: string | undefined;
	for (let index = 0; ; index++) {
		const page = await fetchPage({ index, size });
		const first = page.rows.length ? JSON.stringify(page.rows[0]) : undefined;
		if (first !== undefined && first === previousFirst) break;
		previousFirst = first;
		rows.push(...page.rows);
		const done = page.rows.length < size || (page.total !== undefined && rows.length >= page.total);
		if (done || (limit !== undefined && rows.length >= limit)) break;
	}
	return limit === undefined ? rows : rows.slice(0, limit);
}

/** LeadSquared's `{RecordCount, <listKey>: [...]}` answer as a page; without a key, the answer is the list itself. */
function pageOf(response: unknown, listKey?: string): Page {
	if (!listKey) return { rows: Array.isArray(response) ? (response as IDataObject[]) : [] };
	const body = (response ?? {}) as IDataObject;
	const rows = Array.isArray(body[listKey]) ? (body[listKey] as IDataObject[]) : [];
	return { rows, total: typeof body.RecordCount === 'number' ? body.RecordCount : undefined };
}

/** One of LeadSquared's paged list APIs (POST, as all of them are): a read, so safe to send again. */
export interface ListRequest {
	endpoint: string;
	qs?: IDataObject;
	/** The body asking for one page, in the API's own paging terms. */
	body: (page: PageRequest) => IDataObject;
	listKey?: string;
	pageSize: number;
}

/** Every row of a list, or up to the limit, page by page. */
export async function fetchList(
	this: IExecuteFunctions,
	list: ListRequest,
	limit: ResultLimit,
	itemIndex: number,
): Promise<IDataObject[]> {
	const fetchPage = async (page: PageRequest) =>
		pageOf(
			await leadSquaredRequest.call(this, {
				host: 'api',
				method: 'POST',
				endpoint: list.endpoint,
				qs: list.qs,
				body: list.body(page),
				replaySafe: true,
				itemIndex,
			}),
			list.listKey,
		);
	return await collectPages(fetchPage, list.pageSize, limit);
}
