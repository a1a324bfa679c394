import { randomBytes, timingSafeEqual } from 'crypto';

import { sha256 } from '../transport/sha256';
import type { CustomHeader } from './webhookApi';

/**
 * LeadSquared does not sign deliveries. Every registration carries these custom headers:
 * a secret that proves a delivery comes from a registration of this node, and the node's
 * event (its option value), because all of the node's registrations post to the same URL. The node keeps only
 * the secret's SHA-256: n8n copies static data into every execution it stores.
 */
/** Carries the registration's secret. */
export const PROOF_HEADER = 'x-n8n-leadsquared-secret';
export const EVENT_HEADER = 'x-n8n-leadsquared-event';

export const newSecret = (): string => randomBytes(32).toString('hex');

export function deliveryHeaders(secret: string, event: string): CustomHeader[] {
	return [
		{ Key: PROOF_HEADER, Value: secret },
		{ Key: EVENT_HEADER, Value: event },
	];
}

/** Whether `headers` (a registration's) still carry the secret of this hash, and this event. */
export function carries(headers: CustomHeader[], secretHash: string, event: string): boolean {
	const value = (name: string) => headers.find((header) => header.Key.toLowerCase() === name)?.Value;
	return sha256(value(PROOF_HEADER) ?? '') === secretHash && value(EVENT_HEADER) === event;
}

/** Whether a received header value is a secret of one of these hashes; compared in constant time. */
export function matchesAnySecret(received: unknown, secretHashes: string[]): boolean {
	if (typeof received !== 'string' || !received) return false;
	const given = Buffer.from(sha256(received), 'hex');
	return secretHashes
		.map((hash) => Buffer.from(hash, 'hex'))
		.reduce((matched, expected) => (expected.length === given.length && timingSafeEqual(expected, given)) || matched, false);
}
