import { randomBytes, timingSafeEqual } from 'crypto';

import type { CustomHeader } from './webhookApi';

/**
 * LeadSquared does not sign deliveries. Every registration carries these custom headers:
 * a secret that proves a delivery comes from a registration of this node, and the event
 * code, because all of the node's registrations post to the same URL.
 */
export const SECRET_HEADER = 'x-n8n-leadsquared-secret';
export const EVENT_HEADER = 'x-n8n-leadsquared-event';

export const newSecret = (): string => randomBytes(32).toString('hex');

export function deliveryHeaders(secret: string, eventCode: number): CustomHeader[] {
	return [
		{ Key: SECRET_HEADER, Value: secret },
		{ Key: EVENT_HEADER, Value: String(eventCode) },
	];
}

/** Whether `headers` (a registration's) still carry this secret and event. */
export function carries(headers: CustomHeader[], secret: string, eventCode: number): boolean {
	const value = (name: string) => headers.find((header) => header.Key.toLowerCase() === name)?.Value;
	return value(SECRET_HEADER) === secret && value(EVENT_HEADER) === String(eventCode);
}

/** Compares in constant time, so the answer's timing tells nothing about the secret. */
export function matchesAnySecret(received: unknown, secrets: string[]): boolean {
	if (typeof received !== 'string' || !received) return false;
	const given = Buffer.from(received);
	return secrets
		.map((secret) => Buffer.from(secret))
		.reduce((matched, expected) => (expected.length === given.length && timingSafeEqual(expected, given)) || matched, false);
}
