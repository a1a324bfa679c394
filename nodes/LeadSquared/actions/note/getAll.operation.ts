import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ResultLimit } from '../../helpers/paging';
import { fetchList, readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadLocator, returnAllOrLimit } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';

/** Notes a RetrieveNote call asks for (the page's example asks for 200 and publishes no maximum). */
const NOTES_PAGE_SIZE = 100;

export const description = showOnlyFor('note', 'getAll', [
	leadLocator(['list', 'id', 'email'], 'The lead whose notes to get'),
	...returnAllOrLimit,
]);

interface NoteList extends ResultLimit {
	lead: LeadReference;
}

async function send(this: IExecuteFunctions, notes: NoteList, itemIndex: number): Promise<IDataObject[]> {
	const leadId = await resolveLeadId.call(this, notes.lead, itemIndex);
	// Page get-all-notes-of-lead: Parameter.RelatedId, PageIndex from 1, newest first.
	const list = {
		endpoint: ENDPOINTS.notesOfLead,
		body: ({ index, size }: { index: number; size: number }) => ({
			Parameter: { RelatedId: leadId },
			Paging: { PageIndex: index + 1, PageSize: size },
			Sorting: { ColumnName: 'CreatedOn', Direction: 1 },
		}),
		listKey: 'List',
		pageSize: NOTES_PAGE_SIZE,
	};
	return await fetchList.call(this, list, notes, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, {
		prepare: (input) => ({ lead: readLeadReference(input), ...readResultLimit(input) }),
		send,
	});
}
