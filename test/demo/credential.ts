import type { N8nRestClient } from '../e2e/support/tooling';

export const CREDENTIAL_TYPE = 'leadSquaredApi';

export type LeadSquaredCredentialData = Record<string, string | number>;

/** Creates the credential, or updates the data of the one with this name (the sandbox URL or keys may have changed). */
export async function upsertCredential(
	rest: N8nRestClient,
	name: string,
	data: LeadSquaredCredentialData,
): Promise<{ id: string; name: string; created: boolean }> {
	const existing = await rest.request<Array<{ id: string; name: string; type: string }>>('GET', '/rest/credentials');
	const found = existing.find((credential) => credential.name === name && credential.type === CREDENTIAL_TYPE);
	if (!found) {
		const created = await rest.createCredential({ name, type: CREDENTIAL_TYPE, data });
		return { id: created.id, name, created: true };
	}
	await rest.request('PATCH', `/rest/credentials/${found.id}`, { name, type: CREDENTIAL_TYPE, data });
	return { id: found.id, name, created: false };
}

/**
 * A real account's credential from LEADSQUARED_* environment variables, or undefined
 * when the keys are not both set.
 */
export function realAccountFromEnv(env = process.env): LeadSquaredCredentialData | undefined {
	const accessKey = env.LEADSQUARED_ACCESS_KEY?.trim();
	const secretKey = env.LEADSQUARED_SECRET_KEY?.trim();
	if (!accessKey || !secretKey) {
		if (accessKey || secretKey) throw new Error('Set both LEADSQUARED_ACCESS_KEY and LEADSQUARED_SECRET_KEY, or neither');
		return undefined;
	}
	const apiUrl = env.LEADSQUARED_API_URL?.trim() ?? '';
	const asyncApiUrl = env.LEADSQUARED_ASYNC_API_URL?.trim() ?? '';
	// An explicit URL only counts for the "custom" region, so giving one implies it.
	const region = env.LEADSQUARED_REGION?.trim() || (apiUrl || asyncApiUrl ? 'custom' : 'sg');
	if (region === 'custom' && !apiUrl) throw new Error('LEADSQUARED_REGION=custom needs LEADSQUARED_API_URL');
	return {
		accessKey,
		secretKey,
		region,
		apiUrl,
		asyncApiUrl,
		asyncApiKey: env.LEADSQUARED_ASYNC_API_KEY?.trim() ?? '',
		rateLimitCalls: 25,
		rateLimitWindowSeconds: 5,
	};
}
