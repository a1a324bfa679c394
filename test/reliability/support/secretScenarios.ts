import { createServer } from 'http';
import type { AddressInfo } from 'net';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { NodeRun } from '../../harness/engine';
import { loadOptions, runNode } from '../../harness/engine';
import type { FaultRule } from '../../sandbox/faults';
import type { SandboxAccount } from '../../sandbox/fixtures';
import { DEMO_USERS, US_ACCOUNT } from '../../sandbox/fixtures';
import { LeadSquaredSandbox } from '../../sandbox/server';

/** Keys with characters that URL-encoding changes, so both forms can be looked for. */
export const KEYS: SandboxAccount = {
	accessKey: 'u$rel/AK+9f2c=q&x1',
	secretKey: 'rel-SK%7e 91b0#c2d7?z',
	asyncApiKey: 'rel-async:4d2c+8e/Q',
	users: DEMO_USERS,
};
export const WRONG_SECRET_KEY = 'wrong-SK/4+4=8&ok';
export const WRONG_ASYNC_KEY = 'wrong-async?key#1';

export const ALL_KEYS = {
	access: [KEYS.accessKey, US_ACCOUNT.accessKey],
	secret: [KEYS.secretKey, WRONG_SECRET_KEY, US_ACCOUNT.secretKey],
	async: [KEYS.asyncApiKey, WRONG_ASYNC_KEY, US_ACCOUNT.asyncApiKey],
};
export const SECRETS = [...ALL_KEYS.access, ...ALL_KEYS.secret, ...ALL_KEYS.async];

interface Hosts {
	api: string;
	async: string;
}

export interface Scenario {
	name: string;
	/** Faults both sandboxes inject once the scenario's set-up capture is done. */
	faults?: FaultRule[];
	credentials?: (
		base: ICredentialDataDecryptedObject,
		hosts: Hosts,
	) => Promise<ICredentialDataDecryptedObject> | ICredentialDataDecryptedObject;
	badInput?: boolean;
	/** What Send Browser Push's error says on this path (proof the path was taken); empty when it succeeds. */
	pushError: RegExp;
	/** The same for Capture (Async) with Search By, where it differs. */
	captureError?: RegExp;
}

const everywhere = (kind: FaultRule['kind'], extra: Partial<FaultRule> = {}): FaultRule[] => [{ kind, ...extra }];

