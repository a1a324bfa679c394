import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { accountJournalDir } from '../../nodes/LeadSquared/captureJournal/paths';
import type { LeadSquaredCredentials } from '../../nodes/LeadSquared/transport/account';
import { accountFrom } from '../../nodes/LeadSquared/transport/account';
import { LeadSquaredTrigger } from '../../nodes/LeadSquaredTrigger/LeadSquaredTrigger.node';
import { statePathFor } from '../../nodes/LeadSquaredTrigger/stateStore';
import { additionalDataFor, workflowWith } from './engine';
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
		credentials: { leadSquaredApi: { id: 'cred-1', name: 'LeadSquared account' } },
	};
}

export interface TriggerProcessOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	workflowId?: string;
	nodeId?: string;
}

/**
 * The trigger as one n8n process runs it: a new node instance, and for every poll a new
 * n8n-core PollContext over a real Workflow. Nothing is kept between instances but what
 * the trigger wrote to disk, so a new TriggerProcess is a restart.
 */
export class TriggerProcess {
	private readonly nodeType = new LeadSquaredTrigger();

	private freezeAt: number | undefined;

	private statusCalls = 0;

	private frozen?: () => void;

	constructor(private readonly options: TriggerProcessOptions) {}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		registerNodeType(TRIGGER_TYPE, this.nodeType);
		const node = triggerNode(this.options.parameters, this.options.nodeId);
		const { workflow, workflowData } = workflowWith(node, this.options.workflowId ?? 'wf-trigger');
		const hooks = new ExecutionLifecycleHooks(mode, 'poll', workflowData);
		const additionalData = this.intercepted(additionalDataFor(hooks, { leadSquaredApi: this.options.credentials }));
		const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		return await this.nodeType.poll.call(context);
	}

	/**
	 * Starts a poll that "dies" when it is about to send its `statusCall`-th status call:
	 * that call never returns, so the poll never saves or emits, like a killed process.
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

/** Where a trigger's state lives, and the journal folder of its account, for assertions. */
export function triggerFiles(options: TriggerProcessOptions): { statePath: string; journalDir: string } {
	const account = accountFrom(options.credentials as LeadSquaredCredentials);
	return {
		statePath: statePathFor(options.workflowId ?? 'wf-trigger', options.nodeId ?? triggerNode({}).id, account.id),
		journalDir: accountJournalDir(account.id),
	};
}
