import { randomUUID } from 'crypto';

import type { Json } from './common';
import { fail, invalidInput, isObject, lsqDate, mandatoryMissing, objectBody, pageIndexPaging, reply, sameId } from './common';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BULK_ACCOUNT_REFUSED_ROW, BUSINESS_EXCEPTION_STATUS } from './unconfirmed';

/**
 * Accounts (companies), as LeadSquared's pages create-an-account, get-an-account and
 * update-an-account and create-or-update-accounts-in-bulk describe them, and published live probes
 * (Company.Update's body, the bulk call's answer rows).
 */
const BASE = '/v2/CompanyManagement.svc';

/** No readable page lists an account's company types: the sandbox account has the pages' two examples. */
export const SANDBOX_COMPANY_TYPES = ['Partners', 'Vendors'];

export interface Company {
	id: string;
	type: string;
	fields: Record<string, string>;
}

const companiesOf = new WeakMap<CrmStore, Company[]>();
const companies = (store: CrmStore): Company[] => {
	if (!companiesOf.has(store)) companiesOf.set(store, []);
	return companiesOf.get(store)!;
};

/** The accounts of a store, for tests that check what reached "LeadSquared". */
export const companiesIn = (store: CrmStore): ReadonlyArray<Readonly<Company>> => companies(store);

function companyType(body: Json): string {
	const type = isObject(body.CompanyType) ? (body.CompanyType as Json).CompanyTypeName : undefined;
	if (typeof type !== 'string' || !type) return mandatoryMissing('CompanyType.CompanyTypeName is mandatory');
	const known = SANDBOX_COMPANY_TYPES.find((name) => name.toLowerCase() === type.toLowerCase());
	return known ?? invalidInput(`Company type ${type} does not exist`);
}

function properties(list: unknown, where: string): Record<string, string> {
	// Probe: a bare array (no CompanyProperties) fails with MXInvalidDataTypeException "You're missing Company details".
	if (!Array.isArray(list) || list.length === 0) return fail(400, 'MXInvalidDataTypeException', "You're missing Company details");
	const fields: Record<string, string> = {};
	for (const pair of list) {
		if (!isObject(pair) || typeof pair.Attribute !== 'string' || !pair.Attribute) invalidInput(`${where}: every entry needs an Attribute`);
		const { Attribute, Value } = pair as Json;
		fields[Attribute as string] = Value === undefined || Value === null ? '' : String(Value);
	}
	return fields;
}

function create(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const type = companyType(request);
	const fields = properties(request.CompanyProperties, 'CompanyProperties');
	if (!fields.CompanyName) mandatoryMissing('CompanyName is mandatory');
	const at = lsqDate(store.now());
	const company: Company = { id: randomUUID(), type, fields: { ...fields, CreatedOn: at, ModifiedOn: at } };
	companies(store).push(company);
	return { Status: 'Success', Message: { Id: company.id } };
}

function update(store: CrmStore, body: unknown, companyId: string | null) {
	if (!companyId) mandatoryMissing('companyId is mandatory');
	const fields = properties(isObject(body) ? body.CompanyProperties : undefined, 'CompanyProperties');
	const company =
		companies(store).find((c) => sameId(c.id, companyId)) ??
		fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Company not found');
	Object.assign(company.fields, fields, { ModifiedOn: lsqDate(store.now()) });
	return { Status: 'Success', Message: { AffectedRows: 1 } };
}

function matches(company: Company, query: Json): boolean {
	const text = typeof query.SearchText === 'string' ? query.SearchText.toLowerCase() : '';
	if (text && !(company.fields.CompanyName ?? '').toLowerCase().includes(text)) return false;
	if (isObject(query.FilterBy)) {
		const { LookupName, LookupValue, SqlOperator } = query.FilterBy as Json;
		if ((SqlOperator ?? '=') !== '=') invalidInput('The sandbox filters with SqlOperator "=" only');
		const value = LookupName === 'CompanyId' ? company.id : company.fields[String(LookupName)];
		if (String(value ?? '').toLowerCase() !== String(LookupValue ?? '').toLowerCase()) return false;
	}
	return true;
}

function get(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const query = isObject(request.Query) ? (request.Query as Json) : mandatoryMissing('Query is mandatory');
	const type = companyType(query as Json);
	const found = companies(store).filter((c) => c.type === type && matches(c, query as Json));
	const { skip, take } = pageIndexPaging(request, 100);
	const columns = isObject(request.Columns) ? String((request.Columns as Json).Include_CSV ?? '') : '';
	const wanted = columns ? columns.split(',').map((c) => c.trim()) : undefined;
	return {
		RecordCount: found.length,
		Companies: found.slice(skip, skip + take).map((c) => ({
			companyPropertyList: Object.entries({ CompanyId: c.id, ...c.fields })
				.filter(([key]) => !wanted || wanted.includes(key))
				.map(([Attribute, Value]) => ({ Attribute, Value })),
		})),
	};
}

