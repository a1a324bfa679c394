import type { INodeProperties } from 'n8n-workflow';

import * as createWithLead from './createWithLead.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as post from './post.operation';
import * as update from './update.operation';

export { createWithLead, get, getAll, post, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{
				name: 'Create Lead and Activity',
				value: 'createWithLead',
				description: 'Find a lead by a unique field (updating it) or create it, and post an activity on it, in one call',
				action: 'Create lead and activity',
			},
			{ name: 'Get', value: 'get', description: 'Get an activity by ID', action: 'Get activity' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the activities of a lead', action: 'Get many activities' },
			{
				name: 'Post',
				value: 'post',
				description: 'Post an activity, such as a call or a WhatsApp message, on a lead',
				action: 'Post activity',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the note or fields of an activity posted on a lead',
				action: 'Update activity',
			},
		],
		default: 'post',
	},
	...get.description,
	...getAll.description,
	...post.description,
	...update.description,
	...createWithLead.description,
];
