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
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a task, such as a follow-up call', action: 'Create task' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the tasks of a user', action: 'Get many tasks' },
			{ name: 'Update', value: 'update', description: 'Update a task, or mark it completed', action: 'Update task' },
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
	...update.description,
];
