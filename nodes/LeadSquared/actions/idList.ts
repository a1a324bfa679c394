import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../helpers/itemInput';

/** A field for many record IDs: comma- or line-separated text, or an array from an expression. */
export function idListField(displayName: string, name: string, max: number, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. 0017abfa-c100-11e5-9340-06c7eb5c8385, 003bf10c-317e-11e8-bf3d-069b743e848f',
		description: `The ${what} IDs, separated by commas or new lines, or an array from an expression`,
		hint: `At most ${max.toLocaleString('en-US')} per item (LeadSquared's limit per call)`,
	};
}

/** The IDs, each checked, without repeats; at least one and at most `max`. */
export function readIdList(input: ItemInput, name: string, field: string, max: number): string[] {
	const raw = input.raw(name);
	const entries = Array.isArray(raw) ? raw : String(raw ?? '').split(/[\s,]+/);
	const ids = entries
		.filter((entry) => !(entry === null || entry === undefined || String(entry).trim() === ''))
		.map((entry) => input.text(name, field, { shape: 'id' }, entry));
	const unique = [...new Set(ids.map((id) => id.toLowerCase()))].map((lower) => ids.find((id) => id.toLowerCase() === lower)!);
	if (unique.length === 0) throw input.error(field, 'is required (give at least one ID)');
	if (unique.length > max)
		throw input.error(field, `holds ${unique.length} IDs; LeadSquared takes at most ${max} in one call (split them over several items)`);
	return unique;
}
