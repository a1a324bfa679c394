import type { INodeProperties } from 'n8n-workflow';

import * as capture from './capture.operation';
import * as captureAsync from './captureAsync.operation';
import * as create from './create.operation';
import * as deleteLead from './delete.operation';
import * as get from './get.operation';
import * as getCaptureMetrics from './getCaptureMetrics.operation';
import * as getCaptureStatus from './getCaptureStatus.operation';
import * as getManyByIds from './getManyByIds.operation';
import * as getRecentlyModified from './getRecentlyModified.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export {
	capture,
	captureAsync,
	create,
	deleteLead,
	get,
	getCaptureMetrics,
	getCaptureStatus,
	getManyByIds,
	getRecentlyModified,
	search,
	update,
	upsert,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Capture',
				value: 'capture',
				description: 'Create or update a lead at once (Lead.Capture): finds it by ID, email or phone, or by Search By',
				action: 'Capture lead',
			},
			{
				name: 'Capture (Async)',
				value: 'captureAsync',
				description: 'Create or update a lead through LeadSquared’s async queue; returns a Request ID',
				action: 'Capture lead asynchronously',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a new lead',
				action: 'Create lead',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update lead',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a lead permanently (LeadSquared support must enable this API)',
				action: 'Delete lead',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a lead by ID, email or phone',
				action: 'Get lead',
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
			{
				name: 'Get Many by IDs',
				value: 'getManyByIds',
				description: 'Get up to 10,000 leads by their IDs, and which IDs LeadSquared has no lead for',
				action: 'Get many leads by ids',
			},
			{
				name: 'Get Recently Modified',
				value: 'getRecentlyModified',
				description: 'Get the leads modified between two dates',
				action: 'Get recently modified leads',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Search leads by a field, e.g. all leads whose email ends in @example.com',
				action: 'Search leads',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update fields of an existing lead',
				action: 'Update lead',
			},
		],
		default: 'captureAsync',
	},
	...capture.description,
	...captureAsync.description,
	...create.description,
	...deleteLead.description,
	...get.description,
	...getCaptureMetrics.description,
	...getCaptureStatus.description,
	...getManyByIds.description,
	...getRecentlyModified.description,
	...search.description,
	...update.description,
	...upsert.description,
];
