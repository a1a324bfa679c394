import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { ResultLimit } from '../../helpers/paging';
import { readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { returnAllOrLimit } from '../crm.descriptions';

/** Users.Get's StatusCode. */
const STATUS = { active: 0, inactive: 1 } as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	collection('Filters', [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Inactive', value: 'inactive' },
			],
			default: 'active',
		},
	]),
];

export const description = showOnlyFor('user', 'getAll', properties);

interface UserList extends ResultLimit {
	status?: keyof typeof STATUS;
}

function prepare(input: ItemInput): UserList {
	const status = input.text('status', 'Status', { oneOf: ['active', 'inactive'] }, input.collection('filters').status);
	return { ...(status ? { status: status as UserList['status'] } : {}), ...readResultLimit(input) };
}

/** Users.Get returns every user in one answer: the status filter and the limit apply here. */
async function send(this: IExecuteFunctions, list: UserList, itemIndex: number): Promise<IDataObject[]> {
	const users = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.users,
		replaySafe: true,
		itemIndex,
	});
	const wanted = (Array.isArray(users) ? (users as IDataObject[]) : []).filter(
		(user) => list.status === undefined || Number(user.StatusCode ?? 0) === STATUS[list.status],
	);
	return list.limit === undefined ? wanted : wanted.slice(0, list.limit);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
