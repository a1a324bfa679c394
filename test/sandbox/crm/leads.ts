import { LEAD_FIELDS } from '../fixtures';
import type { Json } from './common';
import {
	compareValues,
	invalidInput,
	isObject,
	objectBody,
	optionalText,
	pageIndexPaging,
	parseLsqDate,
	reply,
	sortingOf,
	sortRows,
} from './common';
import { captureLead, checkedCaptureBehavior, createLead, createOrUpdateLead, leadNotFound, parseLeadPairs, updateLead } from './leadWrites';
import { leadDeleteAndByIdsRoutes } from './leadDeleteAndByIds';
import type { CrmRoutes } from './routeTypes';
import type { CrmLead, CrmStore } from './store';
import { canonicalLeadField, leadView } from './store';

const BASE = '/v2/LeadManagement.svc';

/** Leads.RecentlyModified returns at most this many leads a call. */
export const RECENTLY_MODIFIED_MAX = 5000;

const SQL_OPERATORS = ['=', 'LIKE', '<', '>', '<=', '>=', '<>'];

/** Columns a lead search can filter and sort on beyond the lead fields. */
const SYSTEM_COLUMNS = ['ProspectID', 'ProspectAutoId', 'CreatedOn', 'ModifiedOn', 'OwnerIdName', 'OwnerIdEmailAddress'];

const flag = (query: URLSearchParams, name: string) => (query.get(name) ?? '').toLowerCase() === 'true';

export function columnName(name: string): string | undefined {
	return canonicalLeadField(name) ?? SYSTEM_COLUMNS.find((column) => column.toLowerCase() === name.toLowerCase());
}

export function includeColumns(body: Json): string[] | undefined {
	const columns = body.Columns;
	if (columns === undefined || columns === null) return undefined;
	if (!isObject(columns)) invalidInput('Columns must be an object');
	const csv = optionalText(columns as Json, 'Include_CSV');
	if (!csv?.trim()) return undefined;
	return csv.split(',').map((name) => {
		const column = columnName(name.trim());
		if (!column) invalidInput(`Column '${name.trim()}' is not a lead field`);
		return column!;
	});
}

export const pick = (row: Record<string, unknown>, columns: string[] | undefined) =>
	columns ? Object.fromEntries(columns.map((column) => [column, row[column] ?? null])) : row;

function matches(value: unknown, operator: string, lookup: string): boolean {
	if (operator === 'LIKE') {
		const pattern = lookup.includes('%') ? lookup : `%${lookup}%`;
		const regex = new RegExp(
			`^${pattern
				.split('%')
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*')}$`,
			'i',
		);
		return regex.test(String(value ?? ''));
	}
	if (value === null || value === undefined) return operator === '<>';
	const order = compareValues(value, lookup);
	return { '=': order === 0, '<>': order !== 0, '<': order < 0, '>': order > 0, '<=': order <= 0, '>=': order >= 0 }[operator] ?? false;
}

function searchByCriteria(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const parameter = request.Parameter;
	if (!isObject(parameter)) invalidInput('Parameter is required');
	const lookupName = optionalText(parameter as Json, 'LookupName');
	const column = lookupName && columnName(lookupName);
	if (!column) invalidInput(`LookupName '${String(lookupName ?? '')}' is not a lead field`);
	const operator = String((parameter as Json).SqlOperator ?? '=')
		.trim()
		.toUpperCase();
	if (!SQL_OPERATORS.includes(operator)) invalidInput(`SqlOperator '${operator}' is not one of ${SQL_OPERATORS.join(', ')}`);
	const lookupValue = String((parameter as Json).LookupValue ?? '');
	const columns = includeColumns(request);
	const { column: sortColumn, descending } = sortingOf(request);
	const { skip, take } = pageIndexPaging(request, 100);
	const rows = store
		.leads()
		.map((lead) => leadView(store, lead))
		.filter((row) => matches(row[column!], operator, lookupValue));
	return sortRows(rows, sortColumn && columnName(sortColumn), descending)
		.slice(skip, skip + take)
		.map((row) => pick(row, columns));
}

function recentlyModified(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const parameter = isObject(request.Parameter) ? request.Parameter : invalidInput('Parameter{FromDate, ToDate} is required');
	const from = parseLsqDate((parameter as Json).FromDate);
	const to = parseLsqDate((parameter as Json).ToDate);
	if (from === undefined || to === undefined) invalidInput('FromDate and ToDate must be UTC date-times in the format YYYY-MM-DD HH:MM:SS');
	const columns = includeColumns(request);
	const { column: sortColumn, descending } = sortingOf(request);
	const { skip, take } = pageIndexPaging(request, 100, RECENTLY_MODIFIED_MAX);
	// LeadSquared filters on LastModifiedOn; the sandbox's ModifiedOn is the same instant.
	const leads = store.leads().filter((lead) => (lead.modifiedOn ?? 0) >= from! && (lead.modifiedOn ?? 0) <= to!);
	const rows = sortRows(
		leads.map((lead) => leadView(store, lead)),
		sortColumn && columnName(sortColumn),
		descending,
	);
	return {
		RecordCount: rows.length,
		Leads: rows.slice(skip, skip + take).map((row) => ({
			LeadPropertyList: Object.entries(pick(row, columns)).map(([Attribute, Value]) => ({ Attribute, Value })),
		})),
	};
}

