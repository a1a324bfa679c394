import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

import type { CaptureRequest, LeadAttribute, QueueOptions } from './asyncQueue';
import { AsyncQueue, DEFAULT_QUEUE } from './asyncQueue';
import type { FaultKind, FaultRule } from './faults';
import { FaultPlan, infrastructureFailure, seededRandom } from './faults';
import { crmControlRoutes } from './crm/control';
import { Crm } from './crm/crm';
import { MxFailure } from './crm/common';
import type { RateLimitOptions } from './crm/limits';
import { CallLimiter, rateLimitExceeded } from './crm/limits';
import type { WebhookDeleteForm, WebhookEventNumbers } from './crm/unconfirmed';
import { METHOD_NOT_ALLOWED } from './crm/unconfirmed';
import type { MultipartBody } from './crm/files';
import type { DeliveryOptions } from './crm/webhookDelivery';
import type { SandboxAccount } from './fixtures';
import { DEMO_ACCOUNT, US_ACCOUNT } from './fixtures';
import { checkAgentPopup, checkBrowserPush, checkCapture, checkConverse } from './payloadRules';

export type { RateLimitOptions };

/** Not confirmed by LeadSquared (its page shows the URL only as an image); the package's default. */
export const CONVERSE_NOTIFICATION_PATH = '/v2/Converse.svc/SystemNotification.Send';

export interface SandboxOptions {
	host?: string;
	port?: number;
	accounts?: SandboxAccount[];
	rateLimit?: RateLimitOptions;
	/** Lower limit of bulk APIs (off unless set). */
	bulkRateLimit?: RateLimitOptions;
	/** Calls per access key per UTC day (off unless set). */
	dailyQuota?: number;
	/** Webhook delivery: retry waits, disable-after count, timeout, batching window. */
	delivery?: Partial<DeliveryOptions>;
	/** Which form of Webhook.svc/Delete the accounts take (unsettled: see WEBHOOK_DELETE_PATH). */
	webhookDeleteForm?: WebhookDeleteForm;
	queue?: Partial<QueueOptions>;
	faults?: FaultRule[];
	seed?: number;
	/** Clock of the async queue (a test may pass a virtual one). */
	clock?: () => number;
	/**
	 * Paths no LeadSquared page shows, served elsewhere (from → to), for tests of the node's
	 * overrides: the sandbox then answers at `from` what LeadSquared answers to a path it does
	 * not have, and serves the API at `to`.
	 */
	relocatedPaths?: Record<string, string>;
}

export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	/** Path and query string exactly as received. */
	url: string;
	headers: Record<string, string>;
	rawBody: string;
	body: unknown;
	accessKey?: string;
	status?: number;
	response?: unknown;
	fault?: FaultKind;
	/** The connection was closed without an answer. */
	dropped?: boolean;
	/** For captures that were accepted: the RequestID handed out. */
	requestId?: string;
}

type Reply = { status: number; body: unknown; contentType?: string; headers?: Record<string, string> };

type Handler = (ctx: { account: SandboxAccount; body: unknown; query: URLSearchParams; record: RecordedRequest }) => Reply;

interface Route {
	async: boolean;
	handler: Handler;
	bulk?: boolean;
	optionalBody?: boolean;
	multipart?: boolean;
}

const error = (status: number, type: string, message: string): Reply => ({
	status,
	body: { Status: 'Error', ExceptionType: type, ExceptionMessage: message },
});

const badRequest = (message: string) => error(400, 'MXInvalidInputException', message);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A local stand-in for LeadSquared: the endpoints this package uses, with their
 * authentication, payload rules, rate limit, async queue and error shapes, plus
 * injectable faults and a record of every request received.
 */
export class LeadSquaredSandbox {
	readonly requests: RecordedRequest[] = [];

	readonly queue: AsyncQueue;

	readonly accounts: SandboxAccount[];

	rateLimit: RateLimitOptions;

	bulkRateLimit?: RateLimitOptions;

	dailyQuota?: number;

