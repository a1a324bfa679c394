import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type RegionCode = 'sg' | 'us' | 'in' | 'ir' | 'id';

interface Region {
	name: string;
	apiHost: string;
	asyncApiHost: string;
	confirmed: boolean;
}

/** LeadSquared's API hosts per account region (My Account > Settings > API and Webhooks). */
export const REGIONS: Record<RegionCode, Region> = {
	sg: {
		name: 'Singapore (Default)',
		apiHost: 'api.leadsquared.com',
		asyncApiHost: 'asyncapi.leadsquared.com',
		confirmed: true,
	},
	us: {
		name: 'United States',
		apiHost: 'api-us11.leadsquared.com',
		asyncApiHost: 'asyncapi-us11.leadsquared.com',
		confirmed: true,
	},
	in: {
		name: 'India',
		apiHost: 'api-in21.leadsquared.com',
		asyncApiHost: 'asyncapi-in21.leadsquared.com',
		confirmed: true,
	},
	// Not confirmed by LeadSquared's public pages; users can pick Custom if these are wrong.
	ir: {
		name: 'Ireland',
		apiHost: 'api-ir31.leadsquared.com',
		asyncApiHost: 'asyncapi-ir31.leadsquared.com',
		confirmed: false,
	},
	id: {
		name: 'Indonesia (Jakarta)',
		apiHost: 'api-id51.leadsquared.com',
		asyncApiHost: 'asyncapi-id51.leadsquared.com',
		confirmed: false,
	},
};

export const CUSTOM_REGION = 'custom';

export type ApiHostKind = 'api' | 'async';

/** A URL without surrounding spaces or trailing slashes. */
export const trimSlashes = (url: string): string => url.trim().replace(/\/+$/, '');

const apiBaseByRegion = Object.fromEntries(Object.entries(REGIONS).map(([code, region]) => [code, `https://${region.apiHost}`]));

/** What baseUrlFor gives for the API host, as an n8n expression over the credential's fields. */
export const API_BASE_URL_EXPRESSION = `={{ $credentials.region === "${CUSTOM_REGION}" ? $credentials.apiUrl.trim() : (${JSON.stringify(apiBaseByRegion)}[$credentials.region] || "${apiBaseByRegion.sg}") }}`;

/** The base URL (scheme + host, no trailing slash) of the API or Async API for a credential. */
export function baseUrlFor(credentials: ICredentialDataDecryptedObject, kind: ApiHostKind): string {
	const region = credentials.region as string;
	if (region === CUSTOM_REGION) {
		return trimSlashes(String((kind === 'api' ? credentials.apiUrl : credentials.asyncApiUrl) ?? ''));
	}
	const known = REGIONS[region as RegionCode] ?? REGIONS.sg;
	return `https://${kind === 'api' ? known.apiHost : known.asyncApiHost}`;
}
