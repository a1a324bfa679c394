import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../transport/atItem';
import { leadSquaredDate } from './leadSquaredDate';

export interface TextRules {
	required?: boolean;
	maxChars?: number;
	url?: boolean;
	/** Allowed values, compared case-insensitively; the canonical spelling is returned. */
	oneOf?: readonly string[];
	/** A named rule on the trimmed text (an ID, an e-mail address, a schema name); the trimmed text is returned. */
	shape?: keyof typeof SHAPES;
}

/** LeadSquared schema names, like FirstName or mx_Budget (bounded, so messages quoting them stay short). */
export const SCHEMA_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

const SHAPES = {
	id: {
		pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
		rule: 'must be a LeadSquared ID like 3b1041fb-8374-11e7-8758-0a106ee76b21',
	},
	email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, rule: 'must be an e-mail address like priya@example.com' },
	schemaName: { pattern: SCHEMA_NAME, rule: 'must be a LeadSquared schema name, like FirstName or mx_Custom_1' },
	phone: { pattern: /^(?=(?:\D*\d){3})[+\d][\d\s\-().]*$/, rule: 'must be a phone number like +91-8611795988' },
} as const;

export const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A user's value for an error message: shortened, and never converting an object (which may throw). */
export function quote(value: unknown, max = 60): string {
	if (value !== null && typeof value === 'object') return describe(value);
	const text = String(value ?? '');
	return `"${text.length > max ? `${text.slice(0, max)}…` : text}"`;
}

function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

/**
 * Reads and checks one item's parameters. Every rule it breaks becomes an error that
 * names the field (in quotes, as n8n's guidelines ask), the rule and the item, raised
 * before anything is sent: `'Message' is 231 characters; LeadSquared allows at most 200 [item 3]`.
 */
export class ItemInput {
	constructor(
		private readonly ctx: IExecuteFunctions,
		readonly itemIndex: number,
	) {}

	error(field: string, rule: string, description?: string): NodeOperationError {
		return new NodeOperationError(this.ctx.getNode(), atItem(`'${field}' ${rule}`, this.itemIndex), {
			itemIndex: this.itemIndex,
			description,
		});
	}

	raw(name: string, fallback: unknown = ''): unknown {
		return this.ctx.getNodeParameter(name, this.itemIndex, fallback);
	}

	/** A text parameter; numbers and booleans are accepted as their text. */
	text(name: string, field: string, rules: TextRules = {}, value: unknown = this.raw(name)): string {
		if (value !== null && typeof value === 'object') {
			throw this.error(field, `must be text, but the value is ${describe(value)}`);
		}
		const text = value === undefined || value === null ? '' : String(value);
		if (text.trim() === '') {
			if (rules.required) throw this.error(field, 'is required');
			return '';
		}
		if (rules.maxChars !== undefined && text.length > rules.maxChars) {
			throw this.error(field, `is ${text.length} characters; LeadSquared allows at most ${rules.maxChars}`);
		}
		if (rules.url && !isHttpUrl(text.trim())) {
			throw this.error(field, `must be a full http(s) URL, like https://example.com/page (got ${quote(text)})`);
		}
		if (rules.shape) {
			const { pattern, rule } = SHAPES[rules.shape];
			if (!pattern.test(text.trim())) throw this.error(field, `${rule} (got ${quote(text.trim())})`);
			return text.trim();
		}
		if (rules.oneOf) {
			const match = rules.oneOf.find((allowed) => allowed.toLowerCase() === text.trim().toLowerCase());
			if (!match) throw this.error(field, `must be one of ${rules.oneOf.join(', ')} (got ${quote(text)})`);
			return match;
		}
		return text;
	}

	/** A date-time, as the UTC text LeadSquared takes; '' when empty and not required. */
	dateTime(name: string, field: string, rules: { required?: boolean } = {}, value: unknown = this.raw(name)): string {
		if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
			if (rules.required) throw this.error(field, 'is required');
			return '';
		}
		const utc = leadSquaredDate(value, this.ctx.getTimezone());
		if (!utc) {
			throw this.error(
				field,
				`must be a date and time like 2025-01-31 14:30:00 (UTC, LeadSquared's form) or 2025-01-31T20:00:00+05:30 (got ${quote(value)})`,
			);
		}
		return utc;
	}

	/** A whole number within bounds, from a number or its text; undefined when empty and not required. */
	wholeNumber(
		name: string,
		field: string,
		rules: { required?: boolean; min?: number; max?: number } = {},
		value: unknown = this.raw(name),
	): number | undefined {
		if (value === undefined || value === null || value === '') {
			if (rules.required) throw this.error(field, 'is required');
			return undefined;
		}
		const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
		const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = rules;
		if (!Number.isInteger(number) || number < min || number > max) {
			const bounds = rules.max === undefined ? `${min} or more` : `from ${min} to ${max}`;
			throw this.error(field, `must be a whole number ${bounds} (got ${quote(value)})`);
		}
		return number;
	}

	/** A collection parameter ("Additional Fields", "Options"); `field` names it in errors (its name in Title Case by default). */
	collection(name: string, field = name.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase())): IDataObject {
		const value = this.raw(name, {});
		if (value === null || value === undefined || value === '') return {};
		if (typeof value !== 'object' || Array.isArray(value)) {
			throw this.error(field, `must be a set of fields, but the value is ${describe(value)}`);
		}
		return value as IDataObject;
	}
}
