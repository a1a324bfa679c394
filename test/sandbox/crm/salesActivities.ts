import { randomUUID } from 'crypto';

import type { Json } from './common';
import { fail, invalidInput, isObject, lsqDate, mandatoryMissing, objectBody, optionalDate, optionalText, rejectUnknownKeys, reply, requiredText, sameId } from './common';
import { leadNotFound } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BUSINESS_EXCEPTION_STATUS, SALES_ACTIVITY_NOT_FOUND, UNKNOWN_PRODUCT } from './unconfirmed';

const BASE = '/v2/SalesActivity.svc';

/** The sandbox account's products (My Profile > Settings > Customization > Manage Products). */
export const SANDBOX_PRODUCTS = [
	{ id: '3439951a-0e8c-11e5-981b-22000a9700b4', sku: 'PLAN-STARTER', name: 'Starter Plan' },
	{ id: '3439951a-0e8c-11e5-981b-22000a9700b5', sku: 'PLAN-GROWTH', name: 'Growth Plan' },
];

/** Page post-or-add-a-sales-activity-to-a-lead: "Accepted values are Open, Won and Lost". */
const STATUSES = ['Open', 'Won', 'Lost'];

export interface SalesActivity {
	id: string;
	leadId: string;
	productId: string;
	status: string;
	revenue: number;
	ownerId: string;
	salesDate: number;
}

const salesActivitiesOf = new WeakMap<CrmStore, SalesActivity[]>();

export function salesActivities(store: CrmStore): SalesActivity[] {
	let list = salesActivitiesOf.get(store);
	if (!list) salesActivitiesOf.set(store, (list = []));
	return list;
}

const UPDATE_KEYS = ['Id', 'ProspectId', 'ProductSku', 'Revenue', 'SalesOwnerEmail', 'SalesOwner', 'SalesDate'];

/** The fields Create and Update share (Update's page lists no Status); each is checked when sent. */
function readSale(store: CrmStore, request: Json): Partial<SalesActivity> {
	const sale: Partial<SalesActivity> = {};
	const leadId = optionalText(request, 'ProspectId');
	if (leadId !== undefined) sale.leadId = (store.lead(leadId) ?? leadNotFound()).id;
	const sku = optionalText(request, 'ProductSku');
	if (sku !== undefined) {
		const product = SANDBOX_PRODUCTS.find((p) => p.sku.toLowerCase() === sku.trim().toLowerCase());
		if (!product) fail(400, UNKNOWN_PRODUCT(sku).type, UNKNOWN_PRODUCT(sku).message);
		sale.productId = product!.id;
	}
	const revenue = request.Revenue;
	if (revenue !== undefined && revenue !== null && revenue !== '') {
		const number = typeof revenue === 'number' ? revenue : typeof revenue === 'string' ? Number(revenue) : NaN;
		if (!Number.isFinite(number)) invalidInput('Revenue must be a number');
		sale.revenue = number;
	}
	const owner = optionalText(request, 'SalesOwnerEmail') ?? optionalText(request, 'SalesOwner');
	if (owner !== undefined) {
		const user = store.user(owner);
		if (!user) invalidInput(`Sales owner '${owner}' is not a user of this account`);
		sale.ownerId = user!.ID;
	}
	const at = optionalDate(request, 'SalesDate');
	if (at !== undefined) sale.salesDate = at;
	return sale;
}

function create(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, [...UPDATE_KEYS.slice(1), 'Status']);
	const status = requiredText(request, 'Status', undefined, "'Status' is mandatory");
	if (!STATUSES.includes(status)) invalidInput(`Status must be one of ${STATUSES.join(', ')}`);
	const sale = readSale(store, request);
	if (!sale.leadId) mandatoryMissing("'ProspectId' is mandatory");
	if (!sale.productId) mandatoryMissing("'ProductSku' is mandatory");
	const activity: SalesActivity = {
		id: randomUUID(),
		leadId: sale.leadId!,
		productId: sale.productId!,
		status,
		revenue: sale.revenue ?? 0,
		ownerId: sale.ownerId ?? store.keyOwner.ID,
		salesDate: sale.salesDate ?? store.now(),
	};
	salesActivities(store).push(activity);
	return { Status: 'Success', Message: { Id: activity.id } };
}

