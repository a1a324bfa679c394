import type { Execution, N8nRestClient } from './tooling';

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a workflow's first finished execution (of an activated workflow: webhook, form or trigger). */
export async function firstFinishedExecution(rest: N8nRestClient, workflowId: string, timeoutMs: number): Promise<Execution> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const finished = (await rest.listExecutions(workflowId)).find((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		if (finished) return await rest.getExecution(finished.id, true);
		await sleep(1_000);
	}
	throw new Error(`workflow ${workflowId} had no finished execution within ${timeoutMs / 1000} s`);
}
