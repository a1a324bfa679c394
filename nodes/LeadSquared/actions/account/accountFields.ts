import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { entityFieldsProperty, readEntityFields } from '../entityFields';

/** Company.Get's FilterBy lookup that finds one account by its ID. No page names it: an assumption (README). */
export const ACCOUNT_ID_LOOKUP = 'CompanyId';

/** No readable LeadSquared page lists an account's company types, so the type is typed in. */
export const accountTypeField: INodeProperties = {
	displayName: 'Account Type',
	name: 'accountType',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Partners',
	description: 'The name of an existing account (company) type; the API cannot create types',
	hint: 'As named under My Account > Settings > Accounts > Account Types (LeadSquared has no API that lists them)',
};

export const accountIdField: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 66e996af-db9b-433b-9a4e-589195e69e5c',
	description: 'The account’s CompanyId, as Create or Get Many return it',
};

export const accountFieldsProperty = entityFieldsProperty('Account Fields', 'accountFields', {
	displayName: 'Field Name',
	placeholder: 'e.g. Phone',
	description: "The account field's schema name (e.g. Phone, Website, City, or a custom field)",
});

export interface AccountProperty {
	Attribute: string;
	Value: string;
}

export function readAccountType(input: ItemInput): string {
	return input.text('accountType', 'Account Type', { required: true }).trim();
}

/** Account Fields as LeadSquared's `[{Attribute, Value}]`. */
export function readAccountProperties(input: ItemInput): AccountProperty[] {
	return readEntityFields(input, 'accountFields', 'Account Fields').map(({ SchemaName, Value }) => ({ Attribute: SchemaName, Value }));
}

/** `[{Attribute, Value}]` as `{Attribute: Value}`: what was sent, or an account as read. */
export function pairsToObject(pairs: ReadonlyArray<{ Attribute?: unknown; Value?: unknown }>): IDataObject {
	return Object.fromEntries(pairs.map((pair) => [String(pair.Attribute), (pair.Value ?? null) as IDataObject[string]]));
}

/** One account of Company.Get's answer (`{companyPropertyList: [{Attribute, Value}]}`) as a flat object. */
export function flattenAccount(company: IDataObject): IDataObject {
	return pairsToObject(Array.isArray(company.companyPropertyList) ? (company.companyPropertyList as IDataObject[]) : []);
}
