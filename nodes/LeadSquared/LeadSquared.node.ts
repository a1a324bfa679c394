import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as lead from './actions/lead/Lead.resource';
import * as notification from './actions/notification/Notification.resource';
import * as telephony from './actions/telephony/Telephony.resource';
import { router } from './actions/router';
import * as loadOptions from './methods/loadOptions';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Notify LeadSquared users, show agent popups and capture leads',
		// The editor's docs link, used as it is (from the codex n8n builds URL + "?utm_…", past any #anchor)
		documentationUrl: 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared#operations',
		defaults: { name: 'LeadSquared' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'leadSquaredApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Lead', value: 'lead' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Telephony', value: 'telephony' },
				],
				default: 'notification',
			},
			...notification.description,
			...telephony.description,
			...lead.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
