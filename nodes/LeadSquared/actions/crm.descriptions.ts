import type { INodeProperties } from 'n8n-workflow';

const ID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export type LeadLocatorMode = 'list' | 'id' | 'email' | 'phone';

/** A lead, picked from a searchable list or given by ID, email or (for reads) phone. */
export function leadLocator(modes: LeadLocatorMode[], description = 'The lead'): INodeProperties {
	const locator: INodeProperties = {
		displayName: 'Lead',
		name: 'lead',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchLeads', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6f75b09d-0187-45d6-86dd-f848bd5a0aca',
				validation: [{ type: 'regex', properties: { regex: ID_PATTERN, errorMessage: 'Not a LeadSquared lead ID' } }],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. priya@example.com',
				validation: [
					{ type: 'regex', properties: { regex: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', errorMessage: 'Not an email address' } },
				],
			},
			{
				displayName: 'By Phone',
				name: 'phone',
				type: 'string',
				placeholder: 'e.g. +919845098450',
				hint: 'LeadSquared looks in Phone and Mobile; if several leads match, it returns the most recently active one',
			},
		],
	};
	return { ...locator, modes: locator.modes!.filter((mode) => modes.includes(mode.name as LeadLocatorMode)) };
}

/** Return All and Limit, as n8n's list operations have them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** A date-time field; the node converts what it is given to the UTC text LeadSquared takes. */
export function dateTimeField(displayName: string, name: string, description: string, required = false): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		required,
		description: `${description}. Without a time zone, the workflow's time zone is used, except in LeadSquared's own form (2025-01-31 14:30:00), which is UTC.`,
	};
}
