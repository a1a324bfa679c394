import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ResultLimit } from '../../helpers/paging';
import { readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadLocator, returnAllOrLimit } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';

export const description = showOnlyFor('task', 'getAllOfLead', [
	leadLocator(['list', 'id', 'email'], 'The lead whose tasks to get'),
	...returnAllOrLimit,
]);

interface LeadTasks extends ResultLimit {
	lead: LeadReference;
}

async function send(this: IExecuteFunctions, tasks: LeadTasks, itemIndex: number): Promise<IDataObject[]> {
	const leadId = await resolveLeadId.call(this, tasks.lead, itemIndex);
	// Page retrieve-tasks-by-leadid: one answer with every task of the lead (no paging), fixed columns.
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.tasksOfLead,
		qs: { leadId },
		replaySafe: true,
		itemIndex,
	})) as IDataObject | undefined;
	const rows = Array.isArray(answer?.TaskList) ? (answer.TaskList as IDataObject[]) : [];
	return tasks.limit === undefined ? rows : rows.slice(0, tasks.limit);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, {
		prepare: (input) => ({ lead: readLeadReference(input), ...readResultLimit(input) }),
		send,
	});
}