const QUICK_SEARCH_FIELDS = ['FirstName', 'LastName', 'EmailAddress', 'Phone', 'Mobile', 'Company'];

function quickSearch(store: CrmStore, key: string): CrmLead[] {
	const needle = key.trim().toLowerCase();
	if (!needle) return [];
	return store.leads().filter((lead) => QUICK_SEARCH_FIELDS.some((field) => (lead.fields[field] ?? '').toLowerCase().includes(needle)));
}

/** A stored number's digits, with and (when written "+CC-…" or "+CC …") without its country code. */
function phoneForms(stored: string): string[] {
	const digits = stored.replace(/\D/g, '');
	const countryCode = /^\s*\+(\d{1,3})[\s-]/.exec(stored)?.[1];
	return countryCode ? [digits, digits.slice(countryCode.length)] : [digits];
}

/**
 * get-lead-by-phone: Phone and Mobile only; "you can pass the phone number with or without the
 * country-code"; several leads with the number: the one with the most recent activity.
 */
function byPhone(store: CrmStore, phone: string): CrmLead[] {
	const digits = phone.replace(/\D/g, '');
	if (!digits) return [];
	const found = store
		.leads()
		.filter((lead) => ['Phone', 'Mobile'].some((field) => phoneForms(lead.fields[field] ?? '').includes(digits)))
		.sort((a, b) => (b.modifiedOn ?? 0) - (a.modifiedOn ?? 0));
	return found.slice(0, 1);
}

export function leadRoutes(): CrmRoutes {
	const views = (store: CrmStore, leads: CrmLead[]) => leads.map((lead) => leadView(store, lead));
	return {
		[`GET ${BASE}/LeadsMetaData.Get`]: {
			handler: ({ query }) => {
				const schemaName = query.get('schemaName');
				const fields = schemaName ? LEAD_FIELDS.filter((f) => f.SchemaName.toLowerCase() === schemaName.toLowerCase()) : LEAD_FIELDS;
				return reply(fields);
			},
		},
		[`POST ${BASE}/Lead.Create`]: {
			handler: ({ store, body }) => {
				const lead = createLead(store, parseLeadPairs(body, store).fields, 'Lead.Create');
				return reply({ Status: 'Success', Message: { Id: lead.id } });
			},
		},
		[`POST ${BASE}/Lead.CreateOrUpdate`]: {
			handler: ({ store, body, query }) => {
				const { lead } = createOrUpdateLead(store, parseLeadPairs(body, store), flag(query, 'postUpdatedLead'), 'Lead.CreateOrUpdate');
				// Page create-or-update: the answer does not say whether the lead was created or updated.
				return reply({ Status: 'Success', Message: { Id: lead.id, AffectedRows: 1 } });
			},
		},
		[`POST ${BASE}/Lead.Update`]: {
			handler: ({ store, body, query }) => {
				const leadId = query.get('leadId');
				if (!leadId)
					return reply(
						{
							Status: 'Error',
							ExceptionType: 'MXMandatoryAttributeMissingException',
							ExceptionMessage: "'leadId' is mandatory for updating lead",
						},
						400,
					);
				const input = parseLeadPairs(body, store);
				const lead = store.lead(leadId) ?? leadNotFound();
				const { ProspectID: _ignored, ...fields } = input.fields;
				const affected = updateLead(store, lead, fields, flag(query, 'postUpdatedLead'), 'Lead.Update');
				return reply({ Status: 'Success', Message: { AffectedRows: affected } });
			},
		},
		[`POST ${BASE}/Lead.Capture`]: {
			handler: ({ store, body, query }) => {
				const input = parseLeadPairs(body, store);
				// Page capture-lead: LeadUpdateBehavior is a query-string parameter.
				const behavior = query.get('LeadUpdateBehavior');
				if (behavior !== null) input.captureBehavior = checkedCaptureBehavior(behavior);
				const { lead, created } = captureLead(store, input, 'Lead.Capture');
				return reply({ Status: 'Success', Message: { Id: lead.id, RelatedId: null, IsCreated: created, AffectedRows: 1 } });
			},
		},
		[`GET ${BASE}/Leads.GetById`]: {
			handler: ({ store, query }) => {
				const lead = store.lead(query.get('id'));
				return reply(lead ? views(store, [lead]) : []);
			},
		},
		[`GET ${BASE}/Leads.GetByEmailaddress`]: {
			handler: ({ store, query }) => {
				const lead = store.leadBy('EmailAddress', query.get('emailaddress') ?? undefined);
				return reply(lead ? views(store, [lead]) : []);
			},
		},
		[`GET ${BASE}/RetrieveLeadByPhoneNumber`]: {
			handler: ({ store, query }) => reply(views(store, byPhone(store, query.get('phone') ?? ''))),
		},
		[`GET ${BASE}/Leads.GetByQuickSearch`]: {
			handler: ({ store, query }) => reply(views(store, quickSearch(store, query.get('key') ?? ''))),
		},
		[`POST ${BASE}/Leads.Get`]: { handler: ({ store, body }) => reply(searchByCriteria(store, body)) },
		[`POST ${BASE}/Leads.RecentlyModified`]: { handler: ({ store, body }) => reply(recentlyModified(store, body)) },
		...leadDeleteAndByIdsRoutes(),
	};
}
