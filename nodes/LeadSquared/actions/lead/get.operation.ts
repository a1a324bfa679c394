import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { findLead, leadNotFound, readLeadReference } from '../leadReference';

export const description = showOnlyFor('lead', 'get', [leadLocator(['list', 'id', 'email', 'phone'], 'The lead to get')]);

async function send(this: IExecuteFunctions, lead: LeadReference, itemIndex: number): Promise<IDataObject> {
	const found = await findLead.call(this, lead, itemIndex);
	if (!found) throw leadNotFound.call(this, lead, itemIndex);
	return found;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: (input) => readLeadReference(input), send });
}
