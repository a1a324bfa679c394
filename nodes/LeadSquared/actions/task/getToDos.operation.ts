import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { PageRequest, ResultLimit } from '../../helpers/paging';
import { fetchList, readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor, userField } from '../common.descriptions';
import { dateTimeField, returnAllOrLimit } from '../crm.descriptions';

/** Page get-to-dos-by-user-id: "The difference between the from and to date cannot be more than 100 days". */
export const TO_DO_WINDOW_DAYS = 100;
const TO_DOS_PAGE_SIZE = 200;
const DAY_MS = 86_400_000;

export const description = showOnlyFor('task', 'getToDos', [
	{
		...userField,
		required: true,
		description:
			'The user whose to-dos to get. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ ...dateTimeField('From', 'fromDate', 'The first day of to-dos to get', true), hint: `From and To at most ${TO_DO_WINDOW_DAYS} days apart` },
	dateTimeField('To', 'toDate', 'The last day of to-dos to get', true),
	...returnAllOrLimit,
]);

interface ToDoList extends ResultLimit {
	userId: string;
	fromDate: string;
	toDate: string;
}

function prepare(input: ItemInput): ToDoList {
	const userId = input.text('userId', 'User', { required: true, shape: 'id' });
	// LeadSquared takes days (2018-09-25): the day of each date-time, in UTC.
	const fromDate = input.dateTime('fromDate', 'From', { required: true }).slice(0, 10);
	const toDate = input.dateTime('toDate', 'To', { required: true }).slice(0, 10);
	const days = (Date.parse(toDate) - Date.parse(fromDate)) / DAY_MS;
	if (days < 0) throw input.error('From', `must not be after To (From is ${fromDate}, To ${toDate})`);
	if (days > TO_DO_WINDOW_DAYS)
		throw input.error('To', `is ${days} days after From; LeadSquared allows at most ${TO_DO_WINDOW_DAYS} (split the window over several items)`);
	return { userId, fromDate, toDate, ...readResultLimit(input) };
}

async function send(this: IExecuteFunctions, toDos: ToDoList, itemIndex: number): Promise<IDataObject[]> {
	const list = {
		endpoint: ENDPOINTS.toDosByUser,
		body: ({ index, size }: PageRequest) => ({
			FromDate: toDos.fromDate,
			ToDate: toDos.toDate,
			Users: [toDos.userId],
			Paging: { PageIndex: index + 1, PageSize: size },
		}),
		listKey: 'List',
		pageSize: TO_DOS_PAGE_SIZE,
	};
	return await fetchList.call(this, list, toDos, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
