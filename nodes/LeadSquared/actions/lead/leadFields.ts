import type { IDataObject } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { describe, quote } from '../../helpers/itemInput';

export interface LeadAttribute {
	Attribute: string;
	Value: string;
}

export interface LeadCapture {
	/** The body LeadSquared gets: the lead's fields, then SearchBy. */
	pairs: LeadAttribute[];
	/** The same fields as an object, for the output and the trigger. */
	fields: IDataObject;
	searchBy?: string;
	/** Fields whose value was null or missing, left out rather than sent as empty. */
	skipped: string[];
}

/** LeadSquared schema names, like FirstName or mx_Budget (bounded, so messages quoting them stay short). */
const SCHEMA_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** Name/value entries from either the mapped fields or the JSON parameter. */
function entries(input: ItemInput): Array<[unknown, unknown]> {
	if (input.raw('fieldsMode', 'mapped') === 'mapped') {
		const fields = input.raw('fields', {}) as { field?: Array<{ name?: unknown; value?: unknown }> };
		return (fields?.field ?? []).map((field) => [field.name, field.value]);
	}
	let json = input.raw('json', '{}');
	if (typeof json === 'string') {
		try {
			json = JSON.parse(json);
		} catch (error) {
			throw input.error('JSON', `is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (Array.isArray(json)) {
		return json.map((pair, index) => {
			if (!pair || typeof pair !== 'object' || !('Attribute' in pair)) {
				throw input.error('JSON', `has element ${index}, which must be an object with "Attribute" and "Value"`);
			}
			return [(pair as IDataObject).Attribute, (pair as IDataObject).Value];
		});
	}
	if (json === null || typeof json !== 'object') {
		throw input.error('JSON', `must be an object of field → value, but it is ${describe(json)}`);
	}
	return Object.entries(json as IDataObject);
}

/** Reads and checks an item's lead fields and Search By, LeadSquared's rules applied before sending. */
export function readLeadFields(input: ItemInput): LeadCapture {
	const pairs: LeadAttribute[] = [];
	const skipped: string[] = [];
	let searchBy = input.text('searchBy', 'Search By').trim();
	if (searchBy && !SCHEMA_NAME.test(searchBy)) {
		throw input.error('Search By', `must be a lead field's schema name, like EmailAddress (got ${quote(searchBy)})`);
	}

	for (const [rawName, value] of entries(input)) {
		const name = typeof rawName === 'string' ? rawName.trim() : '';
		if (!SCHEMA_NAME.test(name)) {
			throw input.error(
				'Lead Fields',
				`has a field name ${quote(rawName)} that is not a LeadSquared schema name (like FirstName, EmailAddress or mx_Budget)`,
			);
		}
		if (value !== null && typeof value === 'object') {
			throw input.error('Lead Fields', `has ${name}, which must be text, a number or true/false, but it is ${describe(value)}`);
		}
		if (name === 'SearchBy') {
			if (searchBy && searchBy !== String(value)) throw input.error('Search By', "is set both as an option and as a field in 'Lead Fields'");
			searchBy = String(value ?? '').trim();
			continue;
		}
		if (pairs.some((pair) => pair.Attribute.toLowerCase() === name.toLowerCase())) {
			throw input.error('Lead Fields', `has ${name} twice`);
		}
		if (value === null || value === undefined) {
			skipped.push(name);
			continue;
		}
		pairs.push({ Attribute: name, Value: String(value) });
	}

	if (pairs.length === 0) {
		throw input.error('Lead Fields', 'has no field with a value; LeadSquared needs at least one');
	}
	const searchable = (pair: LeadAttribute) => pair.Attribute.toLowerCase() === searchBy.toLowerCase() && pair.Value.trim() !== '';
	if (searchBy && !pairs.some(searchable)) {
		throw input.error('Search By', `is ${searchBy}, but the lead has no ${searchBy} value to search with`);
	}
	return {
		pairs: searchBy ? [...pairs, { Attribute: 'SearchBy', Value: searchBy }] : pairs,
		fields: Object.fromEntries(pairs.map((pair) => [pair.Attribute, pair.Value])),
		searchBy: searchBy || undefined,
		skipped,
	};
}
