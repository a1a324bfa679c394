import { readFileSync } from 'fs';

import { EXAMPLE_CREDENTIAL_NAME, saveWorkflowAsEditorDoes } from '../demo/exampleWorkflows';
import { N8N_API_CREDENTIAL } from '../demo/credential';
import { measure, table } from '../bench/queueMode';
import type { ModeResults } from '../bench/queueMode';
import type { LoadResult } from './support/pushLoad';
import type { QueueStack } from './support/queueStack';
import { startQueueStack } from './support/queueStack';
import { singleLine } from './support/lines';
import { startStack } from './support/stack';
import type { WorkflowJson } from './support/tooling';
import { nodeOutput } from './support/tooling';

/**
 * n8n in queue mode (a main and two workers, each with its own user folder, sharing only
 * PostgreSQL and Redis) against a sandbox at LeadSquared's 25 calls per 5 s: the rate budget
 * holds across the workers, and the LeadSquared Capture Trigger on the main sees every capture
 * made on any worker exactly once, through restarts. N8N_LINE picks the n8n line (1).
 */
const line = singleLine(process.env.N8N_QUEUE_LINE ?? '1');
const SANDBOX = { rateLimit: { calls: 25, windowMs: 5_000 } };
const START_TIMEOUT_MS = 15 * 60_000;

describe(`queue mode, n8n line ${line}: one rate budget per account across two workers`, () => {
	const modes: ModeResults[] = [];

	beforeAll(async () => {
		const regular = await startStack(line, { label: 'queue-regular', sandbox: SANDBOX });
		try {
			modes.push({ mode: 'regular', results: await measure({ rest: regular.rest, sandbox: regular.sandbox, main: regular.n8n }, 'lsq-load-regular') });
		} finally {
			await regular.stop();
		}
		const queue = await startQueueStack(line, { label: 'queue-load', sandbox: SANDBOX, workers: 2 });
		try {
			modes.push({ mode: 'queue (2 workers)', results: await measure({ rest: queue.rest, sandbox: queue.sandbox, main: queue.main, workers: queue.workers }, 'lsq-load-queue') });
		} finally {
			await queue.stop();
		}
		console.table(table(modes));
	}, START_TIMEOUT_MS + 20 * 60_000);

	const result = (mode: ModeResults['mode'], load: string): LoadResult => modes.find((entry) => entry.mode === mode)!.results[load];

	// How close each load comes to the rate limit's floor, and how many 429s it drew, is printed
	// above and by `npm run bench:queue`: figures, not assertions that would flake on a busy machine.
	const ITEMS = { '6 × 75': 450, '1 × 250 + 3 × 10': 280 };

	it.each(Object.entries(ITEMS))('%s in queue mode: every push delivered exactly once, none failed, on both workers', (load, items) => {
		const queue = result('queue (2 workers)', load);
		expect(queue).toMatchObject({ failedItems: 0, delivered: items });
		expect(queue.maxInAnyWindow).toBeLessThanOrEqual(SANDBOX.rateLimit.calls);
		expect(new Set(queue.executions.map((execution) => execution.worker))).toEqual(new Set([0, 1]));
	});

	it.each(['regular', 'queue (2 workers)'] as const)('in %s mode, no small execution waits behind the large one: all three finish before it', (mode) => {
		const { executions } = result(mode, '1 × 250 + 3 × 10');
		const large = executions.find((execution) => execution.items === 250)!;
		const small = executions.filter((execution) => execution.items === 10);
		expect(small).toHaveLength(3);
		expect(small.every((execution) => execution.stoppedAt < large.stoppedAt)).toBe(true);
	});

	it.each(Object.entries(ITEMS))('%s in regular mode: every push delivered exactly once, with no 429', (load, items) => {
		expect(result('regular', load)).toMatchObject({ failedItems: 0, rateLimited: 0, delivered: items });
	});
});

