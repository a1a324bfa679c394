import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchCaptureStatus, isRequestId } from '../../helpers/captureStatus';
import type { ItemInput } from '../../helpers/itemInput';
import { quote } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8eca6fa6-262c-43eb-8cfe-6e3325e2dc73',
		description: 'The RequestID that Capture (Async) returned',
	},
];

export const description = showOnlyFor('lead', 'getCaptureStatus', properties);

export function readRequestId(input: ItemInput): string {
	const requestId = input.text('requestId', 'Request ID', { required: true }).trim();
	if (!isRequestId(requestId)) {
		throw input.error(
			'Request ID',
			`must be a LeadSquared request ID like 8eca6fa6-262c-43eb-8cfe-6e3325e2dc73 (got ${quote(requestId)})`,
		);
	}
	return requestId;
}

async function send(this: IExecuteFunctions, requestId: string, itemIndex: number): Promise<IDataObject> {
	return await fetchCaptureStatus.call(this, requestId, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: (input) => readRequestId(input), send });
}
