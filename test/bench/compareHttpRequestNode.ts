import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { upsertCredential } from '../demo/credential';
import { EXAMPLE_CREDENTIAL_NAME, saveWorkflowAsEditorDoes } from '../demo/exampleWorkflows';
import { httpRequestNode } from './support/httpRequestNode';
import { LeadSquaredSandbox } from '../sandbox/server';
import { REPO_ROOT } from '../e2e/support/builtNode';
import { singleLine } from '../e2e/support/lines';
import { ARTIFACTS_DIR, OWNER } from '../e2e/support/stack';
import type { N8nRestClient, RunningN8n, WorkflowJson, WorkflowNode } from '../e2e/support/tooling';
import { ensureN8n, N8nRest, nodeOutput, startN8n } from '../e2e/support/tooling';

/**
 * `npm run bench:compare`: N browser pushes through this node and through n8n's HTTP
 * Request node, in one real n8n against one sandbox with LeadSquared's rate limit.
 * Env: N8N_LINE (1), BENCH_ITEMS (150), BENCH_RATE_CALLS (25), BENCH_WINDOW_MS (5000).
 */
const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';
const SENDER = 'Send pushes';

type SenderNode = Pick<WorkflowNode, 'type' | 'typeVersion' | 'parameters' | 'credentials'>;

interface Settings {
	line: ReturnType<typeof singleLine>;
	items: number;
	calls: number;
	windowMs: number;
}

interface Result {
	node: string;
	executionStatus: string;
	executionMs: number;
	firstToLastMs: number;
	requests: number;
	delivered: number;
	rateLimited: number;
	otherErrors: number;
	outputItems: number;
	failedItems: number;
}

function positiveInt(name: string, fallback: number): number {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
	return value;
}

/** Manual Trigger → Code (N items) → the node under test. Both runs continue on error, so failed items can be counted. */
function benchWorkflow(name: string, items: number, sender: SenderNode): WorkflowJson {
	const code = `return Array.from({ length: ${items} }, (_, i) => ({ json: { title: 'Bench push ' + (i + 1), content: 'Item ' + (i + 1) + ' of ${items}' } }));`;
	return {
		name,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ name: `${items} items`, type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: code } },
			{ ...sender, name: SENDER, position: [440, 0], onError: 'continueRegularOutput' },
		],
		connections: {
			Start: { main: [[{ node: `${items} items`, type: 'main', index: 0 }]] },
			[`${items} items`]: { main: [[{ node: SENDER, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function leadSquaredNode(): SenderNode {
	return {
		type: 'n8n-nodes-leadsquared.leadSquared',
		typeVersion: 1,
		parameters: {
			resource: 'notification',
			operation: 'sendBrowserPush',
			userId: '',
			title: '={{ $json.title }}',
			content: '={{ $json.content }}',
			additionalFields: {},
		},
		credentials: { leadSquaredApi: { id: null, name: EXAMPLE_CREDENTIAL_NAME } },
	};
}

/** HTTP Request with its defaults. */
function httpRequestPushNode(sandboxUrl: string): SenderNode {
	return httpRequestNode(`${sandboxUrl}${PUSH_PATH}`, '={{ JSON.stringify({ Title: $json.title, Content: $json.content }) }}');
}

async function measure(
	label: string,
	workflow: WorkflowJson,
	rest: N8nRestClient,
	sandbox: LeadSquaredSandbox,
	timeoutMs: number,
): Promise<Result> {
	sandbox.clearRecord(); // also forgets the rate-limit history
	const created = await saveWorkflowAsEditorDoes(rest, workflow);
	console.log(`running: ${label}…`);
	const execution = await rest.runWorkflowManually(created.id, { timeoutMs });
	const pushes = sandbox.requestsTo(PUSH_PATH);
	const output = nodeOutput(execution, SENDER) ?? [];
	return {
		node: label,
		executionStatus: execution.status,
		executionMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
		firstToLastMs: pushes.length ? pushes[pushes.length - 1].at - pushes[0].at : 0,
		requests: pushes.length,
		delivered: pushes.filter((push) => push.status === 200).length,
		rateLimited: pushes.filter((push) => push.status === 429).length,
		otherErrors: pushes.filter((push) => push.status !== 200 && push.status !== 429).length,
		outputItems: output.length,
		failedItems: output.filter((item) => 'error' in item.json).length,
	};
}

function report(settings: Settings, install: { version: string }, results: Result[]): void {
	const floorMs = Math.floor((settings.items - 1) / settings.calls) * settings.windowMs;
	const seconds = (ms: number) => (ms / 1000).toFixed(1);
	console.log('');
	console.log(
		`n8n ${install.version} (line ${settings.line}), ${settings.items} browser pushes, sandbox rate limit ${settings.calls} calls per ${settings.windowMs / 1000} s`,
	);
	console.log(`rate-limit floor: floor((N-1)/calls) × window = ${seconds(floorMs)} s`);
	console.log('Both sending nodes run with default settings except Settings → On Error: "Continue" (continueRegularOutput),');
	console.log('so that failed items reach the output and can be counted (n8n’s default stops the node at the first error).');
	console.table(
		results.map((result) => ({
			node: result.node,
			'execution (s)': seconds(result.executionMs),
			'first→last push (s)': seconds(result.firstToLastMs),
			'requests sent': result.requests,
			'delivered (200)': result.delivered,
			'429s': result.rateLimited,
			'other errors': result.otherErrors,
			'failed items': `${result.failedItems} of ${result.outputItems}`,
			'first→last / floor': floorMs ? (result.firstToLastMs / floorMs).toFixed(2) : '-',
			'execution / floor': floorMs ? (result.executionMs / floorMs).toFixed(2) : '-',
		})),
	);
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const file = join(ARTIFACTS_DIR, `bench-compare-line${settings.line}-${settings.items}x-${settings.calls}per${settings.windowMs}ms.json`);
	writeFileSync(file, JSON.stringify({ settings, n8n: install.version, floorMs, results }, null, 2) + '\n');
	console.log(`(saved ${file})`);
}

async function main() {
	const settings: Settings = {
		line: singleLine(),
		items: positiveInt('BENCH_ITEMS', 150),
		calls: positiveInt('BENCH_RATE_CALLS', 25),
		windowMs: positiveInt('BENCH_WINDOW_MS', 5000),
	};
	const sandbox = await LeadSquaredSandbox.start({ rateLimit: { calls: settings.calls, windowMs: settings.windowMs } });
	const userFolder = mkdtempSync(join(tmpdir(), 'lsq-bench-n8n-'));
	let n8n: RunningN8n | undefined;
	try {
		const install = await ensureN8n(settings.line);
		n8n = await startN8n({ install, userFolder, communityPackages: [REPO_ROOT], logFile: join(ARTIFACTS_DIR, `n8n-line${settings.line}-bench.log`) });
		const rest = new N8nRest(n8n.baseUrl);
		await rest.setupOwner(OWNER);
		await upsertCredential(rest, EXAMPLE_CREDENTIAL_NAME, sandbox.credentialsFor());
		const timeoutMs = Math.max(120_000, 4 * Math.ceil(settings.items / settings.calls) * settings.windowMs);
		const results = [
			await measure('LeadSquared node', benchWorkflow('bench: LeadSquared node', settings.items, leadSquaredNode()), rest, sandbox, timeoutMs),
			await measure('HTTP Request node', benchWorkflow('bench: HTTP Request node', settings.items, httpRequestPushNode(sandbox.url)), rest, sandbox, timeoutMs),
		];
		report(settings, install, results);
	} finally {
		await n8n?.stop();
		await sandbox.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
