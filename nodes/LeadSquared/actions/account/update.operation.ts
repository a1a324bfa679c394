import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { AccountProperty } from './accountFields';
import { accountFieldsProperty, accountIdField, pairsToObject, readAccountProperties } from './accountFields';

const properties: INodeProperties[] = [accountIdField, accountFieldsProperty];

export const description = showOnlyFor('account', 'update', properties);

interface AccountUpdate {
	accountId: string;
	changes: AccountProperty[];
}

function prepare(input: ItemInput): AccountUpdate {
	const accountId = input.text('accountId', 'Account ID', { required: true }).trim();
	const changes = readAccountProperties(input);
	if (changes.length === 0) throw input.error('Account Fields', 'are empty: there is nothing to update');
	return { accountId, changes };
}

async function send(this: IExecuteFunctions, { accountId, changes }: AccountUpdate, itemIndex: number): Promise<IDataObject> {
	await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.accountUpdate,
		qs: { companyId: accountId },
		// A live probe: a bare array fails with "You're missing Company details".
		body: { CompanyProperties: changes },
		// Setting the same values again leaves the account as it was.
		replaySafe: true,
		itemIndex,
	});
	return { accountId, updated: true, submitted: pairsToObject(changes) };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
