import { randomBytes } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { upsertCredential, upsertN8nApiCredential } from '../../demo/credential';
import { EXAMPLE_CREDENTIAL_NAME } from '../../demo/exampleWorkflows';
import type { SandboxOptions } from '../../sandbox/server';
import { LeadSquaredSandbox } from '../../sandbox/server';
import { REPO_ROOT } from './builtNode';
import type { QueueServices } from './services';
import { startQueueServices } from './services';
import { ARTIFACTS_DIR, OWNER } from './stack';
import type { N8nInstall, N8nLine, N8nRestClient, RunningN8n } from './tooling';
import { ensureN8n, freePort, N8nRest, startN8n } from './tooling';

/**
 * n8n in queue mode as a self-hoster runs it: a main instance and `workers` workers, each with
 * its own user folder (the package installed in each, nothing shared on disk), sharing only
 * PostgreSQL and Redis; plus a LeadSquared sandbox. Any instance can be restarted.
 */
export interface QueueStack {
	line: N8nLine;
	install: N8nInstall;
	sandbox: LeadSquaredSandbox;
	services: QueueServices;
	main: RunningN8n;
	workers: RunningN8n[];
	rest: N8nRestClient;
	restartMain(): Promise<void>;
	restartWorker(index: number): Promise<void>;
	stop(): Promise<void>;
}

export interface QueueStackOptions {
	workers?: number;
	sandbox?: SandboxOptions;
	/** Names the n8n logs in test/artifacts/. */
	label: string;
}

export async function startQueueStack(line: N8nLine, options: QueueStackOptions): Promise<QueueStack> {
	const install = await ensureN8n(line);
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const services = await startQueueServices();
	const sandbox = await LeadSquaredSandbox.start(options.sandbox);
	const folders: string[] = [];
	const mainPort = await freePort();
	const mainUrl = `http://127.0.0.1:${mainPort}`;
	const shared = {
		EXECUTIONS_MODE: 'queue',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_BULL_REDIS_HOST: services.redis.host,
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: services.postgres.host,
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_PASSWORD: services.postgres.password,
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		// every instance says where the main answers (workers do not serve the editor)
		N8N_EDITOR_BASE_URL: `${mainUrl}/`,
		...(line === '1' ? { WEBHOOK_URL: `${mainUrl}/` } : { N8N_WEBHOOK_URL: `${mainUrl}/` }),
		// jest sets NODE_ENV=test, under which n8n's bin exits at once without a word
		NODE_ENV: undefined,
	};
	const logFile = (role: 'main' | 'worker', index = 0) =>
		join(ARTIFACTS_DIR, `n8n-line${line}-${options.label}-${role}${role === 'worker' ? index : ''}.log`);
	// A restarted instance appends to its log; a new stack starts them empty, since execution IDs
	// start again with a new database and the logs tell which worker ran which execution.
	rmSync(logFile('main'), { force: true });
	for (let index = 0; index < (options.workers ?? 2); index++) rmSync(logFile('worker', index), { force: true });
	const start = async (role: 'main' | 'worker', index = 0): Promise<RunningN8n> => {
		const userFolder = mkdtempSync(join(tmpdir(), `lsq-queue-${role}${index}-`));
		folders.push(userFolder);
		return await startN8n({
			install,
			userFolder,
			command: role === 'main' ? 'start' : 'worker',
			port: role === 'main' ? mainPort : await freePort(),
			communityPackages: [REPO_ROOT],
			env: shared,
			logFile: logFile(role, index),
		});
	};

	let main: RunningN8n | undefined;
	const workers: RunningN8n[] = [];
	const stop = async () => {
		await Promise.all([main?.stop(), ...workers.map(async (worker) => await worker.stop())]);
		await sandbox.close();
		await services.stop();
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	};
	try {
		main = await start('main');
		for (let index = 0; index < (options.workers ?? 2); index++) workers.push(await start('worker', index));
		const rest = new N8nRest(main.baseUrl);
		await rest.setupOwner(OWNER);
		await upsertCredential(rest, EXAMPLE_CREDENTIAL_NAME, sandbox.credentialsFor());
		await upsertN8nApiCredential(rest, main.baseUrl);
		const stack: QueueStack = {
			line,
			install,
			sandbox,
			services,
			main,
			workers,
			rest,
			async restartMain() {
				await stack.main.stop({ timeoutMs: 120_000 });
				stack.main = main = await start('main');
				// the session survives: it is stored in the database, like everything else
			},
			async restartWorker(index: number) {
				// graceful: the worker finishes the executions it runs (N8N_GRACEFUL_SHUTDOWN_TIMEOUT) before it exits
				await workers[index].stop({ timeoutMs: 300_000 });
				workers[index] = await start('worker', index);
			},
			stop,
		};
		return stack;
	} catch (error) {
		await stop();
		throw error;
	}
}
