import type { SandboxUser } from './fixtures';

/**
 * LeadSquared's documented payload rules, one checker per endpoint. Each returns the
 * reason for a 400, or undefined when the body is acceptable.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function unknownKeys(body: Json, allowed: string[]): string | undefined {
	const extra = Object.keys(body).find((key) => !allowed.includes(key));
	return extra && `Unknown attribute '${extra}'`;
}

function textField(body: Json, key: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
	const value = body[key];
	if (value === undefined || value === null || value === '') {
		return opts.required ? `${key} is required` : undefined;
	}
	if (typeof value !== 'string') return `${key} must be a string`;
	if (opts.required && value.trim() === '') return `${key} is required`;
	if (opts.max !== undefined && value.length > opts.max) return `${key} cannot exceed ${opts.max} characters`;
	return undefined;
}

function knownUser(users: SandboxUser[], id: unknown, key: string): string | undefined {
	if (typeof id !== 'string' || !users.some((user) => user.ID.toLowerCase() === id.toLowerCase())) {
		return `${key} '${String(id)}' is not a user of this account`;
	}
	return undefined;
}

export const PUSH_MAX_BYTES = 2048;

export function checkBrowserPush(body: unknown, users: SandboxUser[]): string | undefined {
	if (!isObject(body)) return 'Request body must be a JSON object';
	const problem =
		unknownKeys(body, ['UserId', 'Title', 'Content', 'ClickURL', 'IconURL']) ??
		textField(body, 'Title', { required: true }) ??
		textField(body, 'Content', { required: true }) ??
		textField(body, 'ClickURL') ??
		textField(body, 'IconURL') ??
		textField(body, 'UserId');
	if (problem) return problem;
	if (bytes(body.Title as string) + bytes(body.Content as string) > PUSH_MAX_BYTES) {
		return 'Title and Content together cannot exceed 2KB';
	}
	return body.UserId ? knownUser(users, body.UserId, 'UserId') : undefined;
}

export function checkConverse(body: unknown, users: SandboxUser[]): string | undefined {
	if (!isObject(body)) return 'Request body must be a JSON object';
	const cards = body.CardContents;
	const cta = isObject(cards) ? cards.CTA : undefined;
	const source = body.ExternalSource;
	return (
		unknownKeys(body, ['Type', 'CardContents', 'ToUser', 'ExternalSource']) ??
		textField(body, 'Type', { required: true }) ??
		(isObject(cards) ? undefined : 'CardContents is required') ??
		unknownKeys(cards as Json, ['Message', 'Description', 'CTA', 'IconColorCode']) ??
		textField(cards as Json, 'Message', { required: true, max: 200 }) ??
		textField(cards as Json, 'Description', { max: 500 }) ??
		textField(cards as Json, 'IconColorCode') ??
		(cta === undefined || cta === null || isObject(cta) ? undefined : 'CTA must be an object') ??
		(isObject(cta)
			? (unknownKeys(cta, ['CTALabel', 'CTALink']) ?? textField(cta, 'CTALabel', { max: 120 }) ?? textField(cta, 'CTALink'))
			: undefined) ??
		(source === undefined || source === null || isObject(source) ? undefined : 'ExternalSource must be an object') ??
		(isObject(source)
			? (unknownKeys(source, ['ExternalReferenceId', 'InvocationSource']) ??
				textField(source, 'ExternalReferenceId') ??
				textField(source, 'InvocationSource'))
			: undefined) ??
		textField(body, 'ToUser', { required: true }) ??
		knownUser(users, body.ToUser, 'ToUser')
	);
}

export function checkAgentPopup(body: unknown, users: SandboxUser[]): string | undefined {
	if (!isObject(body)) return 'Request body must be a JSON object';
	const problem =
		unknownKeys(body, [
			'SourceNumber',
			'DestinationNumber',
			'DisplayNumber',
			'Direction',
			'CallSessionId',
			'LeadId',
			'Tag',
			'UserId',
		]) ??
		textField(body, 'SourceNumber') ??
		textField(body, 'DestinationNumber') ??
		textField(body, 'DisplayNumber') ??
		textField(body, 'CallSessionId') ??
		textField(body, 'Tag') ??
		textField(body, 'LeadId', { required: true }) ??
		textField(body, 'UserId', { required: true }) ??
		textField(body, 'Direction');
	if (problem) return problem;
	if (body.Direction && !['inbound', 'outbound'].includes(String(body.Direction).toLowerCase())) {
		return `Direction must be Inbound or Outbound`;
	}
	return knownUser(users, body.UserId, 'UserId');
}

export function checkCapture(body: unknown): string | undefined {
	if (!Array.isArray(body) || body.length === 0) {
		return 'Request body must be a non-empty array of {"Attribute", "Value"} pairs';
	}
	for (const [index, pair] of body.entries()) {
		if (!isObject(pair) || typeof pair.Attribute !== 'string' || pair.Attribute.trim() === '' || !('Value' in pair)) {
			return `Element ${index} must be an object with a non-empty "Attribute" and a "Value"`;
		}
		if (Object.keys(pair).some((key) => key !== 'Attribute' && key !== 'Value')) {
			return `Element ${index} has attributes other than "Attribute" and "Value"`;
		}
		if (pair.Value !== null && typeof pair.Value === 'object') {
			return `Element ${index} ('${pair.Attribute}') must have a text, number or boolean "Value"`;
		}
	}
	return undefined;
}
