import type { SandboxUser } from '../fixtures';
import type { EntityField } from './catalog';
import { invalidInput, isObject, mandatoryMissing, parseLsqDate } from './common';

/**
 * Reads `Fields: [{SchemaName, Value}]` of an activity or opportunity against its type's fields:
 * unknown schema names, wrong types, too long text, options not offered and missing mandatory
 * fields are refused.
 */
export function readEntityFields(
	list: unknown,
	typeFields: EntityField[],
	users: SandboxUser[],
	options: { requireMandatory: boolean; exception?: string },
): Record<string, string> {
	const values: Record<string, string> = {};
	if (list !== undefined && list !== null) {
		if (!Array.isArray(list)) invalidInput('Fields must be an array of {"SchemaName", "Value"}');
		for (const [index, item] of (list as unknown[]).entries()) {
			if (!isObject(item) || typeof item.SchemaName !== 'string' || !('Value' in item)) {
				invalidInput(`Fields[${index}] must be an object with "SchemaName" and "Value"`);
			}
			const { SchemaName, Value } = item as { SchemaName: string; Value: unknown };
			const field = typeFields.find((f) => f.SchemaName.toLowerCase() === SchemaName.toLowerCase());
			if (!field) invalidInput(`Field '${SchemaName}' does not exist`);
			if (Value !== null && typeof Value === 'object') invalidInput(`Field '${SchemaName}' must have a text or number value`);
			const text = Value === null || Value === undefined ? '' : String(Value);
			checkValue(field!, text, users);
			values[field!.SchemaName] = text;
		}
	}
	if (options.requireMandatory) {
		const missing = typeFields.find((field) => field.IsMandatory && !values[field.SchemaName]);
		if (missing) mandatoryMissing(`Field name : '${missing.SchemaName}' of datatype : '${missing.DataType}' is mandatory.`);
	}
	return values;
}

function checkValue(field: EntityField, text: string, users: SandboxUser[]): void {
	if (!text) return;
	const name = field.SchemaName;
	if (field.DataType === 'Number' && Number.isNaN(Number(text))) invalidInput(`Field '${name}' must be a number`);
	if (field.DataType === 'DateTime' && parseLsqDate(text) === undefined)
		invalidInput(`Field '${name}' must be a UTC date-time YYYY-MM-DD HH:MM:SS`);
	if (field.MaxLength !== undefined && text.length > field.MaxLength)
		invalidInput(`Field '${name}' cannot exceed ${field.MaxLength} characters`);
	if (field.Options && !field.Options.some((option) => option.toLowerCase() === text.toLowerCase())) {
		invalidInput(`'${text}' is not an option of field '${name}'`);
	}
	if (field.DataType === 'User' && !users.some((user) => user.ID.toLowerCase() === text.toLowerCase())) {
		invalidInput(`Field '${name}': '${text}' is not a user of this account`);
	}
}