/** A webhook that captures `count` leads (upserted by e-mail) in one execution. */
function captureWorkflow(path: string): WorkflowJson {
	const code =
		'const { batch, count } = $json.body;\n' +
		"return Array.from({ length: count }, (_, i) => ({ json: { FirstName: 'Queue', EmailAddress: 'queue-' + batch + '-' + i + '@example.com' } }));";
	return {
		name: 'queue: capture leads',
		nodes: [
			{ name: 'Leads webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ name: 'Leads', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: code } },
			{
				name: 'Capture',
				type: 'n8n-nodes-leadsquared.leadSquared',
				typeVersion: 1,
				position: [440, 0],
				parameters: { resource: 'lead', operation: 'captureAsync', fieldsMode: 'json', json: '={{ $json }}', searchBy: 'EmailAddress' },
				credentials: { leadSquaredApi: { id: null, name: EXAMPLE_CREDENTIAL_NAME } },
			},
		],
		connections: {
			'Leads webhook': { main: [[{ node: 'Leads', type: 'main', index: 0 }]] },
			Leads: { main: [[{ node: 'Capture', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const TRIGGER_NODE = 'Capture finished';

function triggerWorkflow(): WorkflowJson {
	return {
		name: 'queue: every capture finished',
		nodes: [
			{
				name: TRIGGER_NODE,
				type: 'n8n-nodes-leadsquared.leadSquaredTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { event: 'captureFinished', outcome: 'any', pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: {
					leadSquaredApi: { id: null, name: EXAMPLE_CREDENTIAL_NAME },
					leadSquaredN8nApi: { id: null, name: N8N_API_CREDENTIAL.name },
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const BATCHES = 20;
const PER_BATCH = 10;

describe(`queue mode, n8n line ${line}: the Capture Trigger on the main sees every capture made on any worker`, () => {
	let stack: QueueStack;
	beforeAll(async () => {
		// A graceful restart lets a worker finish what it runs (30 s by default; a capture run here may queue longer).
		process.env.N8N_GRACEFUL_SHUTDOWN_TIMEOUT = '120';
		stack = await startQueueStack(line, { label: 'queue-trigger', sandbox: SANDBOX, workers: 2 });
	}, START_TIMEOUT_MS);
	afterAll(async () => {
		delete process.env.N8N_GRACEFUL_SHUTDOWN_TIMEOUT;
		await stack?.stop();
	}, 120_000);

	it(`${BATCHES * PER_BATCH} captures over both workers, with the main and a worker restarted mid-run: each emitted exactly once`, async () => {
		const { rest, sandbox } = stack;
		const trigger = await saveWorkflowAsEditorDoes(rest, triggerWorkflow());
		await rest.activateWorkflow(trigger.id);
		const capture = await saveWorkflowAsEditorDoes(rest, captureWorkflow('lsq-queue-capture'));
		await rest.activateWorkflow(capture.id);
		const send = async (batch: number) => {
			const answer = await fetch(`${stack.main.baseUrl}/webhook/lsq-queue-capture`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ batch, count: PER_BATCH }),
			});
			expect(answer.status).toBe(200);
		};

		await Promise.all(Array.from({ length: BATCHES / 2 }, async (_, batch) => await send(batch)));
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		await stack.restartWorker(1);
		await stack.restartMain();
		await Promise.all(Array.from({ length: BATCHES / 2 }, async (_, batch) => await send(BATCHES / 2 + batch)));

		const expected = () => new Set(sandbox.captures().map((request) => request.requestId));
		const emitted: string[] = [];
		const deadline = Date.now() + 8 * 60_000;
		while (Date.now() < deadline) {
			emitted.length = 0;
			for (const { id } of await rest.listExecutions(trigger.id)) {
				const execution = await rest.getExecution(id, true);
				for (const item of nodeOutput(execution, TRIGGER_NODE) ?? []) emitted.push(item.json.requestId as string);
			}
			if (expected().size === BATCHES * PER_BATCH && new Set(emitted).size >= expected().size) break;
			await new Promise((resolve) => setTimeout(resolve, 10_000));
		}

		expect(expected().size).toBe(BATCHES * PER_BATCH);
		expect(emitted.length).toBe(new Set(emitted).size); // none twice
		expect(new Set(emitted)).toEqual(expected()); // none lost
		// the captures ran on both workers
		for (const worker of stack.workers) expect(readFileSync(worker.logFile, 'utf8')).toMatch(/Worker started execution \d+/);
	}, 15 * 60_000);
});
