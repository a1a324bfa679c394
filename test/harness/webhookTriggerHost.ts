import type { IncomingMessage, ServerResponse } from 'http';

import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { LeadSquaredEventTrigger } from '../../nodes/LeadSquared/LeadSquaredEventTrigger.node';
import { additionalDataFor, LEADSQUARED_CREDENTIAL_ID, workflowWith } from './engine';
import type { LocalHttpServer } from './localHttpServer';
import { startLocalHttpServer } from './localHttpServer';
import { registerNodeType } from './nodeTypes';

export const EVENT_TRIGGER_TYPE = 'n8n-nodes-leadsquared.leadSquaredEventTrigger';

const NODE_NAME = 'LeadSquared Instant Trigger';

export interface Answer {
	method: string;
	url: string;
	status: number;
	body: string;
}

/**
 * What n8n does for one workflow with the instant trigger, with n8n-core's own HookContext
 * and WebhookContext: activation runs the node's checkExists / create (delete on
 * deactivation) and then stores the static data, as n8n saves it to its database; every
 * request to the trigger's URL (a real HTTP server on 127.0.0.1) runs `webhook()` on a
 * workflow built from the stored static data, as n8n loads it per request, answers as n8n
 * does, and records the execution it would start.
 */
export class WebhookTriggerHost {
	readonly executions: IDataObject[][] = [];

	readonly answers: Answer[] = [];

	/** The node's static data as n8n's database holds it. */
	stored: IDataObject = {};

	baseUrl = '';

	private readonly nodeType = new LeadSquaredEventTrigger();

	private server?: LocalHttpServer;

	/** Requests still to be held back before the node sees them, like an n8n busy with a burst. */
	private stalls: number[] = [];

	/** The static data of the "Listen for test event" registration, which n8n keeps in memory only. */
	private testStaticData?: IDataObject;

	constructor(
		public parameters: INodeParameters,
		private readonly credentials: ICredentialDataDecryptedObject,
		private readonly webhookId = 'c0ffee00-0000-4000-8000-000000000001',
		private readonly workflowId = 'wf-event-trigger',
	) {
		registerNodeType(EVENT_TRIGGER_TYPE, this.nodeType);
	}

	static async start(parameters: INodeParameters, credentials: ICredentialDataDecryptedObject): Promise<WebhookTriggerHost> {
		const host = new WebhookTriggerHost(parameters, credentials);
		host.server = await startLocalHttpServer((req, res) => void host.handle(req, res));
		host.baseUrl = host.server.url;
		return host;
	}

	async close(): Promise<void> {
		await this.server?.close();
	}

	get productionUrl(): string {
		return `${this.baseUrl}/webhook/${this.webhookId}/webhook`;
	}

	get testUrl(): string {
		return `${this.baseUrl}/webhook-test/${this.webhookId}/webhook`;
	}

	/** Holds the next `count` requests for `ms` before running the node on them. */
	stall(count: number, ms: number): void {
		this.stalls.push(...Array.from({ length: count }, () => ms));
	}

	/** The node's part of the stored static data. */
	nodeStaticData(): IDataObject {
		return (this.stored[`node:${NODE_NAME}`] as IDataObject | undefined) ?? {};
	}

	/** n8n activating the workflow (or re-activating it at start-up, `init`): checkExists, then create if needed. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		const { workflow, context } = this.hookContext('trigger', activation, false, this.stored);
		if (!(await this.runMethod('checkExists', context))) await this.runMethod('create', context);
		this.stored = clone(workflow.staticData);
	}

	async deactivate(): Promise<boolean> {
		const { workflow, context } = this.hookContext('internal', 'update', false, this.stored);
		const removed = await this.runMethod('delete', context);
		this.stored = clone(workflow.staticData);
		return removed;
	}

	/** "Listen for test event": registers the test URL with a copy of the stored static data, kept apart. */
	async listenForTestEvent(): Promise<void> {
		const { workflow, context } = this.hookContext('manual', 'manual', true, this.stored);
		if (!(await this.runMethod('checkExists', context))) await this.runMethod('create', context);
		this.testStaticData = clone(workflow.staticData);
	}

