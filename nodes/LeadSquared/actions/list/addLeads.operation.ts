import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { idListField, readIdList } from '../idList';
import { listField, readListId } from './listFields';

/**
 * Leads one item adds in one call. Page add-leads-to-a-static-list publishes no maximum: this is
 * the package's own bound (README: "What LeadSquared's pages leave open").
 */
export const ADD_LEADS_TO_LIST_MAX = 1000;

export const description = showOnlyFor('list', 'addLeads', [
	listField('getStaticLists', 'The static list to add the leads to'),
	idListField('Lead IDs', 'leadIds', ADD_LEADS_TO_LIST_MAX, 'leads to add'),
]);

interface Addition {
	listId: string;
	leadIds: string[];
}

function prepare(input: ItemInput): Addition {
	return { listId: readListId(input), leadIds: readIdList(input, 'leadIds', 'Lead IDs', ADD_LEADS_TO_LIST_MAX) };
}

async function send(this: IExecuteFunctions, { listId, leadIds }: Addition, itemIndex: number): Promise<IDataObject> {
	const answer = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.listAddLeads,
		body: { listId, leadIds },
		// The page: "Duplicate leads won't get added", so a repeat after a lost answer adds nothing twice.
		replaySafe: true,
		itemIndex,
	});
	return { listId, leadIds, message: successMessage(answer).Message ?? null };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
