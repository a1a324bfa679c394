import { readFileSync } from 'fs';

import { EXAMPLE_CREDENTIAL_NAME, saveWorkflowAsEditorDoes } from '../../demo/exampleWorkflows';
import type { LeadSquaredSandbox } from '../../sandbox/server';
import { rateLimitFloorMs } from '../../harness/rateFloor';
import type { N8nRestClient, RunningN8n, WorkflowJson } from './tooling';
import { nodeOutput } from './tooling';

const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';
const SENDER = 'Send pushes';

/** A webhook that answers at once and starts an execution pushing `items` browser notifications. */
function loadWorkflow(path: string): WorkflowJson {
	const code =
		'const { items, label } = $json.body;\n' +
		"return Array.from({ length: items }, (_, i) => ({ json: { title: 'Load ' + label, content: 'Item ' + (i + 1) + ' of ' + items } }));";
	return {
		name: `load: ${path}`,
		nodes: [
			{ name: 'Load webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: code } },
			{
				name: SENDER,
				type: 'n8n-nodes-leadsquared.leadSquared',
				typeVersion: 1,
				position: [440, 0],
				// On Error: Continue, so that a failed item is counted instead of stopping the run
				onError: 'continueRegularOutput',
				parameters: { resource: 'notification', operation: 'sendBrowserPush', userId: '', title: '={{ $json.title }}', content: '={{ $json.content }}', additionalFields: {} },
				credentials: { leadSquaredApi: { id: null, name: EXAMPLE_CREDENTIAL_NAME } },
			},
		],
		connections: {
			'Load webhook': { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: SENDER, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

export interface LoadTarget {
	rest: N8nRestClient;
	sandbox: LeadSquaredSandbox;
	/** Where webhooks are received (the main instance). */
	main: Pick<RunningN8n, 'baseUrl'>;
	/** Queue-mode workers, to tell which one ran each execution (from their logs). */
	workers?: Array<Pick<RunningN8n, 'logFile'>>;
}

export interface LoadExecution {
	id: string;
	/** The label its webhook call carried (the n-th call of the load). */
	label: string;
	items: number;
	failedItems: number;
	ms: number;
	/** When it finished (epoch ms). */
	stoppedAt: number;
	/** Which worker ran it (index), or null in regular mode. */
	worker: number | null;
}

export interface LoadResult {
	executions: LoadExecution[];
	calls: number;
	delivered: number;
	rateLimited: number;
	failedItems: number;
	/** The most calls LeadSquared accepted in any window of its own length. */
	maxInAnyWindow: number;
	wallMs: number;
	floorMs: number;
	/** Every push LeadSquared received: when, its answer, and which execution (by label) sent it. */
	record: Array<{ at: number; status: number | undefined; label: string }>;
}

export async function createLoadWorkflow(rest: N8nRestClient, path: string): Promise<string> {
	const created = await saveWorkflowAsEditorDoes(rest, loadWorkflow(path));
	await rest.activateWorkflow(created.id);
	return created.id;
}

export function maxInAnyWindow(times: number[], windowMs: number): number {
	let max = 0;
	for (let start = 0, end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		max = Math.max(max, end - start + 1);
	}
	return max;
}

export function workerOf(executionId: string, workers: LoadTarget['workers']): number | null {
	if (!workers?.length) return null;
	const index = workers.findIndex((worker) => readFileSync(worker.logFile, 'utf8').includes(`Worker started execution ${executionId} `));
	return index === -1 ? null : index;
}

/** Waits until `count` executions of the workflow not in `known` have finished, and returns them. */
export async function newFinishedExecutions(rest: N8nRestClient, workflowId: string, known: Set<string>, count: number, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	let started: Array<{ id: string; status: string }> = [];
	while (Date.now() < deadline) {
		started = (await rest.listExecutions(workflowId)).filter((execution) => !known.has(execution.id));
		if (started.length >= count && started.every((execution) => !['new', 'running', 'waiting'].includes(execution.status))) break;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	if (started.length < count) throw new Error(`only ${started.length} of ${count} executions started within ${timeoutMs} ms`);
	return started;
}

/**
 * Starts one execution per entry of `sizes` at once (that many pushes each), waits for all of
 * them, and reports what n8n's executions and the sandbox's record show.
 */
export async function runLoad(target: LoadTarget, workflowId: string, path: string, sizes: number[], timeoutMs = 600_000): Promise<LoadResult> {
	const { rest, sandbox } = target;
	const known = new Set((await rest.listExecutions(workflowId)).map((execution) => execution.id));
	sandbox.clearRecord();
	await Promise.all(
		sizes.map(async (items, index) => {
			const answer = await fetch(`${target.main.baseUrl}/webhook/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ items, label: `${index + 1}` }),
			});
			if (!answer.ok) throw new Error(`the load webhook answered ${answer.status}: ${await answer.text()}`);
		}),
	);
	const started = await newFinishedExecutions(rest, workflowId, known, sizes.length, timeoutMs);

	const executions: LoadExecution[] = [];
	let first = Number.POSITIVE_INFINITY;
	let last = 0;
	for (const { id } of started) {
		const execution = await rest.getExecution(id, true);
		const output = nodeOutput(execution, SENDER) ?? [];
		const startedAt = Date.parse(execution.startedAt);
		const stoppedAt = Date.parse(execution.stoppedAt);
		first = Math.min(first, startedAt);
		last = Math.max(last, stoppedAt);
		const call = nodeOutput(execution, 'Load webhook')?.[0]?.json.body as { label?: string } | undefined;
		executions.push({
			id,
			label: String(call?.label ?? ''),
			items: output.length,
			failedItems: output.filter((item) => 'error' in item.json).length + (execution.status === 'success' ? 0 : 1),
			ms: stoppedAt - startedAt,
			stoppedAt,
			worker: workerOf(id, target.workers),
		});
	}
	const pushes = sandbox.requestsTo(PUSH_PATH);
	const accepted = pushes.filter((push) => push.status === 200).map((push) => push.at);
	const totalItems = sizes.reduce((sum, items) => sum + items, 0);
	return {
		executions: executions.sort((a, b) => b.items - a.items || Number(a.id) - Number(b.id)),
		calls: pushes.length,
		delivered: accepted.length,
		rateLimited: pushes.filter((push) => push.status === 429).length,
		failedItems: executions.reduce((sum, execution) => sum + execution.failedItems, 0) + (totalItems - executions.reduce((sum, execution) => sum + execution.items, 0)),
		maxInAnyWindow: maxInAnyWindow(accepted, sandbox.rateLimit.windowMs),
		wallMs: last - first,
		floorMs: rateLimitFloorMs(totalItems, sandbox.rateLimit.calls, sandbox.rateLimit.windowMs),
		record: pushes.map((push) => ({ at: push.at, status: push.status, label: String((push.body as { Title?: string })?.Title ?? '').replace('Load ', '') })),
	};
}
