import type { IDataObject } from 'n8n-workflow';

import type { NodeRun } from './engine';
import { runNode } from './engine';
import type { FakeN8nApi } from './fakeN8nApi';
import type { LeadSquaredSandbox } from '../sandbox/server';

/** Capture (Async) parameters that send each input item as the lead, upserting by e-mail. */
export const CAPTURE_ITEMS = {
	resource: 'lead',
	operation: 'captureAsync',
	fieldsMode: 'json',
	json: '={{ $json }}',
	searchBy: 'EmailAddress',
};

/** Capture (Async) parameters mapping each item's `name` and `email` to the lead, upserting by e-mail. */
export const CAPTURE_BY_EMAIL = {
	resource: 'lead',
	operation: 'captureAsync',
	fieldsMode: 'mapped',
	fields: {
		field: [
			{ name: 'FirstName', value: '={{ $json.name }}' },
			{ name: 'EmailAddress', value: '={{ $json.email }}' },
		],
	},
	searchBy: 'EmailAddress',
};

/**
 * Runs the action node's Capture (Async) on `leads` in one execution and returns its
 * RequestIDs; with `n8n`, stores the execution there as n8n would (its ID is `executionId`).
 */
export async function captureLeads(
	sandbox: LeadSquaredSandbox,
	leads: IDataObject[],
	options: { workflowId?: string; n8n?: FakeN8nApi } = {},
): Promise<{ requestIds: string[]; run: NodeRun; executionId?: string }> {
	const run = await runNode({ parameters: CAPTURE_ITEMS, items: leads, credentials: sandbox.credentialsFor(), workflowId: options.workflowId });
	if (run.status !== 'success') throw new Error(`Capture failed: ${run.error?.message}`);
	const executionId = options.n8n?.recordRun(run.run, run.workflowData);
	return { requestIds: run.items.map((item) => item.json.requestId as string), run, executionId };
}
