import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an active user by ID', action: 'Get user' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the users of the account', action: 'Get many users' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
