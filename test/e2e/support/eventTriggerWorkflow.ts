import { randomUUID } from 'crypto';

import { personalProjectId } from '../../demo/exampleWorkflows';
import type { Execution, N8nRestClient, WorkflowJson } from './tooling';
import { nodeOutput } from './tooling';

export const EVENT_TRIGGER_NODE = 'LeadSquared Instant Trigger';
const CREATE_LEAD_NODE = 'Create lead';

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A workflow of one LeadSquared Instant Trigger on `events` (and further parameters), saved as the editor saves it (with a webhookId). */
export async function saveEventTriggerWorkflow(
	rest: N8nRestClient,
	credential: { id: string; name: string },
	events: string[],
	parameters: Record<string, unknown> = {},
): Promise<WorkflowJson & { id: string; webhookId: string }> {
	const webhookId = randomUUID();
	const workflow = await rest.createWorkflow({
		name: `LeadSquared events ${webhookId.slice(0, 8)}`,
		nodes: [
			{
				id: randomUUID(),
				name: EVENT_TRIGGER_NODE,
				type: 'n8n-nodes-leadsquared.leadSquaredEventTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { events, ...parameters },
				credentials: { leadSquaredApi: credential },
			},
		],
		connections: {},
		projectId: await personalProjectId(rest),
	});
	return { ...workflow, webhookId };
}

/** Waits until the workflow has `count` finished executions, then reads them with their data. */
export async function finishedExecutions(rest: N8nRestClient, workflowId: string, count: number, timeoutMs: number): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const listed = await rest.listExecutions(workflowId);
		const finished = listed.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		if (finished.length >= count) {
			const executions: Execution[] = [];
			for (const { id } of finished) executions.push(await rest.getExecution(id, true));
			return executions;
		}
		if (Date.now() > deadline) {
			const statuses = listed.map((execution) => execution.status).join(', ');
			throw new Error(`workflow ${workflowId}: ${finished.length} of ${count} executions finished within ${timeoutMs / 1000} s (${listed.length} listed: ${statuses})`);
		}
		await sleep(500);
	}
}

/** Creates a lead as a user would: a manual workflow whose LeadSquared node runs Lead → Create with mapped fields. */
export async function createLeadWithNode(
	rest: N8nRestClient,
	credential: { id: string; name: string },
	fields: Record<string, string>,
): Promise<{ leadId: string; execution: Execution }> {
	const workflow = await rest.createWorkflow({
		name: `Create lead ${randomUUID().slice(0, 8)}`,
		nodes: [
			{ id: randomUUID(), name: 'Run manually', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: CREATE_LEAD_NODE,
				type: 'n8n-nodes-leadsquared.leadSquared',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'lead',
					operation: 'create',
					fieldsMode: 'mapped',
					fields: { field: Object.entries(fields).map(([name, value]) => ({ name, value })) },
				},
				credentials: { leadSquaredApi: credential },
			},
		],
		connections: { 'Run manually': { main: [[{ node: CREATE_LEAD_NODE, type: 'main', index: 0 }]] } },
		projectId: await personalProjectId(rest),
	});
	const execution = await rest.runWorkflowManually(workflow.id);
	const leadId = nodeOutput(execution, CREATE_LEAD_NODE)?.[0]?.json.leadId;
	if (execution.status !== 'success' || typeof leadId !== 'string') {
		throw new Error(`Lead → Create did not create the lead: ${JSON.stringify(execution.data.resultData.error ?? execution.status)}`);
	}
	return { leadId, execution };
}
