import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

import { runNode } from '../../harness/engine';
import { DEMO_USERS } from '../../sandbox/fixtures';
import type { LeadSquaredSandbox } from '../../sandbox/server';

/** Node's `gc()`: the one `--expose-gc` gives, or one obtained at run time (jest starts node without the flag). */
export function forceGc(): () => void {
	const exposed = (globalThis as { gc?: () => void }).gc;
	if (exposed) return exposed;
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
}

export interface Snapshot {
	label: string;
	items: number;
	heapUsedMB: number;
	rssMB: number;
	/** process.getActiveResourcesInfo(), counted by kind (TCPSocketWrap, Timeout, …). */
	resources: Record<string, number>;
	sockets: number;
	timers: number;
	/** Open file descriptors (Linux: /proc/self/fd), or -1 where that cannot be read. */
	fileDescriptors: number;
	/** Size of n8n's user folder (N8N_USER_FOLDER): the package writes nothing there. */
	userFolderKB: number;
}

function folderBytes(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.size;
	return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0);
}

function openFileDescriptors(): number {
	try {
		return readdirSync('/proc/self/fd').length;
	} catch {
		return -1;
	}
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** process.getActiveResourcesInfo(), counted by kind. */
function activeResources(): Record<string, number> {
	const resources: Record<string, number> = {};
	for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
	return resources;
}

export function snapshot(label: string, items: number): Snapshot {
	const resources = activeResources();
	const { heapUsed, rss } = process.memoryUsage();
	return {
		label,
		items,
		heapUsedMB: mb(heapUsed),
		rssMB: mb(rss),
		resources,
		sockets: resources.TCPSocketWrap ?? 0,
		timers: resources.Timeout ?? 0,
		fileDescriptors: openFileDescriptors(),
		userFolderKB: Math.round(folderBytes(process.env.N8N_USER_FOLDER ?? '') / 1024),
	};
}

export async function settledSnapshot(label: string, items: number): Promise<Snapshot> {
	const gc = forceGc();
	for (let i = 0; i < 3; i++) {
		gc();
		await new Promise((resolve) => setImmediate(resolve));
	}
	return snapshot(label, items);
}

/**
 * Forgets what the sandbox recorded and queued, so that its memory stays flat and what
 * grows is the engine's and the node's. (The queue's processed-request set is private.)
 */
export function emptySandbox(sandbox: LeadSquaredSandbox): void {
	sandbox.clearRecord();
	sandbox.queue.requests.clear();
	sandbox.queue.leads.length = 0;
	(sandbox.queue as unknown as { materialized: Set<string> }).materialized.clear();
}

export interface WorkloadOptions {
	items: number;
	itemsPerExecution: number;
	/** Executions running at once. */
	concurrency: number;
	/** Called after every `every` items with the number done so far. */
	every?: number;
	onProgress?: (done: number) => Promise<void> | void;
}

/**
 * Half Send Browser Push, half Capture (Async) with Search By, in executions of
 * `itemsPerExecution` items, `concurrency` at a time, through the real engine.
 * Counts the items that did not succeed, and the most sockets, timers and files open at once (sampled every 20 ms).
 */
export async function pushAndCaptureWorkload(
	sandbox: LeadSquaredSandbox,
	options: WorkloadOptions,
): Promise<{ failed: number; peakSockets: number; peakTimers: number; peakFileDescriptors: number }> {
	const executions = Math.ceil(options.items / options.itemsPerExecution);
	let failed = 0;
	let peakSockets = 0;
	let peakTimers = 0;
	let peakFileDescriptors = 0;
	const sampler = setInterval(() => {
		const resources = activeResources();
		peakSockets = Math.max(peakSockets, resources.TCPSocketWrap ?? 0);
		peakTimers = Math.max(peakTimers, (resources.Timeout ?? 0) - 1); // less the sampler itself
		peakFileDescriptors = Math.max(peakFileDescriptors, openFileDescriptors());
	}, 20);
	let done = 0;
	let nextReport = options.every ?? Infinity;
	try {
		for (let wave = 0; wave < executions; wave += options.concurrency) {
			const runs = await Promise.all(
				Array.from({ length: Math.min(options.concurrency, executions - wave) }, async (_, i) => {
					const execution = wave + i;
					const items = Array.from({ length: options.itemsPerExecution }, (__, n) => ({
						FirstName: `Lead ${n}`,
						EmailAddress: `mem-${execution}-${n}@example.com`,
					}));
					const parameters =
						execution % 2 === 0
							? {
									resource: 'notification',
									operation: 'sendBrowserPush',
									userId: DEMO_USERS[0].ID,
									title: '=Hot: {{ $json.FirstName }}',
									content: '=Opened {{ $json.EmailAddress }}',
							  }
							: { resource: 'lead', operation: 'captureAsync', fieldsMode: 'json', json: '={{ $json }}', searchBy: 'EmailAddress' };
					return await runNode({
						parameters,
						items,
						credentials: sandbox.credentialsFor(),
						continueOnFail: true,
						executionId: `mem-${execution}`,
					});
				}),
			);
			for (const run of runs) failed += run.items.filter((item) => item.json.error).length + (run.status === 'success' ? 0 : 1);
			done += runs.length * options.itemsPerExecution;
			emptySandbox(sandbox);
			if (done >= nextReport) {
				nextReport += options.every!;
				await options.onProgress?.(done);
			}
		}
	} finally {
		clearInterval(sampler);
	}
	return { failed, peakSockets, peakTimers, peakFileDescriptors };
}
