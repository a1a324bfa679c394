import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';

/** Lists.Get pages by PageIndex without publishing its page size: ask until a page is empty or repeats, at most this many. */
const MAX_LIST_PAGES = 20;

/** Page retrieve-all-lists: ListType 0 is a static list. */
const STATIC_LIST_TYPE = '0';

async function accountLists(this: ILoadOptionsFunctions, listType?: string): Promise<IDataObject[]> {
	const lists: IDataObject[] = [];
	let previousFirst: unknown;
	for (let page = 1; page <= MAX_LIST_PAGES; page++) {
		const answer = await leadSquaredRequest.call(this, {
			host: 'api',
			method: 'GET',
			endpoint: ENDPOINTS.lists,
			qs: { PageIndex: page, ...(listType ? { ListType: listType } : {}) },
			replaySafe: true,
		});
		const rows = Array.isArray(answer) ? (answer as IDataObject[]).filter((row) => typeof row.ListId === 'string') : [];
		if (rows.length === 0 || rows[0].ListId === previousFirst) break;
		previousFirst = rows[0].ListId;
		lists.push(...rows);
	}
	return lists;
}

const asOption = (list: IDataObject): INodePropertyOptions => ({
	name: String(list.ListName ?? list.ListId),
	value: String(list.ListId),
	description: [list.ListType, typeof list.MemberCount === 'number' ? `${list.MemberCount} leads` : undefined, list.ListDescription]
		.filter(Boolean)
		.join(' · '),
});

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The account's static lists, the ones leads can be added to and removed from. */
export async function getStaticLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await accountLists.call(this, STATIC_LIST_TYPE)).map(asOption).sort(byName);
}

/** Every list of the account (static, dynamic, refreshable). */
export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await accountLists.call(this)).map(asOption).sort(byName);
}