const SEARCH_BY = ['CompanyName', 'CompanyNumber', 'CompanyIdentifier'];
const STRATEGIES = ['FillMissingFields', 'OverwriteAllFields', 'IgnoreDuplicate'];
/** create-or-update-accounts-in-bulk: up to 25 records a call. */
const BULK_MAX = 25;

const bulkRow = (index: number, id: string, created: boolean, updated: boolean) => ({
	RowNumber: index + 1,
	CompanyId: id,
	CompanyCreated: created,
	CompanyUpdated: updated,
});

const sameValue = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/**
 * Why one company of a bulk call cannot be written, if it cannot: another account of the type
 * already has one of its unique fields (the page calls the SearchBy fields "unique"), or a new
 * account has no CompanyName (mandatory, page create-an-account).
 */
function refusalOf(store: CrmStore, type: string, fields: Record<string, string>, existing: Company | undefined) {
	const taken = SEARCH_BY.find(
		(name) => fields[name] && companies(store).some((c) => c !== existing && c.type === type && sameValue(c.fields[name], fields[name])),
	);
	if (taken) return { type: 'MXDuplicateEntryException', message: `An account with this ${taken} already exists` };
	if (!existing && !fields.CompanyName) return { type: 'MXMandatoryAttributeMissingException', message: 'CompanyName is mandatory' };
	return undefined;
}

/**
 * The answer's rows as a live probe read them: RowNumber (from 1), CompanyId, CompanyCreated,
 * CompanyUpdated. Each company is written as a call with that company alone would write it, in
 * the order sent; one LeadSquared refuses answers in its row (BULK_ACCOUNT_REFUSED_ROW) and does
 * not stop the others.
 */
function bulkCreateOrUpdate(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const type = companyType(request);
	const options = isObject(request.Options) ? (request.Options as Json) : mandatoryMissing('Options is mandatory');
	const searchBy = String((options as Json).SearchBy ?? '');
	if (!SEARCH_BY.includes(searchBy)) invalidInput(`SearchBy must be one of ${SEARCH_BY.join(', ')}`);
	const strategy = String((options as Json).CollisionResolutionStrategy ?? 'FillMissingFields');
	if (!STRATEGIES.includes(strategy)) invalidInput(`CollisionResolutionStrategy must be one of ${STRATEGIES.join(', ')}`);
	const rows = Array.isArray(request.Companies) ? request.Companies : mandatoryMissing('Companies is mandatory');
	if (rows.length === 0 || rows.length > BULK_MAX) invalidInput(`Companies must hold 1 to ${BULK_MAX} records`);
	const parsed = rows.map((row, i) => properties(row, `Companies[${i}]`));
	parsed.forEach((fields, i) => fields[searchBy] || mandatoryMissing(`Companies[${i}] has no ${searchBy}, the SearchBy field`));
	const at = lsqDate(store.now());
	return parsed.map((fields, i) => {
		const existing = companies(store).find((c) => c.type === type && sameValue(c.fields[searchBy], fields[searchBy]));
		if (existing && strategy === 'IgnoreDuplicate') return bulkRow(i, existing.id, false, false);
		const refused = refusalOf(store, type, fields, existing);
		if (refused) return BULK_ACCOUNT_REFUSED_ROW(i + 1, refused.type, refused.message);
		if (!existing) {
			const company: Company = { id: randomUUID(), type, fields: { ...fields, CreatedOn: at, ModifiedOn: at } };
			companies(store).push(company);
			return bulkRow(i, company.id, true, false);
		}
		for (const [name, value] of Object.entries(fields)) {
			if (strategy === 'OverwriteAllFields' || !existing.fields[name]) existing.fields[name] = value;
		}
		existing.fields.ModifiedOn = at;
		return bulkRow(i, existing.id, false, true);
	});
}

export function companyRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/Company.Create`]: { handler: ({ store, body }) => reply(create(store, body)) },
		[`POST ${BASE}/Company.Update`]: { handler: ({ store, body, query }) => reply(update(store, body, query.get('companyId'))) },
		[`POST ${BASE}/Company.Get`]: { handler: ({ store, body }) => reply(get(store, body)) },
		// The rate-limits page does not list the account bulk call among the bulk APIs.
		[`POST ${BASE}/Company/Bulk/CreateOrUpdate`]: { handler: ({ store, body }) => reply(bulkCreateOrUpdate(store, body)) },
	};
}
