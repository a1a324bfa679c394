import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { OPERATION_URL_OVERRIDES } from '../../transport/unconfirmedCalls';
import { endpointOverrideOptions, readEndpointOverride } from '../endpointOverrideOption';

const METRICS_OVERRIDE = OPERATION_URL_OVERRIDES.captureMetrics;

export const description = showOnlyFor('lead', 'getCaptureMetrics', [
	endpointOverrideOptions(METRICS_OVERRIDE, ENDPOINTS.captureMetrics),
]);

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

async function send(this: IExecuteFunctions, url: string | undefined, itemIndex: number): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'async',
		method: 'GET',
		endpoint: ENDPOINTS.captureMetrics,
		url,
		replaySafe: true,
		itemIndex,
		unconfirmed: 'captureMetrics',
	})) as IDataObject;
	return {
		pendingMessages: numberOrNull(response?.PendingMessages),
		maxDelaySeconds: numberOrNull(response?.MaxDelayInSeconds),
		processingRatePerMinute: numberOrNull(response?.ProcessingRatePerMinute),
		raw: response,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: (input) => readEndpointOverride(input, METRICS_OVERRIDE), send });
}
