import { randomUUID } from 'crypto';

import type { Json } from './common';
import { fail, invalidInput, isObject, mandatoryMissing, objectBody, optionalText, pageIndexPaging, reply, requiredText, sameId, sortingOf, sortRows } from './common';
import { leadNotFound } from './leadWrites';
import { columnName, includeColumns, pick } from './leads';
import type { CrmRoutes } from './routeTypes';
import type { CrmLead, CrmStore } from './store';
import { leadView } from './store';
import { LIST_SKIPS_UNKNOWN_LEADS, LISTS_PAGE_SIZE, NOT_A_STATIC_LIST, SYSTEM_LISTS, UNKNOWN_LIST } from './unconfirmed';

/** A LeadSquared list: a static one keeps its members; the dynamic "All Leads" holds every lead. */
interface LeadList {
	id: string;
	name: string;
	description: string;
	type: 'static' | 'dynamic';
	memberIds: string[];
}

/** Page retrieve-all-lists: ListType 0 static, 1 dynamic, 2 refreshable. */
const LIST_TYPE_CODES: Record<string, LeadList['type'] | 'refreshable'> = { '0': 'static', '1': 'dynamic', '2': 'refreshable' };

const listsOf = new WeakMap<CrmStore, LeadList[]>();

function lists(store: CrmStore): LeadList[] {
	let found = listsOf.get(store);
	if (!found) {
		found = SYSTEM_LISTS.map(({ name, description, type }) => ({ id: randomUUID(), name, description, type, memberIds: [] }));
		listsOf.set(store, found);
	}
	return found;
}

function listById(store: CrmStore, id: unknown): LeadList {
	if (typeof id !== 'string' || !id.trim()) return mandatoryMissing("'ListId' is mandatory");
	return lists(store).find((list) => sameId(list.id, id)) ?? fail(UNKNOWN_LIST.status, UNKNOWN_LIST.type, UNKNOWN_LIST.message);
}

function staticList(store: CrmStore, id: unknown): LeadList {
	const list = listById(store, id);
	if (list.type !== 'static') fail(NOT_A_STATIC_LIST.status, NOT_A_STATIC_LIST.type, NOT_A_STATIC_LIST.message);
	return list;
}

function members(store: CrmStore, list: LeadList): CrmLead[] {
	if (list.type === 'dynamic') return store.leads();
	return list.memberIds.map((id) => store.lead(id)).filter((lead): lead is CrmLead => lead !== undefined);
}

const listRow = (store: CrmStore, list: LeadList) => ({
	ListId: list.id,
	ListName: list.name,
	ListDescription: list.description,
	ListType: list.type,
	MemberCount: members(store, list).length,
});

/** Lists.Get (page retrieve-all-lists): optional PageIndex (a positive integer), ListType, SearchText on the name. */
function allLists(store: CrmStore, query: URLSearchParams) {
	const pageText = query.get('PageIndex');
	const page = pageText === null || pageText === '' ? 1 : Number(pageText);
	if (!Number.isInteger(page) || page < 1) invalidInput('PageIndex must be a positive integer');
	const typeCode = query.get('ListType');
	if (typeCode !== null && typeCode !== '' && !(typeCode in LIST_TYPE_CODES)) invalidInput('ListType must be 0, 1 or 2');
	const type = typeCode ? LIST_TYPE_CODES[typeCode] : undefined;
	const search = (query.get('SearchText') ?? '').trim().toLowerCase();
	const found = lists(store).filter((list) => (!type || list.type === type) && list.name.toLowerCase().includes(search));
	return found.slice((page - 1) * LISTS_PAGE_SIZE, page * LISTS_PAGE_SIZE).map((list) => listRow(store, list));
}

