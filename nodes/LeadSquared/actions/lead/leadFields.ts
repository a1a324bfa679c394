import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { describe, quote, SCHEMA_NAME } from '../../helpers/itemInput';

export interface LeadAttribute {
	Attribute: string;
	Value: string;
}

export interface LeadCapture {
	/** The body LeadSquared gets: the lead's fields, the fields to clear (sent empty), then SearchBy. */
	pairs: LeadAttribute[];
	/** The fields with a value as an object, for the output and the trigger. */
	fields: IDataObject;
	searchBy?: string;
	/** Fields whose value was empty, null or missing: not values, so left out. */
	skipped: string[];
	/** Fields the user asked to clear (Options → Clear Field Names or IDs). */
	cleared: string[];
}

export interface LeadFieldRules {
	/** Whether the operation takes a Search By field (a capture or an upsert). */
	searchBy: boolean;
	/** Without Search By, LeadSquared finds the lead by its e-mail or phone, so one of them needs a value. */
	needsEmailOrPhone?: boolean;
	/** Whether the operation writes an existing lead, so fields may be cleared (Update, Create or Update). */
	clearing?: boolean;
}

/** Where LeadSquared looks for an existing lead when no Search By is given. */
const DEFAULT_SEARCH_FIELDS = ['EmailAddress', 'Phone'];

/** The lead's fields, mapped one by one or as JSON: shared by every operation that writes a lead. */
export const leadFieldsProperties: INodeProperties[] = [
	{
		displayName: 'Lead Fields',
		name: 'fieldsMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Map Each Field', value: 'mapped', description: 'Pick LeadSquared fields and give each a value' },
			{ name: 'JSON', value: 'json', description: 'An object of schema name → value, such as a whole input item' },
		],
		default: 'mapped',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsMode: ['mapped'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getLeadFields' },
						default: '',
						description:
							'The lead field\'s schema name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'JSON',
		name: 'json',
		type: 'json',
		default: '{\n  "FirstName": "",\n  "EmailAddress": ""\n}',
		displayOptions: { show: { fieldsMode: ['json'] } },
		description: 'An object of schema name → value. An array of {"Attribute": …, "Value": …} pairs also works.',
		// In the hint, as n8n's JSON lint rule would upper-case the expression in a description
		hint: 'To send the whole input item, use the expression {{ $json }}',
	},
];

/** Search By for writes that find the lead or create it (Create or Update, Opportunity → Capture). */
export const findLeadByField: INodeProperties = {
	displayName: 'Search By Name or ID',
	name: 'searchBy',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUpsertSearchByFields' },
	default: '',
	description:
		'The field LeadSquared finds an existing lead by. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	hint: 'The field LeadSquared finds the lead by; when empty, its email, then its phone',
};

/** The option that clears lead fields (Update, Create or Update): an empty value is never taken as "clear". */
export const clearFieldsOption: INodeProperties = {
	displayName: 'Clear Field Names or IDs',
	name: 'clearFields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLeadFields' },
	default: [],
	description:
		'Lead fields to empty in LeadSquared. Empty values in Lead Fields are left out, not sent, so clearing a field is said here. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The schema names in Options → Clear Field Names or IDs, checked against the fields given values and the search fields. */
function readFieldsToClear(input: ItemInput, pairs: LeadAttribute[], finds: string[]): string[] {
	const raw = input.collection('options').clearFields;
	const names = Array.isArray(raw) ? raw : isEmpty(raw) ? [] : [raw];
	const cleared: string[] = [];
	const field = 'Clear Field Names or IDs';
	for (const name of names.map((entry) => input.text('clearFields', field, { shape: 'schemaName' }, entry))) {
		const same = (other: string) => other.toLowerCase() === name.toLowerCase();
		if (cleared.some(same)) throw input.error(field, `has ${name} twice`);
		if (pairs.some((pair) => same(pair.Attribute))) throw input.error(field, `has ${name}, which 'Lead Fields' also gives a value`);
		if (finds.some(same)) {
			throw input.error(field, `has ${name}, which LeadSquared finds the lead by: it cannot be cleared in the same call`);
		}
		if (name === 'SearchBy') throw input.error(field, 'has SearchBy, which is no lead field');
		cleared.push(name);
	}
	return cleared;
}

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

/** Reads and checks an item's lead fields (and Search By where the operation takes it), LeadSquared's rules applied before sending. */
export function readLeadFields(input: ItemInput, rules: LeadFieldRules = { searchBy: true }): LeadCapture {
	const pairs: LeadAttribute[] = [];
	const skipped: string[] = [];
	let searchBy = rules.searchBy ? input.text('searchBy', 'Search By').trim() : '';
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
			throw input.error(
				'Lead Fields',
				`has ${name}, which must be text, a number or true/false, but it is ${describe(value)}`,
			);
		}
		if (name === 'SearchBy') {
			if (!rules.searchBy) throw input.error('Lead Fields', 'has SearchBy, which this operation does not take');
			if (searchBy && searchBy !== String(value)) throw input.error('Search By', "is set both as an option and as a field in 'Lead Fields'");
			searchBy = String(value ?? '').trim();
			continue;
		}
		if (pairs.some((pair) => pair.Attribute.toLowerCase() === name.toLowerCase())) {
			throw input.error('Lead Fields', `has ${name} twice`);
		}
		if (isEmpty(value)) {
			skipped.push(name);
			continue;
		}
		pairs.push({ Attribute: name, Value: String(value) });
	}

	const findsBy = rules.searchBy ? (searchBy ? [searchBy] : DEFAULT_SEARCH_FIELDS) : [];
	const cleared = rules.clearing ? readFieldsToClear(input, pairs, findsBy) : [];
	if (pairs.length === 0 && cleared.length === 0) {
		const leftOut = skipped.length ? ` (left out as empty: ${skipped.slice(0, 10).join(', ')}${skipped.length > 10 ? '…' : ''})` : '';
		const clearing = rules.clearing ? '; to empty a field, name it in Options → Clear Field Names or IDs' : '';
		throw input.error('Lead Fields', `has no field with a value; LeadSquared needs at least one${leftOut}${clearing}`);
	}
	const hasValue = (field: string) =>
		pairs.some((pair) => pair.Attribute.toLowerCase() === field.toLowerCase() && pair.Value.trim() !== '');
	if (searchBy && !hasValue(searchBy)) {
		throw input.error('Search By', `is ${searchBy}, but the lead has no ${searchBy} value to search with`);
	}
	if (rules.needsEmailOrPhone && !searchBy && !DEFAULT_SEARCH_FIELDS.some(hasValue)) {
		throw input.error(
			'Lead Fields',
			'need an EmailAddress or Phone value, which LeadSquared uses to find the lead, or a Search By field that has a value',
		);
	}
	const clearing = cleared.map((name) => ({ Attribute: name, Value: '' }));
	return {
		pairs: [...pairs, ...clearing, ...(searchBy ? [{ Attribute: 'SearchBy', Value: searchBy }] : [])],
		fields: Object.fromEntries(pairs.map((pair) => [pair.Attribute, pair.Value])),
		searchBy: searchBy || undefined,
		skipped,
		cleared,
	};
}
