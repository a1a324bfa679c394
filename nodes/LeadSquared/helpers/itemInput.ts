import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from './atItem';

export interface TextRules {
	required?: boolean;
	maxChars?: number;
	url?: boolean;
	/** Allowed values, compared case-insensitively; the canonical spelling is returned. */
	oneOf?: readonly string[];
}

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
		if (rules.oneOf) {
			const match = rules.oneOf.find((allowed) => allowed.toLowerCase() === text.trim().toLowerCase());
			if (!match) throw this.error(field, `must be one of ${rules.oneOf.join(', ')} (got ${quote(text)})`);
			return match;
		}
		return text;
	}

	/** A collection parameter ("Additional Fields", "Options"). */
	collection(name: string, field: string): IDataObject {
		const value = this.raw(name, {});
		if (value === null || value === undefined || value === '') return {};
		if (typeof value !== 'object' || Array.isArray(value)) {
			throw this.error(field, `must be a set of fields, but the value is ${describe(value)}`);
		}
		return value as IDataObject;
	}
}