async function closedPort(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}`;
}

/** A server that is not LeadSquared: it answers every call with an error quoting the request's headers. */
export async function echoServer(status: number, encode: boolean): Promise<{ url: string; close: () => Promise<void> }> {
	const server = createServer((req, res) => {
		const headers = Object.entries(req.headers).map(
			([name, value]) => `${name}=${encode ? encodeURIComponent(String(value)) : String(value)}`,
		);
		const text = JSON.stringify({
			Status: 'Error',
			ExceptionType: 'MXProxyException',
			ExceptionMessage: `Request ${req.url} with ${headers.join('&')}`,
		});
		res.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { url, close: async () => await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

export const SCENARIOS: Scenario[] = [
	{ name: 'success', pushError: /^$/ },
	{ name: 'slow answers (1.5 s latency)', faults: everywhere('latency', { latencyMs: 1_500 }), pushError: /^$/ },
	{ name: 'bad input', badInput: true, pushError: /^'Title' and 'Content' are \d+ bytes/ },
	{ name: '400', faults: everywhere('status400'), pushError: /\(400\)/ },
	{ name: '401 wrong secret key', credentials: (base) => ({ ...base, secretKey: WRONG_SECRET_KEY }), pushError: /\(401\)/ },
	{
		name: '401 wrong async key',
		credentials: (base) => ({ ...base, asyncApiKey: WRONG_ASYNC_KEY }),
		pushError: /^$/,
		captureError: /\(401\).*x-api-key/,
	},
	{
		name: '401 keys of another region',
		credentials: (base) => ({
			...base,
			accessKey: US_ACCOUNT.accessKey,
			secretKey: US_ACCOUNT.secretKey,
			asyncApiKey: US_ACCOUNT.asyncApiKey,
		}),
		pushError: /\(401\).*api-us11/,
	},
	{
		name: '404',
		credentials: (base, hosts) => ({ ...base, apiUrl: `${hosts.api}/no-such-base`, asyncApiUrl: `${hosts.async}/no-such-base` }),
		pushError: /404/,
	},
	{ name: '429 until retries run out', faults: everywhere('status429'), pushError: /\(429\)/ },
	{ name: '500', faults: everywhere('status500'), pushError: /\(500\)/ },
	{ name: '502', faults: everywhere('status502'), pushError: /\(502\)/ },
	{ name: '503', faults: everywhere('status503'), pushError: /\(503\)/ },
	{ name: 'connection dropped before processing', faults: everywhere('dropBefore'), pushError: /ECONNRESET/ },
	{ name: 'connection dropped after processing', faults: everywhere('dropAfter'), pushError: /ECONNRESET/ },
	{
		name: 'connection refused',
		credentials: async (base) => ({ ...base, apiUrl: await closedPort(), asyncApiUrl: await closedPort() }),
		pushError: /ECONNREFUSED/,
	},
	{
		name: 'no async API key',
		credentials: (base) => ({ ...base, asyncApiKey: '' }),
		pushError: /^$/,
		captureError: /has no Async API Key/,
	},
];

interface Operation {
	name: string;
	parameters: INodeParameters;
	items: IDataObject[];
	/** The same operation with an item its checks refuse. */
	bad: { parameters?: INodeParameters; items: IDataObject[] };
}

function operations(requestId: string): Operation[] {
	const capture = { resource: 'lead', operation: 'captureAsync', fieldsMode: 'json', json: '={{ $json }}' };
	return [
		{
			name: 'sendBrowserPush',
			parameters: {
				resource: 'notification',
				operation: 'sendBrowserPush',
				userId: DEMO_USERS[1].ID,
				title: '=Lead {{ $json.n }}',
				content: '={{ $json.c }}',
			},
			items: [
				{ n: 1, c: 'ok' },
				{ n: 2, c: 'ok' },
			],
			bad: { items: [{ n: 1, c: '😀'.repeat(600) }] },
		},
		{
			name: 'sendConverse',
			parameters: {
				resource: 'notification',
				operation: 'sendConverse',
				type: 'Lead',
				toUserId: DEMO_USERS[1].ID,
				message: '={{ $json.m }}',
			},
			items: [{ m: 'New lead' }],
			bad: { items: [{ m: 'x'.repeat(201) }] },
		},
		{
			name: 'showAgentPopup',
			parameters: {
				resource: 'telephony',
				operation: 'showAgentPopup',
				direction: '={{ $json.d }}',
				sourceNumber: '+91-8611795988',
				destinationNumber: '+91-8971373363',
				leadId: 'f5c7e023-653c-11e7-b25c-023cca4497b9',
				userId: DEMO_USERS[2].ID,
			},
			items: [{ d: 'Inbound' }],
			bad: { items: [{ d: 'sideways' }] },
		},
		{
			name: 'captureAsync with Search By',
			parameters: { ...capture, searchBy: 'EmailAddress' },
			items: [{ EmailAddress: 'secret-scan@example.com', FirstName: 'S' }],
			bad: { items: [{ FirstName: 'no e-mail' }] },
		},
		{
			name: 'captureAsync without Search By',
			parameters: { ...capture, searchBy: '' },
			items: [{ EmailAddress: 'secret-scan-2@example.com' }],
			bad: { items: [{ 'First Name': 'not a schema name' }] },
		},
		{
			name: 'captureAsync, waiting',
			parameters: { ...capture, searchBy: 'EmailAddress', waitForCompletion: true, waitTimeoutSeconds: 3 },
			items: [{ EmailAddress: 'secret-scan-3@example.com' }],
			bad: {
				parameters: { ...capture, searchBy: 'EmailAddress', waitForCompletion: true, waitTimeoutSeconds: -1 },
				items: [{ EmailAddress: 'x@example.com' }],
			},
		},
		{
			name: 'getCaptureStatus',
			parameters: { resource: 'lead', operation: 'getCaptureStatus', requestId: '={{ $json.id }}' },
			items: [{ id: requestId }, { id: '00000000-0000-4000-8000-000000000000' }],
			bad: { items: [{ id: 'not-a-request-id' }] },
		},
		{
			name: 'getCaptureMetrics',
			parameters: { resource: 'lead', operation: 'getCaptureMetrics' },
			items: [{}],
			bad: { parameters: { resource: 'lead', operation: 'getCaptureMetrics', options: { endpointUrl: 'metrics please' } }, items: [{}] },
		},
	];
}

export const LOADERS = ['getActiveUsers', 'getLeadFields', 'getSearchByFields'];

export interface ScenarioResult {
	scenario: Scenario;
	runs: Array<{ name: string; run: NodeRun }>;
	loaders: Array<{ name: string; outcome: unknown }>;
	sandboxes: { api: LeadSquaredSandbox; async: LeadSquaredSandbox };
}

const credentialsFor = (hosts: Hosts): ICredentialDataDecryptedObject => ({
	accessKey: KEYS.accessKey,
	secretKey: KEYS.secretKey,
	asyncApiKey: KEYS.asyncApiKey,
	region: 'custom',
	apiUrl: hosts.api,
	asyncApiUrl: hosts.async,
	rateLimitCalls: 200,
	rateLimitWindowSeconds: 0.1,
});

/** Every operation (with and without Continue On Fail) and every dropdown loader on one path. Sandboxes stay open for checks. */
export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
	const options = { accounts: [KEYS, US_ACCOUNT], rateLimit: { calls: 200, windowMs: 100 }, queue: { delayMs: 20, timeScale: 0.001 } };
	const sandboxes = { api: await LeadSquaredSandbox.start(options), async: await LeadSquaredSandbox.start(options) };
	const hosts = { api: sandboxes.api.url, async: sandboxes.async.url };
	const base = credentialsFor(hosts);

	const setUp = await runNode({
		parameters: { resource: 'lead', operation: 'captureAsync', fieldsMode: 'json', json: '={{ $json }}', searchBy: 'EmailAddress' },
		items: [{ EmailAddress: 'set-up@example.com' }],
		credentials: base,
	});
	const runs: ScenarioResult['runs'] = [{ name: 'set-up capture', run: setUp }];
	for (const sandbox of Object.values(sandboxes)) sandbox.setFaults(scenario.faults ?? [], 1);
	const credentials = (await scenario.credentials?.(base, hosts)) ?? base;

	const work = operations(setUp.items[0].json.requestId as string).flatMap((operation) =>
		[false, true].map(async (continueOnFail) => {
			const { parameters, items } = scenario.badInput ? { parameters: operation.parameters, ...operation.bad } : operation;
			const run = await runNode({ parameters, items, credentials, continueOnFail });
			runs.push({ name: `${operation.name}${continueOnFail ? ' (Continue On Fail)' : ''}`, run });
		}),
	);
	const loaders: ScenarioResult['loaders'] = [];
	const loading = LOADERS.map(async (method) => {
		const outcome = await loadOptions(method, { parameters: { resource: 'lead', operation: 'captureAsync' }, credentials }).catch(
			(error: unknown) => error,
		);
		loaders.push({ name: method, outcome });
	});
	await Promise.all([...work, ...loading]);
	return { scenario, runs, loaders, sandboxes };
}
