import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../helpers/itemInput';
import { describe } from '../helpers/itemInput';

/** An activity's or opportunity's own fields, as LeadSquared takes them: `[{SchemaName, Value}]`. */
export interface EntityField {
	SchemaName: string;
	Value: string;
}

/** A list of schema name → value pairs; `schemaName` is the field that names each one (a dropdown or text). */
export function entityFieldsProperty(displayName: string, name: string, schemaName: Partial<INodeProperties>): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Field Name', name: 'schemaName', type: 'string', default: '', ...schemaName } as INodeProperties,
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** The entries of an entityFieldsProperty; `label` is its display name, for errors. */
export function readEntityFields(input: ItemInput, name: string, label: string): EntityField[] {
	const list = (input.raw(name, {}) as { field?: Array<{ schemaName?: unknown; value?: unknown }> })?.field ?? [];
	const fields: EntityField[] = [];
	for (const entry of list) {
		const schemaName = input.text(name, `${label} → Field Name`, { required: true, shape: 'schemaName' }, entry.schemaName);
		if (entry.value !== null && typeof entry.value === 'object') {
			throw input.error(label, `has ${schemaName}, which must be text, a number or true/false, but it is ${describe(entry.value)}`);
		}
		if (fields.some((known) => known.SchemaName.toLowerCase() === schemaName.toLowerCase())) {
			throw input.error(label, `has ${schemaName} twice`);
		}
		fields.push({ SchemaName: schemaName, Value: entry.value === undefined || entry.value === null ? '' : String(entry.value) });
	}
	return fields;
}
