import type { INodeProperties } from 'n8n-workflow';

import * as logCall from './logCall.operation';
import * as showAgentPopup from './showAgentPopup.operation';
import * as updateCallActivity from './updateCallActivity.operation';

export { logCall, showAgentPopup, updateCallActivity };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['telephony'] } },
		options: [
			{
				name: 'Log Call',
				value: 'logCall',
				description: 'Post a call to a lead as a phone call activity (Generic Telephony Connector)',
				action: 'Log a call',
			},
			{
				name: 'Show Agent Popup',
				value: 'showAgentPopup',
				description: 'Show the call popup of the Generic Telephony Connector to an agent',
				action: 'Show agent popup',
			},
			{
				name: 'Update Call Activity',
				value: 'updateCallActivity',
				description: "Set a phone call activity's recording URL or duration, e.g. once the recording is ready",
				action: 'Update a call activity',
			},
		],
		default: 'showAgentPopup',
	},
	...logCall.description,
	...showAgentPopup.description,
	...updateCallActivity.description,
];
