import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { collection } from '../common.descriptions';
import { clearFieldsOption } from './leadFields';

/**
 * The Options of writes to an existing lead: LeadSquared's `postUpdatedLead` (without it, an
 * update fires none of the account's automations, webhooks or notification rules), and the
 * fields to clear.
 */
export const leadUpdateOptions: INodeProperties = collection('Options', [
	clearFieldsOption,
	{
		displayName: 'Trigger Automations and Webhooks',
		name: 'postUpdatedLead',
		type: 'boolean',
		default: false,
		description:
			"Whether LeadSquared runs the account's automations, webhooks and notification rules for lead updates. LeadSquared runs none by default. With it on, the node does not send the update again after a server error, as a repeat could run them twice, and sends each item in a call of its own (LeadSquared's bulk APIs run none).",
	},
]);

export function readPostUpdatedLead(input: ItemInput): boolean {
	return input.collection('options').postUpdatedLead === true;
}
