import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { sha256 } from '../helpers/sha256';
import { baseUrlFor } from './hosts';
import type { RateLimit } from './rateGovernor';

export type LeadSquaredCredentials = ICredentialDataDecryptedObject & {
	accessKey?: string;
	secretKey?: string;
	region?: string;
	apiUrl?: string;
	asyncApiUrl?: string;
	asyncApiKey?: string;
	rateLimitCalls?: number;
	rateLimitWindowSeconds?: number;
};

export interface Account {
	/** Stable, non-reversible name of the account (API host + access key). */
	id: string;
	apiBase: string;
	asyncBase: string;
	asyncApiKey: string;
	limit: RateLimit;
	/** Every secret value of the credential, for scrubbing text before it is shown. */
	secrets: string[];
}

export const DEFAULT_RATE_LIMIT: RateLimit = { calls: 25, windowMs: 5_000 };

export function accountFrom(credentials: LeadSquaredCredentials): Account {
	const apiBase = baseUrlFor(credentials, 'api');
	const accessKey = String(credentials.accessKey ?? '').trim();
	const calls = Number(credentials.rateLimitCalls) || DEFAULT_RATE_LIMIT.calls;
	const windowSeconds = Number(credentials.rateLimitWindowSeconds) || DEFAULT_RATE_LIMIT.windowMs / 1000;
	return {
		id: sha256(`${apiBase}\n${accessKey}`).slice(0, 16),
		apiBase,
		asyncBase: baseUrlFor(credentials, 'async'),
		asyncApiKey: String(credentials.asyncApiKey ?? '').trim(),
		limit: { calls: Math.max(1, Math.floor(calls)), windowMs: Math.round(windowSeconds * 1000) },
		secrets: [credentials.accessKey, credentials.secretKey, credentials.asyncApiKey]
			.map((value) => String(value ?? '').trim())
			.filter((value) => value.length >= 4),
	};
}

/** Replaces any secret of the account found in `text`, as is or URL-encoded. */
export function redact(text: string, account: Pick<Account, 'secrets'>): string {
	return account.secrets
		.flatMap((secret) => [secret, encodeURIComponent(secret)])
		.reduce((result, secret) => result.split(secret).join('***'), text);
}
