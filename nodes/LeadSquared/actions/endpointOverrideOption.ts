import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../helpers/itemInput';
import { collection, endpointOverride } from './common.descriptions';

/** Options holding only the override of an endpoint LeadSquared has not confirmed. */
export function endpointOverrideOptions(displayName: string, endpoint: string): INodeProperties {
	return collection('Options', [endpointOverride(displayName, endpoint)]);
}

/** The override's URL, or undefined to use the API host + the built-in path. */
export function readEndpointOverride(input: ItemInput, displayName: string): string | undefined {
	return input.text('endpointUrl', displayName, { url: true }, input.collection('options').endpointUrl).trim() || undefined;
}
