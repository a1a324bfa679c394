import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { capturesWithCredential } from './capturesInExecution';
import type { N8nApi, WorkflowSummary } from './n8nApi';
import type { CaptureScope } from './newCaptures';

const RECHECK_AFTER_MS = 15 * 60_000;

/** When each trigger (workflow + node) last checked its conditions in this instance. */
const lastChecked = new Map<string, number>();

/** Why a workflow's captures would not reach the trigger, if they would not. */
function unsavedExecutions(workflow: WorkflowSummary): string | undefined {
	const settings = workflow.settings ?? {};
	const unsaved = [
		settings.saveDataSuccessExecution === 'none' ? 'successful' : undefined,
		settings.saveDataErrorExecution === 'none' ? 'failed' : undefined,
	].filter(Boolean);
	if (!unsaved.length) return undefined;
	return `"${workflow.name}" (ID ${workflow.id}) does not save its ${unsaved.join(' or ')} production executions`;
}

async function capturingWorkflows(api: N8nApi, scope: CaptureScope): Promise<WorkflowSummary[]> {
	const found: WorkflowSummary[] = [];
	let cursor: string | undefined;
	do {
		const page = await api.workflows(cursor);
		found.push(
			...page.data.filter(
				(workflow) =>
					(!scope.workflowId || workflow.id === scope.workflowId) &&
					capturesWithCredential(workflow as unknown as IDataObject, scope.credentialId),
			),
		);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return found;
}

/**
 * What the trigger needs from n8n, checked when it is activated and every quarter hour: n8n's
 * API answers to the key, and the workflows that capture leads with the credential save their
 * executions (the trigger reads the captures from them).
 */
export async function checkConditions(this: IPollFunctions, api: N8nApi, scope: CaptureScope): Promise<void> {
	const key = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (Date.now() - (lastChecked.get(key) ?? Number.NEGATIVE_INFINITY) < RECHECK_AFTER_MS) return;
	await api.executions({ limit: 1 });
	const problems = (await capturingWorkflows(api, scope)).map(unsavedExecutions).filter(Boolean);
	if (problems.length) {
		throw new NodeOperationError(this.getNode(), `The trigger cannot see the captures of ${problems.length} workflow(s)`, {
			description: `${problems.join('; ')}. The trigger reads the Request IDs from n8n's saved executions: in each of these workflows, open Settings and save production executions (successful and failed), or leave them on the default.`,
		});
	}
	lastChecked.set(key, Date.now());
}
