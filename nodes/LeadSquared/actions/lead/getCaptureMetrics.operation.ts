import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { endpointOverride, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [endpointOverride('Metrics API URL (Override)', ENDPOINTS.captureMetrics)],
	},
];

export const description = showOnlyFor('lead', 'getCaptureMetrics', properties);

function prepare(input: ItemInput): string | undefined {
	const url = input.text('endpointUrl', 'Metrics API URL (Override)', { url: true }, input.collection('options', 'Options').endpointUrl);
	return url.trim() || undefined;
}

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

async function send(this: IExecuteFunctions, url: string | undefined, itemIndex: number): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'async',
		method: 'GET',
		endpoint: ENDPOINTS.captureMetrics,
		url,
		replaySafe: true,
		itemIndex,
	})) as IDataObject;
	return {
		pendingMessages: numberOrNull(response?.PendingMessages),
		maxDelaySeconds: numberOrNull(response?.MaxDelayInSeconds),
		processingRatePerMinute: numberOrNull(response?.ProcessingRatePerMinute),
		raw: response,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
