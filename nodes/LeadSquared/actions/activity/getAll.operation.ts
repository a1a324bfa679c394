import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { PageRequest, ResultLimit } from '../../helpers/paging';
import { fetchList, readResultLimit } from '../../helpers/paging';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import { leadLocator, returnAllOrLimit } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';

/** Activities a Retrieve call asks for (LeadSquared returns 25 unless paged, and publishes no maximum). */
export const ACTIVITIES_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	leadLocator(['list', 'id', 'email'], 'The lead whose activities to get'),
	...returnAllOrLimit,
	collection('Filters', [
		{
			displayName: 'Activity Type Name or ID',
			name: 'activityEvent',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getActivityTypes' },
			default: '',
			description:
				'Only activities of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
	collection('Options', [
		{
			displayName: 'Paging Offset Counts',
			name: 'offsetCounts',
			type: 'options',
			options: [
				{ name: 'Pages (LeadSquared’s Page Says So)', value: 'pages' },
				{ name: 'Rows', value: 'rows' },
			],
			// Unconfirmed: LeadSquared's page calls Retrieve's Offset "the page number" (its example starts at 0),
			// while its task API's Offset skips rows. The node follows the page by default.
			default: 'pages',
			description:
				'What LeadSquared’s Offset counts when the node asks for the next page. Its page says pages; if your account returns repeated activities, choose Rows.',
		},
	]),
];

export const description = showOnlyFor('activity', 'getAll', properties);

interface ActivityList extends ResultLimit {
	lead: LeadReference;
	activityEvent?: number;
	offsetCountsRows: boolean;
}

function prepare(input: ItemInput): ActivityList {
	const offsetCounts = input.text(
		'offsetCounts',
		'Paging Offset Counts',
		{ oneOf: ['pages', 'rows'] },
		input.collection('options').offsetCounts,
	);
	return {
		lead: readLeadReference(input),
		activityEvent: input.wholeNumber('activityEvent', 'Activity Type', { min: 1 }, input.collection('filters').activityEvent),
		offsetCountsRows: offsetCounts === 'rows',
		...readResultLimit(input),
	};
}

/**
 * Retrieve gives each activity's fields as an object under `ActivityFields` (the note at
 * `ActivityFields.ActivityEvent_Note`, the creator's ID at `ActivityFields.CreatedBy`) and its
 * other properties under `Data`, as `[{Key, Value}]` (live probe; page get-activities-of-a-lead
 * calls `Data` "a key-value pair of all properties"). Both stay as they are; `dataByKey` is the
 * node's view of `Data` as one object.
 */
function withDataByKey(activity: IDataObject): IDataObject {
	const data = activity.Data;
	const isPair = (pair: unknown): pair is IDataObject => !!pair && typeof pair === 'object' && typeof (pair as IDataObject).Key === 'string';
	const dataByKey = Array.isArray(data)
		? Object.fromEntries(data.filter(isPair).map((pair) => [String(pair.Key), (pair.Value ?? null) as IDataObject[string]]))
		: data && typeof data === 'object'
			? (data as IDataObject)
			: {};
	return { ...activity, dataByKey };
}

async function send(this: IExecuteFunctions, activities: ActivityList, itemIndex: number): Promise<IDataObject[]> {
	const list = {
		endpoint: ENDPOINTS.activitiesOfLead,
		qs: { leadId: await resolveLeadId.call(this, activities.lead, itemIndex) },
		body: ({ index, size }: PageRequest) => ({
			Parameter: activities.activityEvent === undefined ? {} : { ActivityEvent: activities.activityEvent },
			Paging: { Offset: activities.offsetCountsRows ? index * size : index, RowCount: size },
		}),
		listKey: 'ProspectActivities',
		pageSize: ACTIVITIES_PAGE_SIZE,
	};
	return (await fetchList.call(this, list, activities, itemIndex)).map(withDataByKey);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
