import type { IDataObject } from 'n8n-workflow';

import { isRequestId } from '../helpers/captureStatus';
import { DELIVERED_REQUEST_IDS } from '../helpers/deliveredRequestIds';
import type { ExecutionWithData } from './n8nApi';

/** A capture that LeadSquared accepted, as read from the execution that made it. */
export interface HarvestedCapture {
	requestId: string;
	/** When the node run that made it started (ms). */
	submittedAt: number;
	workflowId: string;
	executionId: string;
	nodeName: string;
}


const asObject = (value: unknown): IDataObject => (value && typeof value === 'object' ? (value as IDataObject) : {});

/** LeadSquared nodes in the workflow (as it ran) that capture leads with the given credential. */
function captureNodes(workflow: IDataObject, credentialId: string): string[] {
	const nodes = Array.isArray(workflow.nodes) ? (workflow.nodes as IDataObject[]) : [];
	return nodes
		.filter((node) => {
			const parameters = asObject(node.parameters);
			const credential = asObject(asObject(node.credentials).leadSquaredApi);
			return (
				String(node.type ?? '').endsWith('.leadSquared') &&
				parameters.resource === 'lead' &&
				parameters.operation === 'captureAsync' &&
				credential.id === credentialId
			);
		})
		.map((node) => String(node.name));
}

function requestIdsOfRun(run: IDataObject): string[] {
	const outputs = (asObject(run.data).main ?? []) as Array<Array<{ json?: IDataObject }> | null>;
	const fromItems = outputs.flatMap((items) => (items ?? []).map((item) => item?.json?.requestId));
	const fromError = asObject(asObject(run.error).context)[DELIVERED_REQUEST_IDS];
	return [...fromItems, ...(Array.isArray(fromError) ? fromError : [])].filter(
		(id): id is string => typeof id === 'string' && isRequestId(id),
	);
}

/** Every capture that Capture (Async) nodes using `credentialId` made in this execution. */
export function capturesInExecution(execution: ExecutionWithData, credentialId: string): HarvestedCapture[] {
	const runData = asObject(asObject(asObject(execution.data).resultData).runData);
	const started = Date.parse(execution.startedAt ?? '') || 0;
	const seen = new Set<string>();
	const captures: HarvestedCapture[] = [];
	for (const nodeName of captureNodes(asObject(execution.workflowData), credentialId)) {
		for (const run of (runData[nodeName] ?? []) as IDataObject[]) {
			for (const requestId of requestIdsOfRun(run)) {
				if (seen.has(requestId)) continue;
				seen.add(requestId);
				captures.push({
					requestId,
					submittedAt: Number(run.startTime) || started,
					workflowId: execution.workflowId,
					executionId: execution.id,
					nodeName,
				});
			}
		}
	}
	return captures;
}

/** Whether a workflow (as stored now) has a Capture (Async) node with the given credential. */
export function capturesWithCredential(workflow: IDataObject, credentialId: string): boolean {
	return captureNodes(workflow, credentialId).length > 0;
}
