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
				name: 'Show Agent Pop-Up',
				value: 'showAgentPopup',
				description: 'Show the call pop-up of the Generic Telephony Connector to an agent',
				action: 'Show an agent pop up',
			},
		],
		default: 'showAgentPopup',
	},
	...showAgentPopup.description,
];
