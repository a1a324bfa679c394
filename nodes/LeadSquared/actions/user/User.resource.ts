import type { INodeProperties } from 'n8n-workflow';

import * as checkIn from './checkIn.operation';
import * as checkOut from './checkOut.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { checkIn, checkOut, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Check In',
				value: 'checkIn',
				description: 'Check in the user whose keys the credential holds, with an availability status',
				action: 'Check in user',
			},
			{
				name: 'Check Out',
				value: 'checkOut',
				description: 'Check out the user whose keys the credential holds',
				action: 'Check out user',
			},
			{ name: 'Get', value: 'get', description: 'Get an active user by ID', action: 'Get user' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the users of the account', action: 'Get many users' },
		],
		default: 'get',
	},
	...checkIn.description,
	...checkOut.description,
	...get.description,
	...getAll.description,
];
