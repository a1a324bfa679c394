import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { LeadSquaredTrigger } from '../../nodes/LeadSquared/LeadSquaredTrigger.node';
import type { TriggerState } from '../../nodes/LeadSquared/captureTrigger/triggerState';
import { additionalDataFor, LEADSQUARED_CREDENTIAL_ID, workflowWith } from './engine';
import { registerNodeType } from './nodeTypes';

export const TRIGGER_TYPE = 'n8n-nodes-leadsquared.leadSquaredTrigger';

export function triggerNode(parameters: INodeParameters, id = 'b1b2c3d4-0000-4000-8000-00000000000t'): INode {
	return {
		id,
		name: 'LeadSquared Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { event: 'captureFinished', ...parameters },
		credentials: {
			leadSquaredApi: { id: LEADSQUARED_CREDENTIAL_ID, name: 'LeadSquared account' },
			leadSquaredN8nApi: { id: 'cred-n8n', name: 'n8n API' },
		},
	};
}

export interface TriggerProcessOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** The n8n API credential's data (the fake n8n API's URL and key). */
	n8nApi: ICredentialDataDecryptedObject;
	workflowId?: string;
	nodeId?: string;
}

/** The trigger's own state in a workflow's static data (n8n keeps node static data under `node:<name>`). */
const triggerStateIn = (staticData: IDataObject) =>
	(staticData['node:LeadSquared Trigger'] as IDataObject).captureRequestFinished as unknown as TriggerState;

/** n8n's database as one trigger sees it: the static data stored with its latest emission. */
export class StoredStaticData {
	data: IDataObject = {};

	triggerState(): TriggerState {
		return triggerStateIn(this.data);
	}
}

/**
 * The trigger as one n8n main instance runs it: one Workflow object from activation on, whose
 * static data lives in memory between polls and is stored (in `store`) as n8n 1.x stores it:
 * after the first poll (n8n saves it when it has activated the workflow) and whenever a poll
 * emits. A new TriggerProcess on the same store is a restart (n8n activates it again).
 */
export class TriggerProcess {
	private readonly nodeType = new LeadSquaredTrigger();

	private readonly workflow: Workflow;

	private readonly node: INode;

	private freezeAt: number | undefined;

	private statusCalls = 0;

	private frozen?: () => void;

	private polls = 0;

	constructor(
		private readonly options: TriggerProcessOptions,
		private readonly store = new StoredStaticData(),
	) {
		this.node = triggerNode(options.parameters, options.nodeId);
		this.workflow = workflowWith(this.node, options.workflowId ?? 'wf-trigger', JSON.parse(JSON.stringify(store.data))).workflow;
	}

	/** The trigger's state as this instance holds it in memory (stored only with an emission). */
	liveState(): TriggerState {
		return triggerStateIn(this.workflow.staticData);
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		registerNodeType(TRIGGER_TYPE, this.nodeType);
		const hooks = new ExecutionLifecycleHooks(mode, 'poll', workflowWith(this.node).workflowData);
		const additionalData = this.intercepted(
			additionalDataFor(hooks, { leadSquaredApi: this.options.credentials, leadSquaredN8nApi: this.options.n8nApi }),
		);
		const context = new PollContext(this.workflow, this.node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		const result = await this.nodeType.poll.call(context);
		if (mode === 'manual') return result;
		if (this.polls++ === 0 || result !== null) this.store.data = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
		return result;
	}

	/**
	 * Starts a poll that "dies" when it is about to send its `statusCall`-th status call:
	 * that call never returns, so the poll never emits, like a killed instance.
	 * Resolves `{ frozen: true }` then, or with the poll's result if it ended first.
	 */
	async pollUntilFrozen(statusCall: number): Promise<{ frozen: true } | { frozen: false; result: INodeExecutionData[][] | null }> {
		this.freezeAt = statusCall;
		const frozen = new Promise<{ frozen: true }>((resolve) => (this.frozen = () => resolve({ frozen: true })));
		const finished = this.poll().then((result) => ({ frozen: false as const, result }));
		return await Promise.race([frozen, finished]);
	}

	private intercepted(additionalData: IWorkflowExecuteAdditionalData): IWorkflowExecuteAdditionalData {
		const helper = additionalData.credentialsHelper;
		const authenticate = helper.authenticate.bind(helper);
		helper.authenticate = async (...args: Parameters<typeof authenticate>) => {
			const url = String((args[2] as { url?: string }).url ?? '');
			if (url.includes('/lead/status') && this.freezeAt !== undefined && ++this.statusCalls >= this.freezeAt) {
				this.frozen?.();
				return await new Promise<never>(() => {});
			}
			return await authenticate(...args);
		};
		return additionalData;
	}
}

/** The json of a poll's items (none for a poll that emitted nothing). */
export const emittedJson = (result: INodeExecutionData[][] | null) => (result?.[0] ?? []).map((item) => item.json);
