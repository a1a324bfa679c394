import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchOperation } from '../../helpers/batches';
import { oneCallPerItemOption, runBatched } from '../../helpers/batches';
import { collection } from '../../helpers/descriptions';
import type { ItemInput } from '../../helpers/itemInput';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import type { AccountProperty } from './accountFields';
import { accountFieldsProperty, accountTypeField, pairsToObject, readAccountProperties, readAccountType } from './accountFields';
import { bulkAccountResults } from './bulkAccountRows';

/** Page create-or-update-accounts-in-bulk: "up to 25 records with a single call". */
const BULK_SIZE = 25;

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
	collection('Options', [
		oneCallPerItemOption(
			'Create or Update Accounts in Bulk (every item can go in it; consecutive items with the same Account Type, Match By and If the Account Exists share a call)',
			BULK_SIZE,
			false,
		),
	]),
];

export const description = showOnlyFor('account', 'upsert', properties);

interface Upsert {
	type: string;
	matchBy: string;
	strategy: string;
	/** The match pair first, then the Account Fields. */
	company: AccountProperty[];
}

function prepare(input: ItemInput): Upsert {
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
	return { type, matchBy, strategy: strategy || 'FillMissingFields', company: [{ Attribute: matchBy, Value: matchValue }, ...fields] };
}

/**
 * One call for accounts that share a type and options (one item alone is the same call with one
 * company). Replay-safe: each account is matched by a unique field, so a call sent again after a
 * lost answer finds what the first one wrote and, with any of the three strategies, leaves it as
 * the first call did (its answer may then say updated, or neither, for an account the first created).
 */
async function sendBatch(this: IExecuteFunctions, upserts: Upsert[], itemIndexes: number[]): Promise<Array<IDataObject | Error>> {
	const [{ type, matchBy, strategy }] = upserts;
	const answer = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.accountBulkCreateOrUpdate,
		body: {
			CompanyType: { CompanyTypeName: type },
			Options: { SearchBy: matchBy, CollisionResolutionStrategy: strategy },
			Companies: upserts.map((upsert) => upsert.company) as unknown as IDataObject[],
		},
		replaySafe: true,
		itemIndex: itemIndexes[0],
	});
	return bulkAccountResults
		.call(this, answer, itemIndexes)
		.map((result, row) => (result instanceof Error ? result : { ...result, submitted: pairsToObject(upserts[row].company) }));
}

async function send(this: IExecuteFunctions, upsert: Upsert, itemIndex: number): Promise<IDataObject> {
	const [result] = await sendBatch.call(this, [upsert], [itemIndex]);
	if (result instanceof Error) throw result;
	return result;
}

const operation: BatchOperation<Upsert> = {
	prepare,
	send,
	sendBatch,
	batchSize: BULK_SIZE,
	// Not among the rate-limits page's bulk APIs: paced by the ordinary limit, so batching always pays.
	underBulkLimit: false,
	batchable: () => true,
	// One call carries one CompanyType and one Options.
	batchKey: ({ type, matchBy, strategy }) => JSON.stringify([type, matchBy, strategy]),
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runBatched.call(this, items, operation);
}