/** CreateEmptyList (page create-empty-static-list): Name, Description; answers the new list's Id. */
function createEmptyList(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const list: LeadList = {
		id: randomUUID(),
		name: requiredText(request, 'Name', undefined, "'Name' is mandatory"),
		description: optionalText(request, 'Description') ?? '',
		type: 'static',
		memberIds: [],
	};
	lists(store).push(list);
	return { Status: 'Success', Message: { Id: list.id } };
}

/** AddLeadsToStaticList (page add-leads-to-a-static-list): `listId`, `leadIds`; "Duplicate leads won't get added." */
function addLeads(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const list = staticList(store, request.listId);
	const leadIds = request.leadIds;
	if (!Array.isArray(leadIds) || leadIds.length === 0) mandatoryMissing("'leadIds' is mandatory");
	let added = 0;
	for (const id of leadIds as unknown[]) {
		const lead = store.lead(typeof id === 'string' ? id : undefined);
		if (!lead) {
			if (LIST_SKIPS_UNKNOWN_LEADS) continue;
			leadNotFound();
		}
		if (list.memberIds.some((member) => sameId(member, lead!.id))) continue;
		list.memberIds.push(lead!.id);
		added++;
	}
	return { Status: 'Success', Message: { Message: `Successfully added ${added} lead(s) to list` } };
}

/** RemoveLeadFromStaticList (page remove-lead-from-static-list): `ListId`, `LeadID` in the URL. */
function removeLead(store: CrmStore, query: URLSearchParams) {
	const list = staticList(store, query.get('ListId'));
	const leadId = query.get('LeadID');
	if (!leadId) mandatoryMissing("'LeadID' is mandatory");
	list.memberIds = list.memberIds.filter((member) => !sameId(member, leadId));
	return { Status: 'Success', Message: { Message: 'Successfully removed lead from list' } };
}

/**
 * Leads/Retrieve/BySearchParameter (page get-leads-in-a-list-2): SearchParameters{ListId,
 * RetrieveBehaviour 0/1/2}, Columns, Sorting, Paging; each lead as `LeadPropertyList` pairs.
 */
function leadsInList(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const search = isObject(request.SearchParameters) ? (request.SearchParameters as Json) : mandatoryMissing("'SearchParameters' is mandatory");
	const behaviour = search.RetrieveBehaviour;
	if (behaviour !== undefined && behaviour !== null && !['0', '1', '2'].includes(String(behaviour)))
		invalidInput('RetrieveBehaviour must be 0, 1 or 2');
	const list = listById(store, search.ListId);
	const columns = includeColumns(request);
	const { column, descending } = sortingOf(request);
	const { skip, take } = pageIndexPaging(request, 100);
	const rows = sortRows(
		members(store, list).map((lead) => leadView(store, lead)),
		column && columnName(column),
		descending,
	);
	return {
		RecordCount: rows.length,
		Leads: rows.slice(skip, skip + take).map((row) => ({
			LeadPropertyList: Object.entries(pick(row, columns)).map(([Attribute, Value]) => ({ Attribute, Value, Fields: null })),
		})),
	};
}

export function listRoutes(): CrmRoutes {
	return {
		'GET /v2/LeadManagement.svc/Lists.Get': { handler: ({ store, query }) => reply(allLists(store, query)) },
		'POST /v2/LeadSegmentation.svc/CreateEmptyList': { handler: ({ store, body }) => reply(createEmptyList(store, body)) },
		'POST /v2/LeadSegmentation.svc/AddLeadsToStaticList': { handler: ({ store, body }) => reply(addLeads(store, body)) },
		'GET /v2/LeadSegmentation.svc/RemoveLeadFromStaticList': { handler: ({ store, query }) => reply(removeLead(store, query)) },
		'POST /v2/LeadManagement.svc/Leads/Retrieve/BySearchParameter': { handler: ({ store, body }) => reply(leadsInList(store, body)) },
	};
}

/** The IDs of a list's members, for tests. */
export const listMemberIds = (store: CrmStore, listId: string): string[] => members(store, listById(store, listId)).map((lead) => lead.id);
