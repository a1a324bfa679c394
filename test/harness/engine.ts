import { ExecutionLifecycleHooks, ExternalSecretsProxy, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { NODE_TYPE, nodeTypes } from './nodeTypes';

export interface RunNodeOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	/** Whole input items (with binary data), instead of `items`. */
	inputItems?: INodeExecutionData[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	nodeType?: string;
	workflowId?: string;
	executionId?: string;
}

export interface NodeRun {
	status: IRun['status'];
	/** The node's output items (first output). */
	items: INodeExecutionData[];
	/** The error that stopped the node, if it failed. */
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
	run: IRun;
	/** The one-node workflow it ran in, as n8n would store it with the execution. */
	workflowData: IWorkflowBase;
}

let executionCounter = 0;

/** The ID n8n would give the LeadSquared credential every test node uses. */
export const LEADSQUARED_CREDENTIAL_ID = 'cred-1';

export function additionalDataFor(
	hooks: ExecutionLifecycleHooks,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	executionId?: string,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		executionId,
		externalSecretsProxy: new ExternalSecretsProxy(),
		credentialsHelper: new TestCredentialsHelper(credentials),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs one LeadSquared node inside n8n-core's real engine (`WorkflowExecute` over a
 * `Workflow`), feeding it `items`, with real HTTP to wherever the credential points.
 */
function nodeFor(options: Pick<RunNodeOptions, 'parameters' | 'continueOnFail' | 'nodeType'>): INode {
	return {
		id: 'a1b2c3d4-0000-4000-8000-000000000001',
		name: 'LeadSquared',
		type: options.nodeType ?? NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { leadSquaredApi: { id: LEADSQUARED_CREDENTIAL_ID, name: 'LeadSquared account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

export function workflowWith(node: INode, id = 'wf-test', staticData?: IDataObject): { workflow: Workflow; workflowData: IWorkflowBase } {
	const workflowData: IWorkflowBase = {
		id,
		name: 'LeadSquared test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
		staticData,
	});
	return { workflow, workflowData };
}

/**
 * Runs one LeadSquared node inside n8n-core's real engine (`WorkflowExecute` over a
 * `Workflow`), feeding it `items`, with real HTTP to wherever the credential points.
 */
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const executionId = options.executionId ?? `test-${++executionCounter}`;
	const node = nodeFor(options);
	const { workflow, workflowData } = workflowWith(node, options.workflowId);

	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));

	const inputItems: INodeExecutionData[] = options.inputItems ?? (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [inputItems] }, source: null }] },
	});
	const additionalData = additionalDataFor(hooks, { leadSquaredApi: options.credentials }, executionId);
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished.promise;

	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		status: run.status,
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
		workflowData,
	};
}

type EditorCallOptions = Pick<RunNodeOptions, 'parameters' | 'credentials' | 'nodeType'>;

/** The context n8n-core gives the editor's calls to a node's methods (dropdowns, lists). */
function editorContext(options: EditorCallOptions) {
	const node = nodeFor(options);
	const { workflow, workflowData } = workflowWith(node);
	const hooks = new ExecutionLifecycleHooks('manual', 'load-options', workflowData);
	// The editor sends the node's current parameters along, for loaders that depend on them.
	const additionalData = { ...additionalDataFor(hooks, { leadSquaredApi: options.credentials }), currentNodeParameters: options.parameters };
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	return { context, methods: nodeTypes.getByNameAndVersion(node.type).methods };
}

/** Calls one of the node's dropdown loaders through n8n-core's LoadOptionsContext, as the editor does. */
export async function loadOptions(method: string, options: EditorCallOptions): Promise<INodePropertyOptions[]> {
	const { context, methods } = editorContext(options);
	const loader = methods?.loadOptions?.[method];
	if (!loader) throw new Error(`The node has no loadOptions method "${method}"`);
	return await loader.call(context);
}

/** Calls one of the node's resource-locator list searches, as the editor does when the list opens or the user types. */
export async function listSearch(
	method: string,
	options: EditorCallOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { context, methods } = editorContext(options);
	const search = methods?.listSearch?.[method];
	if (!search) throw new Error(`The node has no listSearch method "${method}"`);
	return await search.call(context, options.filter, options.paginationToken);
}
