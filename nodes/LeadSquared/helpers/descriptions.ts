import type { INodeProperties } from 'n8n-workflow';

/** An option that replaces the built-in address of an endpoint LeadSquared has not confirmed. */
export function endpointOverride(displayName: string, endpoint: string): INodeProperties {
	return {
		displayName,
		name: 'endpointUrl',
		type: 'string',
		default: '',
		placeholder: `e.g. https://api.leadsquared.com${endpoint}`,
		description: `Full URL of this API, if it is not your API host + ${endpoint}. LeadSquared has not published this address in text, so it may differ for your account.`,
	};
}

const COLLECTIONS = {
	'Additional Fields': { name: 'additionalFields', placeholder: 'Add Field' },
	Filters: { name: 'filters', placeholder: 'Add Filter' },
	Options: { name: 'options', placeholder: 'Add Option' },
	'Update Fields': { name: 'updateFields', placeholder: 'Add Field' },
} as const;

/** One of n8n's usual optional-field collections. */
export function collection(displayName: keyof typeof COLLECTIONS, options: INodeProperties[]): INodeProperties {
	return { displayName, ...COLLECTIONS[displayName], type: 'collection', default: {}, options };
}
