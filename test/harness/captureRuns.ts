import type { IDataObject } from 'n8n-workflow';

import type { NodeRun } from './engine';
import { runNode } from './engine';
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

/** Runs the action node's Capture (Async) on `leads` in one execution and returns its RequestIDs. */
export async function captureLeads(
	sandbox: LeadSquaredSandbox,
	leads: IDataObject[],
	options: { workflowId?: string; executionId?: string } = {},
): Promise<{ requestIds: string[]; run: NodeRun }> {
	const run = await runNode({ parameters: CAPTURE_ITEMS, items: leads, credentials: sandbox.credentialsFor(), ...options });
	if (run.status !== 'success') throw new Error(`Capture failed: ${run.error?.message}`);
	return { requestIds: run.items.map((item) => item.json.requestId as string), run };
}
