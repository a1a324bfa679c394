import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as post from './post.operation';

export { get, getAll, post };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an activity by ID', action: 'Get activity' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the activities of a lead', action: 'Get many activities' },
			{
				name: 'Post',
				value: 'post',
				description: 'Post an activity, such as a call or a WhatsApp message, on a lead',
				action: 'Post activity',
			},
		],
		default: 'post',
	},
	...get.description,
	...getAll.description,
	...post.description,
];
