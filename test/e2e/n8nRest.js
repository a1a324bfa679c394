'use strict';
// Client for n8n's internal REST API (/rest, what the editor uses), logged in by session
// cookie. Works against n8n 1.123.x and 2.41.x; the shapes that differ are noted inline.
const crypto = require('crypto');

// Execution data comes back in the `flatted` format: a JSON array whose element 0 is the
// root; inside objects and arrays every string is the index of another element.
function unflatten(text) {
	if (typeof text !== 'string') return text;
	const input = JSON.parse(text);
	const done = new Map();
	const resolve = (index) => {
		const value = input[index];
		if (typeof value !== 'object' || value === null) return value;
		if (done.has(index)) return done.get(index);
		const out = Array.isArray(value) ? [] : {};
		done.set(index, out);
		for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'string' ? resolve(Number(v)) : v;
		return out;
	};
	return resolve(0);
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
const EXECUTIONS_PAGE = 100;

class N8nRestError extends Error {
	constructor(method, url, status, body) {
		super(`${method} ${url} -> ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body).slice(0, 500)}`);
		this.status = status;
		this.body = body;
	}
}

class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.cookie = '';
		// The auth JWT is bound to this header's hash when it is sent at login; send it always.
		this.browserId = crypto.randomUUID();
	}

	async request(method, path, body, { query, raw } = {}) {
		const url = new URL(this.baseUrl + path);
		for (const [k, v] of Object.entries(query || {})) if (v !== undefined) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
		const res = await fetch(url, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
		for (const c of setCookie) if (c.startsWith('n8n-auth=')) this.cookie = c.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		if (!res.ok) throw new N8nRestError(method, url.pathname, res.status, json);
		if (raw) return json;
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	settings() {
		return this.request('GET', '/rest/settings');
	}

	async login({ email, password }) {
		// 1.x and 2.x both take emailOrLdapLoginId (2.x rate-limits to 5 logins a minute per email).
		return this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	// Claims the fresh instance, or logs in when the owner exists already.
	async setupOwner({ email, password, firstName = 'Test', lastName = 'Owner' }) {
		const settings = await this.settings();
		if (settings.userManagement && settings.userManagement.showSetupOnFirstLoad) {
			try {
				return await this.request('POST', '/rest/owner/setup', { email, password, firstName, lastName });
			} catch (err) {
				if (!(err.status === 400 && /already setup/i.test(err.message))) throw err;
			}
		}
		return this.login({ email, password });
	}

	createCredential({ name, type, data, projectId }) {
		return this.request('POST', '/rest/credentials', { name, type, data, ...(projectId ? { projectId } : {}) });
	}

	getCredential(id, includeData = false) {
		return this.request('GET', `/rest/credentials/${id}`, undefined, { query: { includeData: includeData ? 'true' : undefined } });
	}

	deleteCredential(id) {
		return this.request('DELETE', `/rest/credentials/${id}`);
	}

	// What the editor's "Test" button calls. Both lines only test a saved credential: the
	// stored (redacted) data is sent back and n8n restores the secrets. With {type, data} a
	// temporary credential is saved, tested and deleted. Resolves to {status: 'OK'|'Error', message}.
	async testCredential(idOrSpec) {
		if (typeof idOrSpec === 'object') {
			const temp = await this.createCredential({ name: `e2e test ${Date.now()}`, ...idOrSpec });
			try {
				return await this.testCredential(temp.id);
			} finally {
				await this.deleteCredential(temp.id).catch(() => {});
			}
		}
		const cred = await this.getCredential(idOrSpec, true);
		return this.request('POST', '/rest/credentials/test', {
			credentials: { id: cred.id, name: cred.name, type: cred.type, data: cred.data },
		});
	}

	createWorkflow(json) {
		// 1.x stores the body as is (active is NOT NULL there); both lines refuse to create active.
		const { id, active, ...rest } = json;
		return this.request('POST', '/rest/workflows', { settings: {}, connections: {}, ...rest, active: false });
	}

	getWorkflow(id) {
		return this.request('GET', `/rest/workflows/${id}`);
	}

	// 1.123 and 2.x: POST /activate with the versionId to publish. 1.x registers the triggers
	// and webhooks before answering; 2.x only queues a publication (outbox) and registers them
	// afterwards, so wait until /publication-status (2.x only; 404 on 1.x) says 'published'.
	async activateWorkflow(id, { timeoutMs = 30000 } = {}) {
		const wf = await this.getWorkflow(id);
		const activated = await this.request('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			let pub;
			try {
				pub = await this.request('GET', `/rest/workflows/${id}/publication-status`);
			} catch (err) {
				if (err.status === 404) return activated;
				throw err;
			}
			if (pub.status === 'published') return activated;
			if (pub.status === 'failed' || pub.status === 'partial') {
				throw new Error(`activating workflow ${id} failed: ${JSON.stringify(pub.triggers)}`);
			}
			if (Date.now() > deadline) throw new Error(`workflow ${id} not published after ${timeoutMs} ms: ${JSON.stringify(pub)}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	}

	async deactivateWorkflow(id) {
		return this.request('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	// The editor's "Execute workflow". 1.x runs the workflowData sent in the body (its id must
	// match); 2.x loads the workflow from the database and ignores workflowData. No push
	// connection is needed: results are read back from the saved execution.
	async runWorkflowManually(id, { triggerName, timeoutMs = 60000 } = {}) {
		const wf = await this.getWorkflow(id);
		const trigger = triggerName || (wf.nodes.find((n) => /trigger/i.test(n.type)) || wf.nodes[0]).name;
		const started = await this.request('POST', `/rest/workflows/${id}/run`, {
			workflowData: wf,
			triggerToStartFrom: { name: trigger },
		});
		if (!started || !started.executionId) {
			throw new Error(`manual run of workflow ${id} did not start an execution: ${JSON.stringify(started)}`);
		}
		return this.waitForExecution(started.executionId, { timeoutMs });
	}

	async waitForExecution(executionId, { timeoutMs = 60000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			let exec;
			try {
				exec = await this.getExecution(executionId, true);
			} catch (err) {
				if (err.status !== 404) throw err; // not saved yet
			}
			if (exec && (FINISHED.has(exec.status) || (exec.finished && exec.stoppedAt))) return exec;
			if (Date.now() > deadline) throw new Error(`execution ${executionId} not finished after ${timeoutMs} ms (status ${exec && exec.status})`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	// Every execution of the workflow (or of all), newest first. n8n lists at most 100 at a time:
	// 2.x pages by cursor, 1.x by firstId / lastId.
	async listExecutions(workflowId) {
		const byId = new Map();
		let next = {};
		while (next) {
			const page = await this.request('GET', '/rest/executions', undefined, {
				query: { filter: workflowId ? { workflowId: String(workflowId) } : undefined, limit: String(EXECUTIONS_PAGE), ...next },
			});
			for (const execution of page.results) byId.set(execution.id, execution);
			const oldest = page.results.at(-1)?.id;
			if ('nextCursor' in page) next = page.nextCursor ? { cursor: page.nextCursor } : undefined;
			else next = page.results.length === EXECUTIONS_PAGE && oldest ? { firstId: '0', lastId: oldest } : undefined;
		}
		return [...byId.values()];
	}

	// With includeData the flatted `data` is decoded into {resultData: {runData, ...}, ...}.
	async getExecution(id, includeData = true) {
		const exec = await this.request('GET', `/rest/executions/${id}`);
		if (!exec || !exec.id) {
			const err = new Error(`execution ${id} not found`);
			err.status = 404;
			throw err;
		}
		if (includeData) exec.data = unflatten(exec.data);
		else delete exec.data;
		return exec;
	}

	// Node descriptions as the editor loads them (includes community nodes).
	getNodeTypes() {
		return this.request('GET', '/types/nodes.json', undefined, { raw: true });
	}

	getCredentialTypes() {
		return this.request('GET', '/types/credentials.json', undefined, { raw: true });
	}
}

// The output items of one node in an execution: [{json, ...}] of its last run, first output.
function nodeOutput(execution, nodeName, outputIndex = 0) {
	const runs = execution.data && execution.data.resultData && execution.data.resultData.runData[nodeName];
	if (!runs || !runs.length) return undefined;
	const last = runs[runs.length - 1];
	return last.data && last.data.main && last.data.main[outputIndex];
}

module.exports = { N8nRest, N8nRestError, unflatten, nodeOutput };
