import type { IncomingHttpHeaders } from 'http';

import type { LocalHttpServer } from '../harness/localHttpServer';
import { startLocalHttpServer } from '../harness/localHttpServer';
import type { SandboxAccount } from './fixtures';
import type { SandboxOptions } from './server';
import { LeadSquaredSandbox } from './server';

/** Helpers for the CRM sandbox tests: a started sandbox, a client with an account's keys, a webhook receiver. */

/** What the tests read LeadSquared's answers as: JSON whose shape each assertion spells out. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiAnswer<T = Loose> {
	status: number;
	body: T;
}

export function apiClient(sandbox: LeadSquaredSandbox, account: SandboxAccount = sandbox.accounts[0], extraHeaders: Record<string, string> = {}) {
	const call = async <T = Loose>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
		const response = await fetch(sandbox.url + path, {
			method,
			headers: {
				'x-LSQ-AccessKey': account.accessKey,
				'x-LSQ-SecretKey': account.secretKey,
				'Content-Type': 'application/json',
				...extraHeaders,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	};
	return {
		get: async <T = Loose>(path: string) => await call<T>('GET', path),
		post: async <T = Loose>(path: string, body?: unknown) => await call<T>('POST', path, body),
	};
}

export type ApiClient = ReturnType<typeof apiClient>;

export async function control<T = Loose>(sandbox: LeadSquaredSandbox, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
	const response = await fetch(sandbox.url + path, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as T };
}

export const pairs = (fields: Record<string, unknown>) => Object.entries(fields).map(([Attribute, Value]) => ({ Attribute, Value }));

export async function createLead(api: ApiClient, fields: Record<string, unknown>): Promise<string> {
	const answer = await api.post('/v2/LeadManagement.svc/Lead.Create', pairs(fields));
	if (answer.status !== 200) throw new Error(`Lead.Create failed: ${JSON.stringify(answer.body)}`);
	return answer.body.Message.Id as string;
}

/** Registers a webhook through Webhook.svc/Create; `extra` adds or replaces keys (WebhookProperties, ActivityEvent…). */
export async function registerWebhook(api: ApiClient, url: string, event: number, extra: Record<string, unknown> = {}): Promise<string> {
	const answer = await api.post('/v2/Webhook.svc/Create', { Description: `event ${event}`, URL: url, Method: 'POST', ContentType: 'application/json', WebhookEvent: String(event), ...extra });
	if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
	return answer.body.Message.Id as string;
}

/** A sandbox per test file, with webhook retries and the activity batching window scaled down to milliseconds. */
export function useCrmSandbox(options: SandboxOptions = {}): () => LeadSquaredSandbox {
	let sandbox: LeadSquaredSandbox | undefined;
	beforeAll(async () => {
		sandbox = await LeadSquaredSandbox.start({
			rateLimit: { calls: 10_000, windowMs: 5_000 },
			delivery: { retryDelaysMs: [20, 20, 20], disableAfterFailures: 10, timeoutMs: 1_000, batchWindowMs: 30 },
			...options,
		});
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	return () => {
		if (!sandbox) throw new Error('The sandbox has not started');
		return sandbox;
	};
}

export interface ReceivedDelivery {
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/** A local webhook receiver: answers each delivery with the next scripted status (200 once the script is spent). */
export class WebhookReceiver {
	readonly received: ReceivedDelivery[] = [];

	script: number[] = [];

	delayMs = 0;

	url = '';

	private server?: LocalHttpServer;

	static async start(): Promise<WebhookReceiver> {
		const receiver = new WebhookReceiver();
		receiver.server = await startLocalHttpServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				receiver.received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				const status = receiver.script.shift() ?? 200;
				const answer = () => res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok');
				if (receiver.delayMs) setTimeout(answer, receiver.delayMs);
				else answer();
			});
		});
		receiver.url = receiver.server.url;
		return receiver;
	}

	reset(): void {
		this.received.length = 0;
		this.script = [];
		this.delayMs = 0;
	}

	async close(): Promise<void> {
		await this.server?.close();
	}
}

export async function waitFor(condition: () => boolean, timeoutMs = 3_000, what = 'condition'): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
