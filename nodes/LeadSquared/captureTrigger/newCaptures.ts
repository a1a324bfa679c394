import type { IDataObject } from 'n8n-workflow';

import type { HarvestedCapture } from './capturesInExecution';
import { capturesInExecution, capturesWithCredential } from './capturesInExecution';
import type { FeedState } from './executionFeed';
import { keepForLater, readFeed } from './executionFeed';
import type { ExecutionSummary, N8nApi } from './n8nApi';

/** Executions read with their data in one poll; the rest wait for the next. */
const EXECUTIONS_READ_PER_POLL = 100;

export interface CaptureScope {
	credentialId: string;
	/** Only this workflow's captures (Only Requests From This Workflow). */
	workflowId?: string;
}

/** Workflows found to have Capture (Async) nodes with a credential, and when. */
const capturingWorkflows = new Map<string, number>();

const REMEMBER_CAPTURING_MS = 5 * 60_000;

/**
 * The workflows among `executions` whose executions can hold captures made with the
 * credential. The workflow as stored now decides. A yes is remembered for a few minutes
 * (one more read costs little); a no is asked again each time, since a capture node
 * added a moment ago must not be missed.
 */
async function relevantWorkflows(api: N8nApi, executions: ExecutionSummary[], scope: CaptureScope, now: number): Promise<Set<string>> {
	const relevant = new Set<string>();
	for (const workflowId of new Set(executions.map((execution) => execution.workflowId))) {
		if (scope.workflowId && workflowId !== scope.workflowId) continue;
		const key = `${scope.credentialId}:${workflowId}`;
		if (now - (capturingWorkflows.get(key) ?? Number.NEGATIVE_INFINITY) > REMEMBER_CAPTURING_MS) {
			const workflow = await api.workflow(workflowId);
			if (!workflow || !capturesWithCredential(workflow as unknown as IDataObject, scope.credentialId)) continue;
			capturingWorkflows.set(key, now);
		}
		relevant.add(workflowId);
	}
	return relevant;
}

/** The captures made in executions that finished since the last poll, and where the feed is now. */
export async function readNewCaptures(
	api: N8nApi,
	feed: FeedState,
	scope: CaptureScope,
	now: number,
): Promise<{ feed: FeedState; captures: HarvestedCapture[]; dropped: number }> {
	const read = await readFeed(api, feed, now);
	const relevant = await relevantWorkflows(api, read.finished, scope, now);
	const toRead = read.finished.filter((execution) => relevant.has(execution.workflowId));
	const captures: HarvestedCapture[] = [];
	for (const summary of toRead.slice(0, EXECUTIONS_READ_PER_POLL)) {
		const execution = await api.execution(summary.id, true);
		if (execution) captures.push(...capturesInExecution(execution, scope.credentialId));
	}
	return {
		feed: keepForLater(read.feed, toRead.slice(EXECUTIONS_READ_PER_POLL), now),
		captures,
		dropped: read.dropped,
	};
}
