import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export { create, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesActivity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Record a sale of a product to a lead: open, won or lost',
				action: 'Create sales activity',
			},
			{ name: 'Get', value: 'get', description: 'Get a sales activity by ID', action: 'Get sales activity' },
			{ name: 'Update', value: 'update', description: 'Change a sales activity', action: 'Update sales activity' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...update.description,
];
