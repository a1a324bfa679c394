import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a note to a lead', action: 'Create note' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the notes of a lead', action: 'Get many notes' },
			{ name: 'Update', value: 'update', description: 'Change a note’s text or attachment', action: 'Update note' },
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
	...update.description,
];
