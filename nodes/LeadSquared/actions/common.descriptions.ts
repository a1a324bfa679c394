import type { INodeProperties } from 'n8n-workflow';

export { collection, endpointOverride } from '../helpers/descriptions';

/** Shows `properties` only for one resource and operation of the node. */
export function showOnlyFor(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** A LeadSquared user, picked from the account's active users or given as an ID. */
export const userField: INodeProperties = {
	displayName: 'User Name or ID',
	name: 'userId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getActiveUsers' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
