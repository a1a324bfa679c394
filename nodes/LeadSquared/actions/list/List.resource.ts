import type { INodeProperties } from 'n8n-workflow';

import * as addLeads from './addLeads.operation';
import * as getLeads from './getLeads.operation';
import * as removeLead from './removeLead.operation';

export { addLeads, getLeads, removeLead };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			{ name: 'Add Leads', value: 'addLeads', description: 'Add leads to a static list', action: 'Add leads to a list' },
			{ name: 'Get Many Leads', value: 'getLeads', description: 'Get the leads in a list', action: 'Get many leads in a list' },
			{ name: 'Remove Lead', value: 'removeLead', description: 'Remove a lead from a static list', action: 'Remove a lead from a list' },
		],
		default: 'addLeads',
	},
	...addLeads.description,
	...getLeads.description,
	...removeLead.description,
];
