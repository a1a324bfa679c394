import type { INodeProperties } from 'n8n-workflow';

import * as showAgentPopup from './showAgentPopup.operation';

export { showAgentPopup };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['telephony'] } },
		options: [
			{
				name: 'Show Agent Popup',
				value: 'showAgentPopup',
				description: 'Show the call popup of the Generic Telephony Connector to an agent',
				action: 'Show agent popup',
			},
		],
		default: 'showAgentPopup',
	},
	...showAgentPopup.description,
];
