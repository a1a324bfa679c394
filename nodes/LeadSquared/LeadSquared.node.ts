import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as notification from './actions/notification/Notification.resource';
import { router } from './actions/router';
import { loadOptions } from './methods';

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
		credentials: [{ name: 'leadSquaredApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Notification', value: 'notification' }],
				default: 'notification',
			},
			...notification.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
