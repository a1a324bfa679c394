'use strict';
// Smoke test of the real-n8n tooling: install, start with a throwaway community package,
// set up the owner, test a credential, run a manual and a webhook workflow, stop.
// Usage: node test/e2e/smoke.js [1|2|all] [--custom-extensions] [--keep]
const assert = require('assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { ensureN8n } = require('./n8nInstall');
const { startN8n } = require('./n8nProcess');
const { N8nRest, nodeOutput } = require('./n8nRest');

const PKG = 'n8n-nodes-e2e-echo';

// Requires n8n-workflow like a real package does (a peer dependency, not bundled): proves
// it resolves to the running n8n's own copy.
const NODE_JS = `'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { NodeOperationError } = require('n8n-workflow');
class E2eEcho {
	constructor() {
		this.description = {
			displayName: 'E2E Echo',
			name: 'e2eEcho',
			group: ['transform'],
			version: 1,
			description: 'Returns its input items, tagged',
			defaults: { name: 'E2E Echo' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'e2eEchoApi', required: true, displayOptions: { show: { callServer: [true] } } }],
			properties: [
				{ displayName: 'Tag', name: 'tag', type: 'string', default: 'echo' },
				{ displayName: 'Call Server', name: 'callServer', type: 'boolean', default: false },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const tag = this.getNodeParameter('tag', i);
			if (tag === 'fail') throw new NodeOperationError(this.getNode(), 'asked to fail', { itemIndex: i });
			const json = { ...items[i].json, echoedBy: 'e2eEcho', tag, n8nWorkflow: require.resolve('n8n-workflow') };
			if (this.getNodeParameter('callServer', i)) {
				const creds = await this.getCredentials('e2eEchoApi');
				json.server = await this.helpers.httpRequestWithAuthentication.call(this, 'e2eEchoApi', { method: 'GET', url: creds.baseUrl + '/whoami', json: true });
			}
			out.push({ json, pairedItem: { item: i } });
		}
		return [out];
	}
}
exports.E2eEcho = E2eEcho;
`;

const CRED_JS = `'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
class E2eEchoApi {
	constructor() {
		this.name = 'e2eEchoApi';
		this.displayName = 'E2E Echo API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}' } } };
		this.test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/whoami' } };
	}
}
exports.E2eEchoApi = E2eEchoApi;
`;

function writePackage(root) {
	const dir = path.join(root, PKG);
	const files = {
		'package.json': JSON.stringify(
			{
				name: PKG,
				version: '0.0.1',
				main: 'index.js',
				files: ['dist'],
				n8n: {
					n8nNodesApiVersion: 1,
					nodes: ['dist/nodes/E2eEcho/E2eEcho.node.js'],
					credentials: ['dist/credentials/E2eEchoApi.credentials.js'],
				},
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
		'dist/nodes/E2eEcho/E2eEcho.node.js': NODE_JS,
		'dist/credentials/E2eEchoApi.credentials.js': CRED_JS,
	};
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	}
	return dir;
}

// Plays the remote API: GET /whoami answers 200 only with the right x-api-key.
function startApiServer(goodKey) {
	const server = http.createServer((req, res) => {
		const ok = req.url === '/whoami' && req.headers['x-api-key'] === goodKey;
		res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
		res.end(JSON.stringify(ok ? { ok: true, key: goodKey } : { ok: false }));
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function timed(timings, label, fn) {
	const t0 = Date.now();
	try {
		return await fn();
	} finally {
		timings[label] = Date.now() - t0;
	}
}

async function smoke(line, { customExtensions = false, keep = false } = {}) {
	const timings = {};
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-smoke-${line}-`));
	const pkgDir = writePackage(path.join(tmp, 'pkg'));
	const echoType = customExtensions ? 'CUSTOM.e2eEcho' : `${PKG}.e2eEcho`;
	const apiKey = crypto.randomBytes(8).toString('hex');
	const api = await startApiServer(apiKey);
	const apiUrl = `http://127.0.0.1:${api.address().port}`;
	let n8n;
	try {
		const install = await timed(timings, 'ensureN8n', () => ensureN8n(line));
		n8n = await timed(timings, 'start', () =>
			startN8n({
				install,
				userFolder: path.join(tmp, 'user'),
				...(customExtensions ? { customExtensionsDir: pkgDir } : { communityPackages: [pkgDir] }),
			}),
		);
		const rest = new N8nRest(n8n.baseUrl);
		await timed(timings, 'setupOwner', () => rest.setupOwner({ email: 'owner@example.com', password: 'Passw0rd-e2e', firstName: 'E2E', lastName: 'Owner' }));
		// idempotent: a second client on the same instance just logs in
		await new N8nRest(n8n.baseUrl).setupOwner({ email: 'owner@example.com', password: 'Passw0rd-e2e' });

		const types = await rest.getNodeTypes();
		assert.ok(types.some((t) => t.name === echoType), `node type ${echoType} not listed; have ${types.filter((t) => !t.name.startsWith('n8n-nodes-base.') && !t.name.startsWith('@n8n/')).map((t) => t.name)}`);

		const cred = await rest.createCredential({ name: 'Echo API', type: 'e2eEchoApi', data: { baseUrl: apiUrl, apiKey } });
		const good = await timed(timings, 'testCredential', () => rest.testCredential(cred.id));
		assert.equal(good.status, 'OK', `credential test: ${JSON.stringify(good)}`);
		const bad = await rest.testCredential({ type: 'e2eEchoApi', data: { baseUrl: apiUrl, apiKey: 'wrong' } });
		assert.equal(bad.status, 'Error', `bad credential test: ${JSON.stringify(bad)}`);

		const manual = await rest.createWorkflow({
			name: 'smoke manual',
			nodes: [
				{ id: crypto.randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: crypto.randomUUID(),
					name: 'Echo',
					type: echoType,
					typeVersion: 1,
					position: [220, 0],
					parameters: { tag: 'manual', callServer: true },
					credentials: { e2eEchoApi: { id: cred.id, name: cred.name } },
				},
			],
			connections: { Start: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		});
		const exec = await timed(timings, 'manualRun', () => rest.runWorkflowManually(manual.id));
		assert.equal(exec.status, 'success', `manual run: ${JSON.stringify(exec.data && exec.data.resultData && exec.data.resultData.error)}`);
		const out = nodeOutput(exec, 'Echo');
		assert.equal(out.length, 1);
		assert.equal(out[0].json.echoedBy, 'e2eEcho');
		assert.equal(out[0].json.tag, 'manual');
		assert.deepEqual(out[0].json.server, { ok: true, key: apiKey });
		assert.ok(out[0].json.n8nWorkflow.startsWith(install.dir), `n8n-workflow resolved from ${out[0].json.n8nWorkflow}`);

		// a node error ends the execution as 'error' with the node's message
		const failing = await rest.createWorkflow({
			name: 'smoke failing',
			nodes: [
				{ id: crypto.randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: crypto.randomUUID(), name: 'Echo', type: echoType, typeVersion: 1, position: [220, 0], parameters: { tag: 'fail' } },
			],
			connections: { Start: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		});
		const failed = await rest.runWorkflowManually(failing.id);
		assert.equal(failed.status, 'error');
		assert.equal(failed.data.resultData.error.message, 'asked to fail');
		assert.equal(failed.data.resultData.lastNodeExecuted, 'Echo');

		const hookPath = `smoke-${crypto.randomBytes(4).toString('hex')}`;
		const hook = await rest.createWorkflow({
			name: 'smoke webhook',
			nodes: [
				{
					id: crypto.randomUUID(),
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: crypto.randomUUID(),
					parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'lastNode', options: {} },
				},
				{ id: crypto.randomUUID(), name: 'Echo', type: echoType, typeVersion: 1, position: [220, 0], parameters: { tag: 'webhook' } },
			],
			connections: { Webhook: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		});
		await timed(timings, 'activate', () => rest.activateWorkflow(hook.id));
		const res = await timed(timings, 'webhookCall', () =>
			fetch(`${n8n.baseUrl}/webhook/${hookPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hello: 'world' }) }),
		);
		const body = await res.text();
		assert.equal(res.status, 200, `webhook answered ${res.status}: ${body}`);
		const answer = JSON.parse(body);
		assert.equal(answer.echoedBy, 'e2eEcho');
		assert.equal(answer.tag, 'webhook');
		assert.deepEqual(answer.body, { hello: 'world' });

		const hookExecs = await rest.listExecutions(hook.id);
		assert.equal(hookExecs.length, 1, `executions of the webhook workflow: ${JSON.stringify(hookExecs)}`);
		const hookExec = await rest.waitForExecution(hookExecs[0].id);
		assert.equal(hookExec.mode, 'webhook');
		assert.equal(hookExec.status, 'success');
		assert.equal(nodeOutput(hookExec, 'Echo')[0].json.body.hello, 'world');
		const manualExecs = await rest.listExecutions(manual.id);
		assert.deepEqual(manualExecs.map((e) => e.mode), ['manual']);

		timings.startupMs = n8n.startupMs;
		await timed(timings, 'stop', () => n8n.stop());
		n8n = undefined;
		return { line, version: install.version, mode: customExtensions ? 'N8N_CUSTOM_EXTENSIONS' : '.n8n/nodes/node_modules', timings };
	} catch (err) {
		if (n8n) err.message += `\n(n8n log: ${n8n.logFile})`;
		keep = true;
		throw err;
	} finally {
		if (n8n) await n8n.stop();
		api.close();
		if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
		else console.error(`[smoke] kept ${tmp}`);
	}
}

module.exports = { smoke, writePackage };

if (require.main === module) {
	const args = process.argv.slice(2);
	const which = args.find((a) => !a.startsWith('--')) || 'all';
	const opts = { customExtensions: args.includes('--custom-extensions'), keep: args.includes('--keep') };
	(async () => {
		let failed = false;
		for (const line of which === 'all' ? ['1', '2'] : [which]) {
			try {
				const r = await smoke(line, opts);
				console.log(`[smoke] n8n ${r.version} (line ${line}, ${r.mode}) OK ${JSON.stringify(r.timings)}`);
			} catch (err) {
				failed = true;
				console.error(`[smoke] line ${line} FAILED: ${err.stack}`);
			}
		}
		process.exit(failed ? 1 : 0);
	})();
}
