import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, IRun, IWorkflowBase } from 'n8n-workflow';

export const N8N_API_KEY = 'n8n-api-key-for-tests-5f1c';

export interface StoredExecution {
	id: string;
	workflowId: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
	/** When n8n created it (defaults to startedAt). */
	createdAt?: string;
	/** Soft-deleted by n8n's pruning: neither listed nor found by number. */
	deletedAt?: string;
	data?: unknown;
	workflowData: IDataObject;
	/** Running in the answering instance: n8n's listing leaves it out (unless asked for running ones). */
	activeHere?: boolean;
}

const MAY_NOT_BE_PRUNED = new Set(['new', 'running', 'waiting']);

/**
 * A stand-in for the part of n8n's public API the LeadSquared Trigger reads, for engine tests:
 * executions listed newest first with n8n's cursor paging, one execution with or without its
 * data, workflows. The executions hold the run data of real engine runs. It follows n8n
 * (1.123.81 and 2.41.1; the real n8n is what the end-to-end tests use):
 * - the list leaves out the executions running in the answering instance unless asked for
 *   `status=running` (1.123: `excludedExecutionsIds: status !== 'running' ? runningExecutionsIds`
 *   in packages/cli/src/public-api/v1/handlers/executions/executions.handler.ts; 2.41:
 *   `excludeRunning: query.status !== 'running'` in public-api/v1/controllers/
 *   executions.public.controller.ts and ExecutionService.findManyAndCount), and has no createdAt;
 * - `GET /executions/{id}` answers any execution of the key's workflows, running ones
 *   included, with its createdAt (getExecutionInWorkflowsForPublicApi / findOneInWorkflows),
 *   and 404 for one that is pruned (soft-deleted: ExecutionEntity's `@DeleteDateColumn
 *   deletedAt` keeps it out of every find), never was, or belongs to a workflow the key
 *   cannot see (`skipIds`);
 * - pruning (`prune`) is ExecutionRepository.softDeletePrunableExecutions in @n8n/db.
 */
export class FakeN8nApi {
	readonly executions = new Map<string, StoredExecution>();

	readonly workflows = new Map<string, IDataObject>();

	/** Every request received, for assertions. */
	readonly requests: Array<{ method: string; path: string; query: Record<string, string> }> = [];

	url = '';

	private nextId = 1;

	private server?: Server;

	/** `now`: the time n8n stamps executions with (a test's virtual clock). */
	constructor(private readonly now: () => number = Date.now) {}

	static async start(now?: () => number): Promise<FakeN8nApi> {
		const api = new FakeN8nApi(now);
		api.server = createServer((req, res) => api.handle(req, res));
		await new Promise<void>((resolve) => api.server!.listen(0, '127.0.0.1', resolve));
		api.url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
		return api;
	}

