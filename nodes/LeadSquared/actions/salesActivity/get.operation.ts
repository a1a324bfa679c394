import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';

export const salesActivityIdField: INodeProperties = {
	displayName: 'Sales Activity ID',
	name: 'salesActivityId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ea582d40-6cd1-11e5-a199-22000aa4133b',
	description: 'The ID that Create gave for the sales activity',
};

export const description = showOnlyFor('salesActivity', 'get', [salesActivityIdField]);

/**
 * Page retrieve-sales-activity answers with the sales activity's settings and its `Fields`, each
 * `{SchemaName, DisplayName, Value, …}`. All of it stays; `fieldValues` is the node's view of the
 * fields as one object, by schema name (mx_Custom_1 is the product, ProductName its name).
 */
function withFieldValues(answer: IDataObject): IDataObject {
	const fields = Array.isArray(answer?.Fields) ? (answer.Fields as IDataObject[]) : [];
	const fieldValues = Object.fromEntries(
		fields.filter((field) => typeof field?.SchemaName === 'string').map((field) => [String(field.SchemaName), (field.Value ?? null) as string]),
	);
	return { ...answer, fieldValues };
}

async function send(this: IExecuteFunctions, activityId: string, itemIndex: number): Promise<IDataObject> {
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.salesActivityById,
		qs: { activityId },
		replaySafe: true,
		itemIndex,
	})) as IDataObject;
	return withFieldValues(answer);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, {
		prepare: (input) => input.text('salesActivityId', 'Sales Activity ID', { required: true, shape: 'id' }),
		send,
	});
}
