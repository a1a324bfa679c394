import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { sha256 } from './sha256';
import { baseUrlFor } from './hosts';
import { CUSTOM_DEFAULTS, CUSTOM_PLAN, PLAN_WINDOW_SECONDS, PLANS } from './plans';
import type { RateLimit } from './governorTypes';
import type { CredentialPath } from './unconfirmedCalls';
import { CREDENTIAL_PATH_SWITCH, CREDENTIAL_PATHS } from './unconfirmedCalls';

export type LeadSquaredCredentials = ICredentialDataDecryptedObject & {
	accessKey?: string;
	secretKey?: string;
	region?: string;
	apiUrl?: string;
	asyncApiUrl?: string;
	fileUploadUrl?: string;
	asyncApiKey?: string;
	/** A key of PLANS, or Custom (also what credentials made before the field get: their figures below apply). */
	plan?: string;
	rateLimitCalls?: number;
	rateLimitWindowSeconds?: number;
	bulkRateLimitCalls?: number;
};

export interface Account {
	/** Stable, non-reversible name of the account (API host + access key). */
	id: string;
	apiBase: string;
	asyncBase: string;
	/** The host of File → Upload (files.leadsquared.com and its regional twins). */
	filesBase: string;
	asyncApiKey: string;
	limit: RateLimit;
	/**
	 * The limit of LeadSquared's bulk APIs, a budget of its own (page rate-limits). No operation
	 * uses a bulk API yet; a governor for bulk calls keeps to this one.
	 */
	bulkLimit: RateLimit;
	/** Whether the limit is a plan's (which the account may exceed) or the user's own figures. */
	limitSource: 'plan' | 'custom';
	/** The credential's limit in words, for messages: "plan Pro, 10 calls per 5 s". */
	limitLabel: string;
	/** The credential's paths for lookups no readable page shows, where set. */
	pathOverrides: Partial<Record<CredentialPath, string>>;
	/** Every secret value of the credential, for scrubbing text before it is shown. */
	secrets: string[];
}

const positive = (value: unknown, fallback: number) => {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : fallback;
};

export const perWindow = ({ calls, windowMs }: RateLimit) => `${calls} calls per ${Number((windowMs / 1000).toFixed(1))} s`;

function limitsOf(credentials: LeadSquaredCredentials): Pick<Account, 'limit' | 'bulkLimit' | 'limitSource' | 'limitLabel'> {
	const plan = PLANS[String(credentials.plan ?? CUSTOM_PLAN)];
	if (plan) {
		const windowMs = PLAN_WINDOW_SECONDS * 1000;
		const limit = { calls: plan.calls, windowMs };
		return { limit, bulkLimit: { calls: plan.bulkCalls, windowMs }, limitSource: 'plan', limitLabel: `plan ${plan.name}, ${perWindow(limit)}` };
	}
	const calls = Math.max(1, Math.floor(positive(credentials.rateLimitCalls, CUSTOM_DEFAULTS.calls)));
	const windowMs = Math.round(positive(credentials.rateLimitWindowSeconds, CUSTOM_DEFAULTS.windowSeconds) * 1000);
	const bulkCalls = Math.max(1, Math.floor(positive(credentials.bulkRateLimitCalls, CUSTOM_DEFAULTS.bulkCalls)));
	const limit = { calls, windowMs };
	return { limit, bulkLimit: { calls: bulkCalls, windowMs }, limitSource: 'custom', limitLabel: perWindow(limit) };
}

function pathOverridesOf(credentials: LeadSquaredCredentials): Account['pathOverrides'] {
	if (credentials[CREDENTIAL_PATH_SWITCH.name] !== true) return {};
	const entries = Object.entries(CREDENTIAL_PATHS).map(([path, { field }]) => [path, String(credentials[field] ?? '').trim()]);
	return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

export function accountFrom(credentials: LeadSquaredCredentials): Account {
	const apiBase = baseUrlFor(credentials, 'api');
	const accessKey = String(credentials.accessKey ?? '').trim();
	return {
		id: sha256(`${apiBase}\n${accessKey}`).slice(0, 16),
		apiBase,
		asyncBase: baseUrlFor(credentials, 'async'),
		filesBase: baseUrlFor(credentials, 'files'),
		asyncApiKey: String(credentials.asyncApiKey ?? '').trim(),
		...limitsOf(credentials),
		pathOverrides: pathOverridesOf(credentials),
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
