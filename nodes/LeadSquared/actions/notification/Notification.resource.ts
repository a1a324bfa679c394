import type { INodeProperties } from 'n8n-workflow';

import * as sendBrowserPush from './sendBrowserPush.operation';

export { sendBrowserPush };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: [
			{
				name: 'Send Browser Push',
				value: 'sendBrowserPush',
				description: 'Push a browser notification to a LeadSquared user',
				action: 'Send a browser push notification',
			},
		],
		default: 'sendBrowserPush',
	},
	...sendBrowserPush.description,
];
