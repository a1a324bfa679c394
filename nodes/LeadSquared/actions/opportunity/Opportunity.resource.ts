import type { INodeProperties } from 'n8n-workflow';

import * as capture from './capture.operation';
import * as deleteOpportunity from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getManyById from './getManyById.operation';
import * as update from './update.operation';

export { capture, deleteOpportunity, get, getAll, getManyById, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{
				name: 'Capture',
				value: 'capture',
				description: 'Create an opportunity on a lead, creating the lead if needed',
				action: 'Capture opportunity',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an opportunity (its type must allow deletes)',
				action: 'Delete opportunity',
			},
			{ name: 'Get', value: 'get', description: 'Get an opportunity and its fields', action: 'Get opportunity' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the opportunities of a lead', action: 'Get many opportunities' },
			{
				name: 'Get Many by IDs',
				value: 'getManyById',
				description: 'Get up to 2,000 opportunities of one type by their IDs',
				action: 'Get many opportunities by ids',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update an opportunity’s fields, e.g. move it to another stage',
				action: 'Update opportunity',
			},
		],
		default: 'capture',
	},
	...capture.description,
	...deleteOpportunity.description,
	...get.description,
	...getAll.description,
	...getManyById.description,
	...update.description,
];
