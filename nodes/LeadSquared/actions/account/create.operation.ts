import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { accountFieldsProperty, accountTypeField, pairsToObject, readAccountProperties, readAccountType } from './accountFields';

const properties: INodeProperties[] = [
	accountTypeField,
	{
		displayName: 'Account Name',
		name: 'accountName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Partners',
		description: 'The account’s CompanyName, which LeadSquared requires',
	},
	accountFieldsProperty,
];

export const description = showOnlyFor('account', 'create', properties);

function prepare(input: ItemInput): IDataObject {
	const type = readAccountType(input);
	const name = input.text('accountName', 'Account Name', { required: true }).trim();
	const fields = readAccountProperties(input);
	if (fields.some((field) => field.Attribute.toLowerCase() === 'companyname'))
		throw input.error('Account Fields', 'has CompanyName: set it in Account Name instead');
	return {
		CompanyType: { CompanyTypeName: type },
		CompanyProperties: [{ Attribute: 'CompanyName', Value: name }, ...fields],
	};
}

async function send(this: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.accountCreate,
		body,
		// A repeat would create a second account.
		replaySafe: false,
		itemIndex,
	})) as IDataObject;
	const message = (answer?.Message ?? {}) as IDataObject;
	return {
		accountId: message.Id ?? null,
		created: true,
		accountType: (body.CompanyType as IDataObject).CompanyTypeName,
		submitted: pairsToObject(body.CompanyProperties as IDataObject[]),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
