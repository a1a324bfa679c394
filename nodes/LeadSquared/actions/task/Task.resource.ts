import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteTasks from './delete.operation';
import * as getAll from './getAll.operation';
import * as getAllOfLead from './getAllOfLead.operation';
import * as getToDos from './getToDos.operation';
import * as update from './update.operation';

export { create, deleteTasks, getAll, getAllOfLead, getToDos, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a task, such as a follow-up call', action: 'Create task' },
			{ name: 'Delete', value: 'delete', description: 'Delete tasks by their IDs (up to 5,000)', action: 'Delete tasks' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the tasks of a user', action: 'Get many tasks' },
			{
				name: 'Get Many of a Lead',
				value: 'getAllOfLead',
				description: 'Get the tasks created against a lead',
				action: 'Get many tasks of a lead',
			},
			{
				name: 'Get Many To-Dos of a User',
				value: 'getToDos',
				description: 'Get a user’s to-dos within a window of up to 100 days',
				action: 'Get many todos of a user',
			},
			{ name: 'Update', value: 'update', description: 'Update a task, or mark it completed', action: 'Update task' },
		],
		default: 'create',
	},
	...create.description,
	...deleteTasks.description,
	...getAll.description,
	...getAllOfLead.description,
	...getToDos.description,
	...update.description,
];
