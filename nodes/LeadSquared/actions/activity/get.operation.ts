import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';

export const activityIdField: INodeProperties = {
	displayName: 'Activity ID',
	name: 'activityId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. e85e72ee-a9a9-498c-9b26-ffd9db2df311',
	description: 'The ID that Post or Get Many gave for the activity',
};

export const description = showOnlyFor('activity', 'get', [activityIdField]);

async function send(this: IExecuteFunctions, activityId: string, itemIndex: number): Promise<IDataObject> {
	return (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.activityDetails,
		qs: { activityId },
		replaySafe: true,
		itemIndex,
	})) as IDataObject;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, {
		prepare: (input) => input.text('activityId', 'Activity ID', { required: true, shape: 'id' }),
		send,
	});
}