	relocatedPaths: Record<string, string>;

	/** LeadSquared's CRM: leads (shared with the async queue), activities, tasks, opportunities, notes, webhooks. */
	readonly crm: Crm;

	private readonly faults: FaultPlan;

	private readonly limiter = new CallLimiter();

	private readonly sockets = new Set<Socket>();

	private server?: Server;

	url = '';

	constructor(private readonly options: SandboxOptions = {}) {
		this.accounts = options.accounts ?? [DEMO_ACCOUNT, US_ACCOUNT];
		this.rateLimit = options.rateLimit ?? { calls: 25, windowMs: 5_000 };
		this.bulkRateLimit = options.bulkRateLimit;
		this.dailyQuota = options.dailyQuota;
		this.relocatedPaths = options.relocatedPaths ?? {};
		const clock = options.clock ?? Date.now;
		this.queue = new AsyncQueue({ ...DEFAULT_QUEUE, ...options.queue }, clock);
		this.crm = new Crm({
			accounts: this.accounts,
			leadTable: this.queue.leads,
			now: clock,
			materialize: () => this.queue.materialize(),
			nextCaptureFinish: () => this.queue.nextFinish(),
			delivery: options.delivery,
			webhookDeleteForm: options.webhookDeleteForm,
		});
		this.queue.onLeadWritten = (accountKey, lead, created) => this.crm.leadWritten(accountKey, lead, created);
		Object.assign(this.routes, this.crmRoutes());
		this.faults = new FaultPlan(seededRandom(options.seed ?? 1));
		this.faults.set(options.faults ?? []);
	}

	static async start(options: SandboxOptions = {}): Promise<LeadSquaredSandbox> {
		const sandbox = new LeadSquaredSandbox(options);
		await sandbox.listen();
		return sandbox;
	}

