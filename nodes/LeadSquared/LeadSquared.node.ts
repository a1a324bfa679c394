import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as lead from './actions/lead/Lead.resource';
import * as notification from './actions/notification/Notification.resource';
import * as telephony from './actions/telephony/Telephony.resource';
import { router } from './actions/router';
import { credentialTest, loadOptions } from './methods';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: 'file:leadsquared.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Notify LeadSquared users, show agent pop-ups and capture leads',
		defaults: { name: 'LeadSquared' },
		inputs: ['main'],
		outputs: ['main'],
		usableAsTool: true,
		credentials: [{ name: 'leadSquaredApi', required: true, testedBy: 'leadSquaredApiTest' }],
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

	methods = { loadOptions, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