function find(store: CrmStore, id: string | null): SalesActivity {
	const found = salesActivities(store).find((a) => sameId(a.id, id));
	if (!found) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', SALES_ACTIVITY_NOT_FOUND);
	return found!;
}

function update(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, UPDATE_KEYS);
	const activity = find(store, requiredText(request, 'Id'));
	Object.assign(activity, readSale(store, request));
	return { Status: 'Success', Message: { AffectedRows: 1 } };
}

/** Page retrieve-sales-activity: the sales activity's settings with each field's value. */
function retrieve(store: CrmStore, activityId: string | null) {
	const activity = find(store, activityId);
	const product = SANDBOX_PRODUCTS.find((p) => p.id === activity.productId)!;
	const field = (SchemaName: string, DisplayName: string | null, Value: string, DataType: string | null, Sequence: number) => ({
		SchemaName,
		DisplayName,
		Value,
		DataType,
		IsMandatory: DataType !== null,
		ShowInForm: DataType !== null,
		Sequence,
		OptionSet: DataType === null ? null : '',
	});
	return {
		ID: activity.id,
		Name: 'Sales Activity - New',
		DisplayName: 'Sales Activity',
		DefaultCurrencySymbol: '$',
		DefaultCurrencyAbbreviation: 'USD',
		DefaultCurrencyName: 'US Dollars',
		CustomerStageName: 'Customer',
		ConvertToCustomer: true,
		RelatedProspectId: activity.leadId,
		Fields: [
			field('Status', 'Status', activity.status, 'SearchableDropdown', 0),
			field('mx_Custom_1', 'Product', product.id, 'Product', 1),
			{ ...field('ProductName', null, `${product.sku} - ${product.name}`, null, 0), IsDerived: true },
			field('mx_Custom_2', 'Order Value', activity.revenue.toFixed(2), 'Number', 2),
			field('mx_Custom_3', 'Sales Date', lsqDate(activity.salesDate), 'DateTime', 3),
			field('mx_Custom_4', 'Sales Owner', activity.ownerId, 'ActiveUsers', 4),
		],
	};
}

/**
 * Page retrieve-list-of-products: `Parameter{SearchText}` (matching SKU, name or description) or
 * `Parameter{Id | ProductSku | Name}`, `Paging{PageIndex (from 1), PageSize}`; answers `{RecordCount, List}`.
 * An empty SearchText matching every product is the sandbox's reading: the page does not say.
 */
function retrieveProducts(body: unknown) {
	const request = body === undefined ? {} : objectBody(body);
	const parameter = isObject(request.Parameter) ? request.Parameter : {};
	const paging = isObject(request.Paging) ? request.Paging : {};
	const index = Number(paging.PageIndex ?? 1);
	const size = Number(paging.PageSize ?? 10);
	if (!Number.isInteger(index) || index < 1 || !Number.isInteger(size) || size < 1) invalidInput('PageIndex and PageSize must be whole numbers of 1 or more');
	const has = (text: string, part: unknown) => text.toLowerCase().includes(String(part ?? '').toLowerCase());
	const matching = SANDBOX_PRODUCTS.filter((p) =>
		parameter.Id !== undefined
			? sameId(p.id, String(parameter.Id))
			: parameter.ProductSku !== undefined
				? p.sku === parameter.ProductSku
				: parameter.Name !== undefined
					? p.name === parameter.Name
					: has(p.sku, parameter.SearchText) || has(p.name, parameter.SearchText),
	);
	return {
		RecordCount: matching.length,
		List: matching.slice((index - 1) * size, index * size).map((p) => ({ ProductId: p.id, ProductSku: p.sku, Name: p.name, Description: p.name })),
	};
}

export function salesActivityRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/Create`]: { handler: ({ store, body }) => reply(create(store, body)) },
		[`POST ${BASE}/Update`]: { handler: ({ store, body }) => reply(update(store, body)) },
		[`POST ${BASE}/RetrieveProducts`]: { optionalBody: true, handler: ({ body }) => reply(retrieveProducts(body)) },
		[`GET ${BASE}/RetrieveActivity`]: { handler: ({ store, query }) => reply(retrieve(store, query.get('activityId'))) },
	};
}
