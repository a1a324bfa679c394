import { spawn, spawnSync } from 'child_process';
import type { ChildProcess } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'fs';
import { createConnection } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { freePort } from './tooling';

/**
 * PostgreSQL and Redis from Debian's packages, on 127.0.0.1 and free ports, for n8n's queue mode
 * (`bash test/e2e/ensureDebianPackages.sh` installs them). Each run gets a fresh, throw-away database.
 */
export interface QueueServices {
	postgres: { host: string; port: number; database: string; user: string; password: string };
	redis: { host: string; port: number };
	stop(): Promise<void>;
}

const POSTGRES_BIN = (() => {
	const root = '/usr/lib/postgresql';
	const version = existsSync(root) ? readdirSync(root).sort().pop() : undefined;
	return version ? join(root, version, 'bin') : '';
})();

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: it then runs as Debian's `postgres` user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function run(command: string, args: string[]): void {
	const [bin, argv] = asPostgresUser(command, args);
	const result = spawnSync(bin, argv, { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

async function waitForPort(port: number, child: ChildProcess, log: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before it listened on ${port}:\n${readFileSync(log, 'utf8').slice(-2000)}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = createConnection({ host: '127.0.0.1', port }, () => (socket.end(), resolve(true)));
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

async function startPostgres(dir: string): Promise<{ child: ChildProcess; port: number }> {
	if (!POSTGRES_BIN) throw new Error('PostgreSQL is not installed: run `bash test/e2e/ensureDebianPackages.sh` (Debian packages postgresql and redis-server)');
	const data = join(dir, 'postgres');
	const sockets = join(dir, 'sockets');
	for (const folder of [data, sockets]) {
		spawnSync('mkdir', ['-p', folder]);
		if (asRoot) chownSync(folder, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout));
	}
	chmodSync(dir, 0o755);
	run(join(POSTGRES_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
	const port = await freePort();
	const log = join(dir, 'postgres.log');
	const [bin, argv] = asPostgresUser(join(POSTGRES_BIN, 'postgres'), [
		'-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200',
	]);
	const out = openSync(log, 'a');
	const child = spawn(bin, argv, { stdio: ['ignore', out, out] });
	await waitForPort(port, child, log);
	run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE n8n']);
	return { child, port };
}

async function startRedis(dir: string): Promise<{ child: ChildProcess; port: number }> {
	const port = await freePort();
	const log = join(dir, 'redis.log');
	const out = openSync(log, 'a');
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', out, out] });
	child.on('error', () => undefined);
	await waitForPort(port, child, log);
	return { child, port };
}

export async function startQueueServices(): Promise<QueueServices> {
	const dir = mkdtempSync(join(tmpdir(), 'lsq-queue-services-'));
	const postgres = await startPostgres(dir);
	let redis: { child: ChildProcess; port: number };
	try {
		redis = await startRedis(dir);
	} catch (error) {
		await stopChild(postgres.child);
		throw error;
	}
	return {
		postgres: { host: '127.0.0.1', port: postgres.port, database: 'n8n', user: 'postgres', password: 'not-checked' },
		redis: { host: '127.0.0.1', port: redis.port },
		async stop() {
			await stopChild(redis.child);
			await stopChild(postgres.child);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