	async listen(): Promise<void> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
		const { address, port } = this.server.address() as AddressInfo;
		this.url = `http://${address}:${port}`;
	}

	async close(): Promise<void> {
		this.crm.close();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	setFaults(rules: FaultRule[], seed?: number): void {
		this.faults.set(rules, seed);
	}

	setQueue(options: Partial<QueueOptions>): void {
		this.queue.options = { ...this.queue.options, ...options };
	}

	/** Forgets recorded requests and rate-limit history (leads and captures stay). */
	clearRecord(): void {
		this.requests.length = 0;
		this.limiter.clear();
	}

	/** Credential data for the LeadSquared credential that points at this sandbox. */
	credentialsFor(account: SandboxAccount = this.accounts[0]) {
		return {
			accessKey: account.accessKey,
			secretKey: account.secretKey,
			asyncApiKey: account.asyncApiKey,
			region: 'custom',
			apiUrl: this.url,
			asyncApiUrl: this.url,
			// The file host (files.leadsquared.com and its regional twins) is served here too.
			fileUploadUrl: this.url,
			rateLimitCalls: this.rateLimit.calls,
			rateLimitWindowSeconds: this.rateLimit.windowMs / 1000,
			// Without a bulk limit of its own, a bulk call is held only by the ordinary one.
			bulkRateLimitCalls: (this.bulkRateLimit ?? this.rateLimit).calls,
		};
	}

	/** Recorded requests to a path (and method), for assertions. */
	requestsTo(path: string, method = 'POST'): RecordedRequest[] {
		return this.requests.filter((request) => request.path === path && request.method === method);
	}

	captures(): CaptureRequest[] {
		this.queue.materialize();
		return [...this.queue.requests.values()];
	}

	private readonly routes: Record<string, Route> = {
		'POST /v2/Notifier.svc/Browser.Push': {
			async: false,
			handler: ({ account, body }) => {
				const problem = checkBrowserPush(body, account.users);
				if (problem) return badRequest(problem);
				return { status: 200, body: { Status: 'Success', Message: { Message: 'Message broadcasted successfully' } } };
			},
		},
		[`POST ${CONVERSE_NOTIFICATION_PATH}`]: {
			async: false,
			handler: ({ account, body }) => {
				const problem = checkConverse(body, account.users);
				if (problem) return badRequest(problem);
				return { status: 200, body: { MessageID: `${crypto.randomUUID()}_${Date.now()}`, Success: true } };
			},
		},
		'POST /v2/Telephony.svc/ShowAgentPopup': {
			async: false,
			handler: ({ account, body }) => {
				const problem = checkAgentPopup(body, account.users);
				if (problem) return badRequest(problem);
				return {
					status: 200,
					body: { Status: 'Success', Message: { Id: crypto.randomUUID(), Message: 'Message broadcasted successfully' } },
				};
			},
		},
		'POST /lead/capture': {
			async: true,
			handler: ({ account, body, record }) => {
				const problem = checkCapture(body);
				if (problem) return badRequest(problem);
				const request = this.queue.submit(account.accessKey, body as LeadAttribute[], record.rawBody);
				record.requestId = request.requestId;
				this.crm.captureQueued();
				return {
					status: 200,
					body: {
						Status: 'Request accepted. Please use below request id to check the status',
						RequestID: request.requestId,
					},
				};
			},
		},
		'GET /lead/status': {
			async: true,
			handler: ({ account, query }) => {
				const requestId = query.get('RequestID') ?? query.get('requestId') ?? '';
				if (!GUID.test(requestId)) return badRequest(`RequestID '${requestId}' is not a valid request id`);
				const request = this.queue.requests.get(requestId.toLowerCase());
				if (!request || request.accountKey !== account.accessKey) {
					return error(404, 'MXRequestNotFoundException', `No request found with RequestID ${requestId}`);
				}
				return { status: 200, body: this.statusBody(request) };
			},
		},
		'GET /lead/metrics': {
			async: true,
			handler: ({ account }) => ({ status: 200, body: this.queue.metrics(account.accessKey) }),
		},
	};

	/** The CRM's routes in the server's shape: each account's calls go to that account's store. */
	private crmRoutes(): Record<string, Route> {
		return Object.fromEntries(
			Object.entries(this.crm.routes()).map(([key, route]) => [
				key,
				{
					async: false,
					bulk: route.bulk,
					optionalBody: route.optionalBody,
					multipart: route.multipart,
					handler: ({ account, body, query }) => route.handler({ store: this.crm.storeFor(account), body, query }),
				},
			]),
		);
	}

	private statusBody(request: CaptureRequest) {
		const { status, reason, step, lastStep } = this.queue.statusOf(request);
		const message =
			status === 'Success'
				? JSON.stringify({
						Status: 'Success',
						Message: { Id: request.leadId, RelatedId: null, IsCreated: request.created, AffectedRows: 1 },
					})
				: null;
		return {
			RequestId: request.requestId,
			TaskStatus: {
				TaskType: 'Lead Capture',
				Status: status,
				StatusReason: reason,
				TaskCurrentStep: step,
				TaskLastStep: lastStep,
				RequestBody: request.rawBody,
				Message: message,
			},
		};
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const bytes = await readBody(req);
		const rawBody = bytes.toString('utf8');
		const parsedUrl = new URL(req.url ?? '/', 'http://sandbox');
		const method = req.method ?? 'GET';
		if (parsedUrl.pathname.startsWith('/__sandbox/')) {
			return this.control(method, parsedUrl, rawBody, res);
		}
		const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
		const record: RecordedRequest = {
			seq: this.requests.length + 1,
			at: Date.now(),
			method,
			path: parsedUrl.pathname,
			url: req.url ?? '/',
			headers,
			rawBody,
			body: undefined,
			accessKey: headers['x-lsq-accesskey'] ?? parsedUrl.searchParams.get('accessKey') ?? undefined,
		};
		if (this.routeAt(method, record.path)?.multipart) await readForm(record, bytes);
		this.requests.push(record);

		const { failure, latencyMs } = this.faults.pick(method, record.path);
		if (latencyMs > 0) await sleep(latencyMs);
		if (failure) record.fault = failure;
		if (failure === 'dropBefore') return this.drop(req, record);

		const reply = this.reply(record, parsedUrl.searchParams, failure);
		record.status = reply.status;
		record.response = reply.body;
		if (failure === 'dropAfter') return this.drop(req, record);
		send(res, reply);
	}

	/** The route a method and path reach, after relocations. */
	private routeAt(method: string, path: string): Route | undefined {
		if (this.relocatedPaths[path] !== undefined) return undefined;
		const from = Object.entries(this.relocatedPaths).find(([, to]) => to === path)?.[0];
		return this.routes[`${method} ${from ?? path}`];
	}

	private reply(record: RecordedRequest, query: URLSearchParams, failure: FaultKind | undefined): Reply {
		const route = this.routeAt(record.method, record.path);
		if (record.accessKey) {
			const refused = this.limiter.admit(record.accessKey, route?.bulk ?? false, {
				rateLimit: this.rateLimit,
				bulkRateLimit: this.bulkRateLimit,
				dailyQuota: this.dailyQuota,
			});
			if (refused) return refused;
		}
		if (failure === 'status429') return rateLimitExceeded(this.rateLimit);
		if (failure === 'status400') return badRequest('The request body is not as per API specification (injected fault)');
		if (failure === 'status500Mx') {
			return error(500, 'MXInvalidDataTypeException', 'A value in the request is not of the expected type (injected fault)');
		}
		if (failure?.startsWith('status5')) return infrastructureFailure(Number(failure.slice(6)), this.routes[`${record.method} ${record.path}`]?.async ?? false);
		if (!route) {
			// A path LeadSquared has with another method: IIS/WCF's 405 (a live probe met it on Webhook.svc/Delete).
			const otherMethod = ['GET', 'POST'].find((method) => method !== record.method && this.routeAt(method, record.path));
			if (otherMethod) return { ...METHOD_NOT_ALLOWED, headers: { Allow: otherMethod } };
			return error(404, 'MXAPINotFoundException', `No API at ${record.method} ${record.path}`);
		}

		// The file host (page file-upload-to-leads) takes the keys as form fields only.
		const secretKey = route.multipart ? formOf(record)?.fields.SecretKey : (record.headers['x-lsq-secretkey'] ?? query.get('secretKey'));
		const account = this.accounts.find((a) => a.accessKey === record.accessKey && a.secretKey === secretKey);
		if (!account) return error(401, 'MXUnAuthorizedException', 'Invalid AccessKey or SecretKey');
		if (account.homeHost) {
			return error(401, 'MXUnAuthorizedException', `This account is hosted on ${account.homeHost}. Please use that host for API calls.`);
		}
		if (route.async && record.headers['x-api-key'] !== account.asyncApiKey) {
			return error(401, 'MXUnAuthorizedException', 'Missing or invalid x-api-key for the Async API');
		}
		if (route.multipart) {
			if (!formOf(record)) return badRequest('Content-Type must be multipart/form-data');
		} else if (record.method === 'POST' && !(route.optionalBody && record.rawBody.trim() === '')) {
			if (!(record.headers['content-type'] ?? '').includes('application/json')) {
				return badRequest('Content-Type must be application/json');
			}
			try {
				record.body = JSON.parse(record.rawBody);
			} catch {
				return badRequest('Request body is not valid JSON');
			}
		}
		return route.handler({ account, body: record.body, query, record });
	}

	private drop(req: IncomingMessage, record: RecordedRequest): void {
		record.dropped = true;
		req.socket.destroy();
	}

	private control(method: string, url: URL, rawBody: string, res: ServerResponse): void {
		let input: Record<string, unknown>;
		try {
			input = rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {};
		} catch {
			return send(res, { status: 400, body: { error: 'control body is not valid JSON' } });
		}
		const routes: Record<string, () => unknown> = {
			...crmControlRoutes(this.crm, input, url),
			'GET /__sandbox/requests': () => this.requests.slice(Number(url.searchParams.get('since') ?? 0)),
			'GET /__sandbox/captures': () => this.captures().map((c) => ({ ...c, status: this.queue.statusOf(c).status })),
			'GET /__sandbox/leads': () => (this.queue.materialize(), this.queue.leads),
			'POST /__sandbox/clear': () => (this.clearRecord(), { cleared: true }),
			'POST /__sandbox/faults': () => {
				const rules = (input.rules as Array<FaultRule & { pathPattern?: string }>) ?? [];
				this.setFaults(
					rules.map((rule) => (rule.pathPattern ? { ...rule, path: new RegExp(rule.pathPattern) } : rule)),
					input.seed as number | undefined,
				);
				return { faults: rules.length };
			},
			'POST /__sandbox/config': () => {
				if (input.rateLimit) this.rateLimit = input.rateLimit as RateLimitOptions;
				// null switches the optional limits off again.
				if ('bulkRateLimit' in input) this.bulkRateLimit = (input.bulkRateLimit as RateLimitOptions | null) ?? undefined;
				if ('dailyQuota' in input) this.dailyQuota = (input.dailyQuota as number | null) ?? undefined;
				if (input.queue) this.setQueue(input.queue as Partial<QueueOptions>);
				if (input.delivery) this.crm.setDelivery(input.delivery as Partial<DeliveryOptions>);
				if (input.webhookDeleteForm) this.crm.setWebhookDeleteForm(input.webhookDeleteForm as WebhookDeleteForm);
				if (input.webhookEventNumbers) this.crm.setWebhookEventNumbers(input.webhookEventNumbers as WebhookEventNumbers);
				if (input.relocatedPaths) this.relocatedPaths = input.relocatedPaths as Record<string, string>;
				return {
					rateLimit: this.rateLimit,
					bulkRateLimit: this.bulkRateLimit ?? null,
					dailyQuota: this.dailyQuota ?? null,
					queue: this.queue.options,
					delivery: this.crm.dispatcher.options,
					webhookDeleteForm: this.crm.webhookDeleteForm,
					webhookEventNumbers: this.crm.webhookEventNumbers,
				};
			},
		};
		const route = routes[`${method} ${url.pathname}`];
		if (!route) return send(res, { status: 404, body: { error: 'no such control endpoint' } });
		try {
			send(res, { status: 200, body: route() });
		} catch (failure) {
			send(res, failure instanceof MxFailure ? failure.reply : { status: 400, body: { error: (failure as Error).message } });
		}
	}
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

const formOf = (record: RecordedRequest) => (record.body as { multipart?: MultipartBody } | undefined)?.multipart;

/**
 * A multipart/form-data body, parsed (by the runtime's own parser) into its fields and files; the
 * keys' account becomes the request's. Another body stays unparsed, for the route to refuse.
 */
async function readForm(record: RecordedRequest, bytes: Buffer): Promise<void> {
	const contentType = record.headers['content-type'] ?? '';
	if (!contentType.toLowerCase().startsWith('multipart/form-data')) return;
	let form: FormData;
	try {
		form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
	} catch {
		return;
	}
	const multipart: MultipartBody = { fields: {}, files: [] };
	for (const [field, value] of form.entries()) {
		if (typeof value === 'string') {
			multipart.fields[field] = value;
			continue;
		}
		const content = Buffer.from(await value.arrayBuffer());
		multipart.files.push({ field, fileName: value.name, contentType: value.type, content: content.toString('base64'), size: content.length });
	}
	record.body = { multipart };
	record.rawBody = `(multipart/form-data, ${bytes.length} bytes)`;
	record.accessKey = multipart.fields.AccessKey;
}

function send(res: ServerResponse, reply: Reply): void {
	const text = reply.contentType ? String(reply.body) : JSON.stringify(reply.body);
	const contentType = reply.contentType ?? 'application/json; charset=utf-8';
	res.writeHead(reply.status, { ...reply.headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}
