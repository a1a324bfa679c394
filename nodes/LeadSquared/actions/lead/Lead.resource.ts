import type { INodeProperties } from 'n8n-workflow';

import * as captureAsync from './captureAsync.operation';
import * as getCaptureMetrics from './getCaptureMetrics.operation';
import * as getCaptureStatus from './getCaptureStatus.operation';

export { captureAsync, getCaptureMetrics, getCaptureStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Capture (Async)',
				value: 'captureAsync',
				description: 'Create or update a lead through LeadSquared’s async queue; returns a Request ID',
				action: 'Capture lead asynchronously',
			},
			{
				name: 'Get Capture Metrics',
				value: 'getCaptureMetrics',
				description: 'How many async captures are pending and how fast they are processed',
				action: 'Get async capture metrics',
			},
			{
				name: 'Get Capture Status',
				value: 'getCaptureStatus',
				description: 'The status of an async capture: pending, success (with the lead ID), failure or error',
				action: 'Get async capture status',
			},
		],
		default: 'captureAsync',
	},
	...captureAsync.description,
	...getCaptureMetrics.description,
	...getCaptureStatus.description,
];