	async stopListening(): Promise<void> {
		const { context } = this.hookContext('internal', 'update', true, this.testStaticData ?? {});
		await this.runMethod('delete', context);
		this.testStaticData = undefined;
	}

	private node(): INode {
		return {
			id: 'e1e2e3e4-0000-4000-8000-000000000001',
			name: NODE_NAME,
			type: EVENT_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: this.webhookId,
			parameters: this.parameters,
			credentials: { leadSquaredApi: { id: LEADSQUARED_CREDENTIAL_ID, name: 'LeadSquared account' } },
		};
	}

	private additionalData(mode: WorkflowExecuteMode, workflowData: ReturnType<typeof workflowWith>['workflowData']): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks(mode, 'webhook', workflowData);
		return {
			...additionalDataFor(hooks, { leadSquaredApi: this.credentials }),
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
		};
	}

	private webhookData(name: 'default' | 'setup', additionalData: IWorkflowExecuteAdditionalData, isTest: boolean, method?: string): IWebhookData {
		const webhookDescription = this.nodeType.description.webhooks!.find((webhook) => webhook.name === name && (!method || webhook.httpMethod === method)) as IWebhookDescription;
		return {
			httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
			node: NODE_NAME,
			path: `${this.webhookId}/webhook`,
			webhookDescription,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: additionalData,
			isTest,
		};
	}

	private hookContext(mode: WorkflowExecuteMode, activation: WorkflowActivateMode, isTest: boolean, staticData: IDataObject) {
		const node = this.node();
		const { workflow, workflowData } = workflowWith(node, this.workflowId, clone(staticData));
		const additionalData = this.additionalData(mode, workflowData);
		const context = new HookContext(workflow, node, additionalData, mode, activation, this.webhookData('default', additionalData, isTest));
		return { workflow, context };
	}

	private async runMethod(method: 'checkExists' | 'create' | 'delete', context: HookContext): Promise<boolean> {
		return await this.nodeType.webhookMethods.default[method].call(context);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const record = (status: number, body: string) => {
			this.answers.push({ method: req.method ?? '', url: req.url ?? '', status, body });
		};
		const isTest = (req.url ?? '').startsWith('/webhook-test/');
		const name = req.method === 'HEAD' || req.method === 'GET' ? 'setup' : req.method === 'POST' ? 'default' : undefined;
		if (!name || ![this.productionUrl, this.testUrl].some((url) => url.endsWith(req.url ?? '\0'))) {
			res.writeHead(404).end();
			return record(404, '');
		}
		const stallMs = this.stalls.shift();
		if (stallMs) await new Promise((resolve) => setTimeout(resolve, stallMs));
		try {
			(req as IncomingMessage & { body?: unknown }).body = /json/.test(req.headers['content-type'] ?? '') && text ? JSON.parse(text) : {};
			const node = this.node();
			const staticData = isTest ? this.testStaticData ?? {} : this.stored;
			const { workflow, workflowData } = workflowWith(node, this.workflowId, clone(staticData));
			const mode = isTest ? 'manual' : 'webhook';
			const additionalData = { ...this.additionalData(mode, workflowData), httpRequest: req, httpResponse: res } as IWorkflowExecuteAdditionalData;
			const context = new WebhookContext(workflow, node, additionalData, mode, this.webhookData(name, additionalData, isTest, req.method), [], null);
			const result = await this.nodeType.webhook.call(context);
			// As n8n does: with noWebhookResponse the node has answered (or chosen not to); otherwise, in response
			// mode "on received", n8n answers 200 with the node's webhookResponse. workflowData starts an execution.
			if (result.noWebhookResponse) {
				if (!res.socket?.destroyed) await new Promise((resolve) => (res.writableFinished ? resolve(undefined) : res.on('finish', resolve)));
				record(res.writableFinished ? res.statusCode : 0, '');
			} else {
				const body = JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' });
				res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
				record(200, body);
			}
			if (result.workflowData) this.executions.push(result.workflowData[0].map((item) => item.json));
		} catch (error) {
			res.writeHead(500).end((error as Error).message);
			record(500, (error as Error).message);
		}
	}
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;
