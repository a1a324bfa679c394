import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../../transport/atItem';
import type { ItemInput } from '../../helpers/itemInput';
import { quote } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadFieldsProperties, readLeadFields } from './leadFields';
import type { LeadCapture } from './leadFields';
import { submittedFields } from './leadWriteOutput';
import { waitForCapture } from './waitForCapture';

const properties: INodeProperties[] = [
	...leadFieldsProperties,
	{
		displayName: 'Search By Name or ID',
		name: 'searchBy',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSearchByFields' },
		default: '',
		description:
			'The field LeadSquared uses to find an existing lead to update instead of creating one. With it the capture is an upsert, so the node can safely send it again after a server error. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until LeadSquared has processed the capture and output its final status (like Get Capture Status)',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'waitTimeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		displayOptions: { show: { waitForCompletion: [true] } },
		description: 'How long to wait. Then the item carries the status it has so far (pending).',
	},
	{
		displayName: 'Fail on Timeout',
		name: 'failOnTimeout',
		type: 'boolean',
		default: false,
		displayOptions: { show: { waitForCompletion: [true] } },
		description: 'Whether an item still pending after the timeout is an error instead of a pending status',
	},
];

export const description = showOnlyFor('lead', 'captureAsync', properties);

interface PreparedCapture extends LeadCapture {
	wait?: { timeoutMs: number; failOnTimeout: boolean };
}

function prepare(this: IExecuteFunctions, input: ItemInput): PreparedCapture {
	const capture = readLeadFields(input);
	if (!input.raw('waitForCompletion', false)) return capture;
	const timeout = input.raw('waitTimeoutSeconds', 60);
	const seconds = typeof timeout === 'number' || typeof timeout === 'string' ? Number(timeout) : NaN;
	if (!Number.isFinite(seconds) || seconds <= 0) {
		throw input.error('Timeout (Seconds)', `must be a positive number of seconds (got ${quote(timeout)})`);
	}
	return { ...capture, wait: { timeoutMs: seconds * 1000, failOnTimeout: Boolean(input.raw('failOnTimeout', false)) } };
}

async function send(this: IExecuteFunctions, capture: PreparedCapture, itemIndex: number): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'async',
		method: 'POST',
		endpoint: ENDPOINTS.captureAsync,
		body: capture.pairs as unknown as IDataObject[],
		replaySafe: capture.searchBy !== undefined,
		itemIndex,
	})) as IDataObject;
	const requestId = response?.RequestID;
	if (typeof requestId !== 'string' || !requestId) {
		throw new NodeOperationError(this.getNode(), atItem('LeadSquared answered without a RequestID', itemIndex), {
			itemIndex,
			description: `Its answer: ${JSON.stringify(response).slice(0, 300)}`,
		});
	}
	const accepted = { requestId, searchBy: capture.searchBy ?? null, ...submittedFields(capture) };
	if (!capture.wait) return { ...accepted, status: 'pending', message: response.Status ?? null };
	const { summary, timedOut } = await waitForCapture.call(this, requestId, capture.wait, itemIndex);
	return { ...summary, ...accepted, timedOut };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
