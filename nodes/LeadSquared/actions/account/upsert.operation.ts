import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { accountFieldsProperty, accountTypeField, pairsToObject, readAccountProperties, readAccountType } from './accountFields';

/**
 * A live probe: a CompanyName holding "&" matched no account and the bulk call created a
 * duplicate. Names with it are refused, so that an update cannot turn into a second account.
 */
export const UNMATCHABLE_NAME = /&/;

const properties: INodeProperties[] = [
	accountTypeField,
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{ name: 'Account Name', value: 'CompanyName' },
			{ name: 'Account Number', value: 'CompanyNumber' },
			{ name: 'Account Identifier', value: 'CompanyIdentifier' },
		],
		default: 'CompanyName',
		description: 'The unique account field that finds the account to update; without a match, a new account is created',
	},
	{
		displayName: 'Match Value',
		name: 'matchValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Water Services',
		description: 'The value of the Match By field',
		hint: 'LeadSquared matches by this value only (not by account ID): a value that matches nothing creates a new account',
	},
	{
		displayName: 'If the Account Exists',
		name: 'collisionResolution',
		type: 'options',
		options: [
			{ name: 'Fill Missing Fields', value: 'FillMissingFields', description: 'Only set the fields that are empty' },
			{ name: 'Overwrite Fields Sent', value: 'OverwriteAllFields', description: 'Overwrite the fields given here' },
			{ name: 'Leave It Unchanged', value: 'IgnoreDuplicate', description: 'Change nothing on an existing account' },
		],
		default: 'FillMissingFields',
	},
	accountFieldsProperty,
];

export const description = showOnlyFor('account', 'upsert', properties);

function prepare(input: ItemInput): IDataObject {
	const type = readAccountType(input);
	const matchBy = input.text('matchBy', 'Match By', { oneOf: ['CompanyName', 'CompanyNumber', 'CompanyIdentifier'] });
	const matchValue = input.text('matchValue', 'Match Value', { required: true }).trim();
	if (matchBy === 'CompanyName' && UNMATCHABLE_NAME.test(matchValue))
		throw input.error('Match Value', 'holds "&", which LeadSquared was seen not to match (it created a duplicate account): use Update with the account ID');
	const strategy = input.text('collisionResolution', 'If the Account Exists', {
		oneOf: ['FillMissingFields', 'OverwriteAllFields', 'IgnoreDuplicate'],
	});
	const fields = readAccountProperties(input);
	if (fields.some((field) => field.Attribute.toLowerCase() === matchBy.toLowerCase()))
		throw input.error('Account Fields', `has ${matchBy}: it is the Match By field, set it in Match Value`);
	return {
		CompanyType: { CompanyTypeName: type },
		Options: { SearchBy: matchBy, CollisionResolutionStrategy: strategy || 'FillMissingFields' },
		Companies: [[{ Attribute: matchBy, Value: matchValue }, ...fields]],
	};
}

/** One account per call for now; the bulk call takes up to 25, so batching can plug in here later. */
async function send(this: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	const answer = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.accountBulkCreateOrUpdate,
		body,
		// Matched by a unique field: a repeat finds the account the first call made or updated.
		replaySafe: true,
		itemIndex,
	});
	const row = (Array.isArray(answer) ? (answer as IDataObject[]) : []).find((r) => Number(r.RowNumber) === 1);
	if (!row) {
		throw new NodeOperationError(this.getNode(), 'LeadSquared answered the account Create or Update without a result row', {
			itemIndex,
			description: `The node expects a list of rows with RowNumber, CompanyId, CompanyCreated and CompanyUpdated (as a live probe found; the page shows no answer). It got: ${JSON.stringify(answer).slice(0, 200)}`,
		});
	}
	const [pairs] = body.Companies as IDataObject[][];
	return {
		accountId: row.CompanyId ?? null,
		created: row.CompanyCreated === true,
		updated: row.CompanyUpdated === true,
		submitted: pairsToObject(pairs),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
