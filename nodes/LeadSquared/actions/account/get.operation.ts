import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { ACCOUNT_ID_LOOKUP, accountIdField, accountTypeField, flattenAccount, readAccountType } from './accountFields';
import { accountQuery } from './getAll.operation';

const properties: INodeProperties[] = [accountTypeField, accountIdField];

export const description = showOnlyFor('account', 'get', properties);

interface AccountLookup {
	accountId: string;
	query: IDataObject;
}

function prepare(input: ItemInput): AccountLookup {
	const accountId = input.text('accountId', 'Account ID', { required: true }).trim();
	return { accountId, query: accountQuery(readAccountType(input), '', { name: ACCOUNT_ID_LOOKUP, value: accountId }) };
}

async function send(this: IExecuteFunctions, { accountId, query }: AccountLookup, itemIndex: number): Promise<IDataObject> {
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.accountGet,
		body: { Query: query, Paging: { PageIndex: 1, PageSize: 1 } },
		replaySafe: true,
		itemIndex,
	})) as IDataObject;
	const found = Array.isArray(answer?.Companies) ? (answer.Companies as IDataObject[]) : [];
	if (found.length === 0) {
		throw new NodeOperationError(this.getNode(), `No account of type ${String((query.CompanyType as IDataObject).CompanyTypeName)} has the ID ${accountId}`, {
			itemIndex,
			description: `The node looks an account up through Company.Get, filtering on ${ACCOUNT_ID_LOOKUP} = the ID (no LeadSquared page names this filter). Check the Account Type and the ID.`,
		});
	}
	return flattenAccount(found[0]);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
