import type { INodeProperties } from 'n8n-workflow';

import * as sendBrowserPush from './sendBrowserPush.operation';
import * as sendConverse from './sendConverse.operation';

export { sendBrowserPush, sendConverse };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: [
			{
				name: 'Send Browser Push Notification',
				value: 'sendBrowserPush',
				description: 'Push a browser notification to a LeadSquared user',
				action: 'Send browser push notification',
			},
			{
				name: 'Send System Notification',
				value: 'sendConverse',
				description: 'Post a card from the "System" user, pinned at the top of a user’s LeadSquared Converse (a Converse System Notification)',
				action: 'Send system notification',
			},
		],
		default: 'sendBrowserPush',
	},
	...sendBrowserPush.description,
	...sendConverse.description,
];
