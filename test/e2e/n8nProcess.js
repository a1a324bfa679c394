'use strict';
// Starts and stops a real, headless n8n (as installed by n8nInstall.js) for tests and the demo.
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function tail(file, lines = 80) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

// Copies a built community package (package.json + its "files", or everything but
// node_modules) to <userFolder>/.n8n/nodes/node_modules/<name>: where n8n keeps packages
// installed from the UI, so its nodes get their real type names (<package>.<node>).
// A copy, not a symlink: the package must resolve n8n-workflow from n8n itself (n8n puts
// its own node_modules on NODE_PATH), not from the repository's devDependencies.
function installCommunityPackage(userFolder, packageDir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	if (!pkg.n8n) throw new Error(`${packageDir}/package.json has no "n8n" block`);
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', pkg.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const entries = pkg.files ? ['package.json', ...pkg.files] : fs.readdirSync(packageDir).filter((f) => f !== 'node_modules' && !f.startsWith('.'));
	for (const entry of entries) {
		const from = path.join(packageDir, entry);
		if (!fs.existsSync(from)) throw new Error(`${from} does not exist (is the package built?)`);
		fs.cpSync(from, path.join(target, entry), { recursive: true, dereference: true });
	}
	return { name: pkg.name, dir: target };
}

async function waitReady(baseUrl, child, logFile, timeoutMs, command) {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`n8n exited (${child.exitCode ?? child.signalCode}) before it was ready; log ${logFile}:\n${tail(logFile)}`);
		}
		try {
			if (command === 'worker') {
				// a worker serves only its health check, ready once it takes jobs
				const ready = await fetch(`${baseUrl}/healthz/readiness`);
				last = `/healthz/readiness ${ready.status}`;
				if (ready.ok) return;
				throw new Error(last);
			}
			const health = await fetch(`${baseUrl}/healthz`);
			last = `/healthz ${health.status}`;
			if (health.ok) {
				// /healthz answers before the REST API is mounted; /rest/settings only after.
				// While starting, n8n answers everything with a 200 "n8n is starting up" page.
				const settings = await fetch(`${baseUrl}/rest/settings`);
				last = `/rest/settings ${settings.status} ${settings.headers.get('content-type')}`;
				if (settings.ok && /json/.test(settings.headers.get('content-type') || '')) {
					const body = await settings.json();
					if (body && body.data) return;
				}
			}
		} catch (err) {
			last = err.cause?.code || err.message;
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`n8n not ready after ${timeoutMs / 1000} s (last: ${last}); log ${logFile}:\n${tail(logFile)}`);
}

/**
 * install: the object returned by ensureN8n(); userFolder: N8N_USER_FOLDER (n8n writes <it>/.n8n).
 * customExtensionsDir: N8N_CUSTOM_EXTENSIONS (nodes load as CUSTOM.<name>).
 * communityPackages: built package folders, copied in as installed community packages.
 * command: 'start' (the main instance) or 'worker' (queue mode: `port` is its health check's).
 */
async function startN8n({ install, userFolder, port, customExtensionsDir, communityPackages = [], env = {}, logFile, timeoutMs = 180000, command = 'start' }) {
	if (!install || !install.nodeBin) throw new Error('startN8n needs install (from ensureN8n)');
	if (!userFolder) throw new Error('startN8n needs userFolder');
	fs.mkdirSync(userFolder, { recursive: true });
	for (const dir of communityPackages) installCommunityPackage(userFolder, dir);
	port = port || (await freePort());
	const brokerPort = await freePort();
	logFile = logFile || path.join(userFolder, 'n8n.log');
	const baseUrl = `http://127.0.0.1:${port}`;

	const childEnv = {
		...process.env,
		PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		// session cookie over plain http
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// the LeadSquared Capture Trigger reads executions through n8n's public API
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// the task runner broker listens on 5679 by default: clashes between parallel instances
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// manual runs are polled from the executions table, so they must be saved
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		N8N_LOG_OUTPUT: 'console',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		...(String(install.line) === '1'
			? // silences 1.x deprecation notices; both are the 2.x defaults
				{ WEBHOOK_URL: `${baseUrl}/`, DB_SQLITE_POOL_SIZE: '2', N8N_RUNNERS_ENABLED: 'true' }
			: { N8N_WEBHOOK_URL: `${baseUrl}/`, N8N_UNVERIFIED_PACKAGES_ENABLED: 'true' }),
		...(customExtensionsDir ? { N8N_CUSTOM_EXTENSIONS: customExtensionsDir } : {}),
		...(command === 'worker'
			? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }
			: {}),
		...env,
	};
	for (const [k, v] of Object.entries(childEnv)) if (v === undefined || v === null) delete childEnv[k];

	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.openSync(logFile, 'a');
	const started = Date.now();
	const child = spawn(install.nodeBin, [install.n8nBin, command], {
		cwd: userFolder,
		env: childEnv,
		stdio: ['ignore', out, out],
		detached: true, // own process group, so stop() also ends the task runners
	});
	fs.closeSync(out);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const kill = (sig) => {
		try {
			process.kill(-child.pid, sig);
		} catch (err) {
			if (err.code !== 'ESRCH') throw err;
		}
	};
	// detached children outlive us: do not leave n8n running if the caller never stops it
	const killOnExit = () => kill('SIGKILL');
	process.once('exit', killOnExit);

	async function stop({ timeoutMs: stopTimeout = 20000 } = {}) {
		process.removeListener('exit', killOnExit);
		if (child.exitCode !== null || child.signalCode !== null) return kill('SIGKILL');
		kill('SIGTERM');
		const timer = setTimeout(() => kill('SIGKILL'), stopTimeout);
		await exited;
		clearTimeout(timer);
		// the group may outlive the main process for a moment (task runner)
		kill('SIGKILL');
	}

	try {
		await waitReady(baseUrl, child, logFile, timeoutMs, command);
	} catch (err) {
		await stop();
		throw err;
	}
	return { baseUrl, port, pid: child.pid, logFile, userFolder, install, startupMs: Date.now() - started, stop };
}

module.exports = { startN8n, installCommunityPackage, freePort };
