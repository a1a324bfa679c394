import type { N8nRestClient } from '../e2e/support/tooling';

export const CREDENTIAL_TYPE = 'leadSquaredApi';

/** The LeadSquared Capture Trigger's credential for n8n's own API, by the name the examples use. */
export const N8N_API_CREDENTIAL = { type: 'leadSquaredN8nApi', name: 'n8n API for the LeadSquared trigger' };

export type LeadSquaredCredentialData = Record<string, string | number>;

/** Creates the credential, or updates the data of the one with this name (the sandbox URL or keys may have changed). */
export async function upsertCredential(
	rest: N8nRestClient,
	name: string,
	data: LeadSquaredCredentialData,
	type = CREDENTIAL_TYPE,
): Promise<{ id: string; name: string; created: boolean }> {
	const existing = await rest.request<Array<{ id: string; name: string; type: string }>>('GET', '/rest/credentials');
	const found = existing.find((credential) => credential.name === name && credential.type === type);
	if (!found) {
		const created = await rest.createCredential({ name, type, data });
		return { id: created.id, name, created: true };
	}
	await rest.request('PATCH', `/rest/credentials/${found.id}`, { name, type, data });
	return { id: found.id, name, created: false };
}

/**
 * An API key of this n8n (Settings > n8n API) in the credential the LeadSquared Capture
 * Trigger reads executions with. A new key each time: n8n shows a key only when it creates it.
 */
export async function upsertN8nApiCredential(rest: N8nRestClient, baseUrl: string): Promise<{ id: string; name: string; created: boolean }> {
	const scopes = await rest.request<string[]>('GET', '/rest/api-keys/scopes');
	const key = await rest.request<{ rawApiKey: string }>('POST', '/rest/api-keys', { label: `LeadSquared trigger ${Date.now()}`, scopes, expiresAt: null });
	return await upsertCredential(rest, N8N_API_CREDENTIAL.name, { apiKey: key.rawApiKey, baseUrl }, N8N_API_CREDENTIAL.type);
}

/**
 * Both credentials the examples use, the n8n API one first: on a newly added node, n8n 2.41's
 * editor selects the most recently saved credential of the node's types (one, even when the node
 * takes two), so the LeadSquared one is saved last and a new Capture Trigger starts with it.
 */
export async function upsertExampleCredentials(
	rest: N8nRestClient,
	n8nBaseUrl: string,
	name: string,
	data: LeadSquaredCredentialData,
): Promise<{ id: string; name: string; created: boolean }> {
	await upsertN8nApiCredential(rest, n8nBaseUrl);
	return await upsertCredential(rest, name, data);
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
