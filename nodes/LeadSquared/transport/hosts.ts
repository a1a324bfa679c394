import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type RegionCode = 'sg' | 'us' | 'in' | 'ir' | 'id';

interface Region {
	name: string;
	apiHost: string;
	asyncApiHost: string;
	/** The host of File → Upload (page file-upload-to-leads lists Singapore, United States, India and Ireland). */
	fileHost: string;
	confirmed: boolean;
}

/** LeadSquared's API hosts per account region (My Account > Settings > API and Webhooks). */
export const REGIONS: Record<RegionCode, Region> = {
	sg: {
		name: 'Singapore (Default)',
		apiHost: 'api.leadsquared.com',
		asyncApiHost: 'asyncapi.leadsquared.com',
		fileHost: 'files.leadsquared.com',
		confirmed: true,
	},
	us: {
		name: 'United States',
		apiHost: 'api-us11.leadsquared.com',
		asyncApiHost: 'asyncapi-us11.leadsquared.com',
		fileHost: 'files-us11.leadsquared.com',
		confirmed: true,
	},
	in: {
		name: 'India',
		apiHost: 'api-in21.leadsquared.com',
		asyncApiHost: 'asyncapi-in21.leadsquared.com',
		fileHost: 'files-in21.leadsquared.com',
		confirmed: true,
	},
	// Not confirmed by LeadSquared's public pages; users can pick Custom if these are wrong.
	ir: {
		name: 'Ireland',
		apiHost: 'api-ir31.leadsquared.com',
		asyncApiHost: 'asyncapi-ir31.leadsquared.com',
		// The file host is on the page file-upload-to-leads; the API hosts are not confirmed.
		fileHost: 'files-ir31.leadsquared.com',
		confirmed: false,
	},
	id: {
		name: 'Indonesia (Jakarta)',
		apiHost: 'api-id51.leadsquared.com',
		asyncApiHost: 'asyncapi-id51.leadsquared.com',
		// Not on the page file-upload-to-leads: named like the region's other hosts.
		fileHost: 'files-id51.leadsquared.com',
		confirmed: false,
	},
};

export const CUSTOM_REGION = 'custom';

export type ApiHostKind = 'api' | 'async' | 'files';

const CUSTOM_URL_FIELDS: Record<ApiHostKind, 'apiUrl' | 'asyncApiUrl' | 'fileUploadUrl'> = {
	api: 'apiUrl',
	async: 'asyncApiUrl',
	files: 'fileUploadUrl',
};

const HOST_OF: Record<ApiHostKind, (region: Region) => string> = {
	api: (region) => region.apiHost,
	async: (region) => region.asyncApiHost,
	files: (region) => region.fileHost,
};

/** A URL without surrounding spaces or trailing slashes. */
export const trimSlashes = (url: string): string => url.trim().replace(/\/+$/, '');

const apiBaseByRegion = Object.fromEntries(Object.entries(REGIONS).map(([code, region]) => [code, `https://${region.apiHost}`]));

/** What baseUrlFor gives for the API host, as an n8n expression over the credential's fields. */
export const API_BASE_URL_EXPRESSION = `={{ $credentials.region === "${CUSTOM_REGION}" ? $credentials.apiUrl.trim() : (${JSON.stringify(apiBaseByRegion)}[$credentials.region] || "${apiBaseByRegion.sg}") }}`;

/** The base URL (scheme + host, no trailing slash) of the API, Async API or file host for a credential. */
export function baseUrlFor(credentials: ICredentialDataDecryptedObject, kind: ApiHostKind): string {
	const region = credentials.region as string;
	if (region === CUSTOM_REGION) return trimSlashes(String(credentials[CUSTOM_URL_FIELDS[kind]] ?? ''));
	return `https://${HOST_OF[kind](REGIONS[region as RegionCode] ?? REGIONS.sg)}`;
}
