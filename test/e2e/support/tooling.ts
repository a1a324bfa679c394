/**
 * Typed access to the plain-JS real-n8n tooling beside this folder (n8nInstall.js,
 * n8nProcess.js, n8nRest.js). Only what the TypeScript callers use is typed.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

export type N8nLine = '1' | '2';

export interface N8nInstall {
	line: N8nLine;
	version: string;
	nodeBin: string;
	n8nBin: string;
	dir: string;
}

export interface RunningN8n {
	baseUrl: string;
	port: number;
	pid: number;
	logFile: string;
	userFolder: string;
	install: N8nInstall;
	startupMs: number;
	stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface StartN8nOptions {
	install: N8nInstall;
	userFolder: string;
	port?: number;
	communityPackages?: string[];
	env?: Record<string, string | undefined>;
	logFile?: string;
	timeoutMs?: number;
	/** 'worker': an n8n queue-mode worker (`port` is its health check's). */
	command?: 'start' | 'worker';
}

export interface NodeParameters {
	[key: string]: unknown;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: NodeParameters;
	credentials?: Record<string, { id: string | null; name: string }>;
	webhookId?: string;
	onError?: string;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ExecutionItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}

export interface Execution {
	id: string;
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt: string;
	data: {
		resultData: {
			error?: { message: string; description?: string; name?: string; httpCode?: string; node?: { name: string } };
			lastNodeExecuted?: string;
			runData: Record<string, Array<{ data?: { main: ExecutionItem[][] }; error?: { message: string } }>>;
		};
	};
}

export interface NodeTypeProperty {
	name: string;
	displayName: string;
	type: string;
	options?: Array<{ name: string; value: unknown; action?: string }>;
	displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
	[key: string]: unknown;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	properties: NodeTypeProperty[];
	[key: string]: unknown;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface N8nRestClient {
	baseUrl: string;
	request<T = unknown>(method: string, path: string, body?: unknown, options?: { query?: Record<string, unknown>; raw?: boolean }): Promise<T>;
	setupOwner(owner: { email: string; password: string; firstName?: string; lastName?: string }): Promise<unknown>;
	createCredential(credential: { name: string; type: string; data: Record<string, unknown> }): Promise<{ id: string; name: string }>;
	testCredential(idOrSpec: string | { type: string; data: Record<string, unknown> }): Promise<CredentialTestResult>;
	createWorkflow(json: WorkflowJson): Promise<WorkflowJson & { id: string }>;
	getWorkflow(id: string): Promise<WorkflowJson & { id: string; versionId: string }>;
	activateWorkflow(id: string): Promise<unknown>;
	runWorkflowManually(id: string, options?: { triggerName?: string; timeoutMs?: number }): Promise<Execution>;
	waitForExecution(id: string, options?: { timeoutMs?: number }): Promise<Execution>;
	listExecutions(workflowId?: string): Promise<Array<{ id: string; status: string; mode: string }>>;
	getExecution(id: string, includeData?: boolean): Promise<Execution>;
	getNodeTypes(): Promise<NodeTypeDescription[]>;
	getCredentialTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>>;
}

const install = require('../n8nInstall') as {
	ensureN8n(line: N8nLine): Promise<N8nInstall>;
	LINES: Record<string, { version: string }>;
};
const proc = require('../n8nProcess') as {
	startN8n(options: StartN8nOptions): Promise<RunningN8n>;
	freePort(): Promise<number>;
};
const rest = require('../n8nRest') as {
	N8nRest: new (baseUrl: string) => N8nRestClient;
	nodeOutput(execution: Execution, nodeName: string, outputIndex?: number): ExecutionItem[] | undefined;
};

export const ensureN8n = install.ensureN8n;
export const N8N_LINES = install.LINES;
export const startN8n = proc.startN8n;
export const freePort = proc.freePort;
export const N8nRest = rest.N8nRest;
export const nodeOutput = rest.nodeOutput;
