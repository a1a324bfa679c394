import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';
import { listField, readListId } from './listFields';

export const description = showOnlyFor('list', 'removeLead', [
	listField('getStaticLists', 'The static list to remove the lead from'),
	leadLocator(['list', 'id', 'email'], 'The lead to remove from the list (the lead itself is kept)'),
]);

interface Removal {
	listId: string;
	lead: LeadReference;
}

const prepare = (input: ItemInput): Removal => ({ listId: readListId(input), lead: readLeadReference(input) });

async function send(this: IExecuteFunctions, { listId, lead }: Removal, itemIndex: number): Promise<IDataObject> {
	const leadId = await resolveLeadId.call(this, lead, itemIndex);
	// Page remove-lead-from-static-list: GET with ListId and LeadID in the URL.
	const answer = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.listRemoveLead,
		qs: { ListId: listId, LeadID: leadId },
		// The page does not say what a second removal answers.
		replaySafe: false,
		itemIndex,
	});
	return { listId, leadId, removed: true, message: successMessage(answer).Message ?? null };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