	async close(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	credentialsFor(apiKey = N8N_API_KEY) {
		return { apiKey, baseUrl: this.url };
	}

	saveWorkflow(workflow: Pick<IWorkflowBase, 'id' | 'name' | 'nodes'> & { settings?: IDataObject }): void {
		this.workflows.set(workflow.id, { ...workflow, settings: workflow.settings ?? {} } as unknown as IDataObject);
	}

	/** Stores an engine run as n8n stores an execution, at the test's time; returns its ID. */
	recordRun(run: IRun, workflow: Pick<IWorkflowBase, 'id' | 'name' | 'nodes'>): string {
		return this.add(this.asExecution(run, workflow));
	}

	/** An execution that was running (see `add`) finishes with an engine run's data. */
	finish(id: string, run: IRun, workflow: Pick<IWorkflowBase, 'id' | 'name' | 'nodes'>): void {
		const { createdAt } = this.executions.get(id) ?? {};
		this.executions.set(id, { id, ...this.asExecution(run, workflow), ...(createdAt ? { createdAt } : {}) });
	}

	private asExecution(run: IRun, workflow: Pick<IWorkflowBase, 'id' | 'name' | 'nodes'>): Omit<StoredExecution, 'id'> {
		if (!this.workflows.has(workflow.id)) this.saveWorkflow(workflow);
		const at = this.now();
		const data = JSON.parse(JSON.stringify(run.data)) as IRun['data'];
		for (const tasks of Object.values(data.resultData.runData)) for (const task of tasks) task.startTime = at;
		return {
			workflowId: workflow.id,
			status: run.status,
			startedAt: new Date(at).toISOString(),
			stoppedAt: new Date(at).toISOString(),
			data,
			workflowData: { id: workflow.id, name: workflow.name, nodes: workflow.nodes } as unknown as IDataObject,
		};
	}

	add(execution: Omit<StoredExecution, 'id'>): string {
		const id = String(this.nextId++);
		this.executions.set(id, { id, createdAt: execution.startedAt, ...execution });
		return id;
	}

	/**
	 * n8n's pruning: soft-deletes the finished executions that stopped more than `maxAgeMs` ago
	 * (EXECUTIONS_DATA_MAX_AGE) or are not among the newest `maxCount` (EXECUTIONS_DATA_PRUNE_MAX_COUNT,
	 * 0 for no limit); new, running and waiting ones are never pruned.
	 */
	prune({ maxAgeMs = Infinity, maxCount = 0 }: { maxAgeMs?: number; maxCount?: number }): void {
		const kept = [...this.executions.values()].filter((execution) => !execution.deletedAt).sort((a, b) => Number(b.id) - Number(a.id));
		const countLimit = maxCount > 0 && kept[maxCount] ? Number(kept[maxCount].id) : -Infinity;
		for (const execution of kept) {
			if (MAY_NOT_BE_PRUNED.has(execution.status)) continue;
			const tooOld = execution.stoppedAt !== null && Date.parse(execution.stoppedAt) <= this.now() - maxAgeMs;
			if (tooOld || Number(execution.id) <= countLimit) execution.deletedAt = new Date(this.now()).toISOString();
		}
	}

	/** Skips execution numbers, as n8n does for executions of workflows the key cannot see. */
	skipIds(count: number): void {
		this.nextId += count;
	}

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const url = new URL(req.url ?? '/', 'http://n8n');
		const query = Object.fromEntries(url.searchParams.entries());
		this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query });
		if (req.headers['x-n8n-api-key'] !== N8N_API_KEY) return send(res, 401, { message: 'unauthorized' });
		const [, api, version, collection, id] = url.pathname.split('/');
		if (api !== 'api' || version !== 'v1') return send(res, 404, { message: 'not found' });
		if (collection === 'executions' && !id) return send(res, 200, this.list(query));
		if (collection === 'executions') {
			const execution = this.executions.get(id);
			if (!execution || execution.deletedAt) return send(res, 404, { message: 'Not Found' });
			return send(res, 200, { ...this.shape(execution, query.includeData === 'true'), createdAt: execution.createdAt });
		}
		if (collection === 'workflows' && !id) return send(res, 200, { data: [...this.workflows.values()], nextCursor: null });
		if (collection === 'workflows') {
			const workflow = this.workflows.get(id);
			return workflow ? send(res, 200, workflow) : send(res, 404, { message: 'Not Found' });
		}
		send(res, 404, { message: 'not found' });
	}

	private list(query: Record<string, string>) {
		const limit = Number(query.limit ?? 100);
		const lastId = query.cursor ? Number(JSON.parse(Buffer.from(query.cursor, 'base64').toString()).lastId) : Infinity;
		const matching = [...this.executions.values()]
			.filter((execution) => Number(execution.id) < lastId && !execution.deletedAt)
			.filter((execution) => !query.workflowId || execution.workflowId === query.workflowId)
			.filter((execution) => query.status === 'running' || !execution.activeHere)
			.filter((execution) => !query.status || execution.status === query.status)
			.sort((a, b) => Number(b.id) - Number(a.id));
		const page = matching.slice(0, limit);
		const more = matching.length > limit;
		const nextCursor = more ? Buffer.from(JSON.stringify({ lastId: page[page.length - 1].id, limit })).toString('base64') : null;
		return { data: page.map((execution) => this.shape(execution, query.includeData === 'true')), nextCursor };
	}

	private shape(execution: StoredExecution, includeData: boolean) {
		const { data, workflowData, activeHere, createdAt, deletedAt, ...summary } = execution;
		return { ...summary, finished: execution.status === 'success', ...(includeData ? { data, workflowData } : {}) };
	}
}

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}
