import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { singleLine } from '../e2e/support/lines';
import type { LoadResult, LoadTarget } from '../e2e/support/pushLoad';
import { createLoadWorkflow, runLoad } from '../e2e/support/pushLoad';
import { startQueueStack } from '../e2e/support/queueStack';
import { ARTIFACTS_DIR, startStack } from '../e2e/support/stack';

/**
 * `npm run bench:queue`: browser pushes through the LeadSquared node in real n8n, in regular
 * mode and in queue mode (a main and two workers on PostgreSQL and Redis, each with its own
 * user folder), against one sandbox at LeadSquared's 25 calls per 5 s. Prints, per mode and
 * load: executions × items, calls, 429s, the most calls in any 5 s window, failed items, wall
 * time against the rate-limit floor, and the slowest small execution next to the large one.
 * Env: N8N_LINE (1).
 */
export const LOADS: Record<string, number[]> = {
	'6 × 75': [75, 75, 75, 75, 75, 75],
	'1 × 250 + 3 × 10': [250, 10, 10, 10],
};

export interface ModeResults {
	mode: 'regular' | 'queue (2 workers)';
	results: Record<string, LoadResult>;
}

export async function measure(target: LoadTarget, path: string, loads = LOADS): Promise<Record<string, LoadResult>> {
	const workflowId = await createLoadWorkflow(target.rest, path);
	const results: Record<string, LoadResult> = {};
	for (const [name, sizes] of Object.entries(loads)) {
		console.log(`  ${name}…`);
		results[name] = await runLoad(target, workflowId, path, sizes);
		// the account's window empties before the next load
		await new Promise((resolve) => setTimeout(resolve, target.sandbox.rateLimit.windowMs * 2));
	}
	return results;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function table(modes: ModeResults[]): Record<string, Record<string, string | number>> {
	const rows: Record<string, Record<string, string | number>> = {};
	for (const { mode, results } of modes) {
		for (const [load, result] of Object.entries(results)) {
			const small = result.executions.filter((execution) => execution.items <= 10);
			const large = result.executions.filter((execution) => execution.items > 10);
			const workers = result.executions.map((execution) => execution.worker).filter((worker) => worker !== null);
			rows[`${mode}: ${load}`] = {
				calls: result.calls,
				'429s': result.rateLimited,
				'429 %': ((100 * result.rateLimited) / Math.max(1, result.calls)).toFixed(1),
				'max in 5 s': result.maxInAnyWindow,
				'failed items': result.failedItems,
				'wall (s)': seconds(result.wallMs),
				'floor (s)': seconds(result.floorMs),
				'wall / floor': (result.wallMs / result.floorMs).toFixed(3),
				'slowest small (s)': small.length ? seconds(Math.max(...small.map((execution) => execution.ms))) : '-',
				'large (s)': large.map((execution) => seconds(execution.ms)).join(' '),
				'by worker': workers.length ? [0, 1].map((index) => workers.filter((worker) => worker === index).length).join(' + ') : '-',
			};
		}
	}
	return rows;
}

async function main() {
	const line = singleLine();
	const sandbox = { rateLimit: { calls: 25, windowMs: 5_000 } };
	const modes: ModeResults[] = [];

	console.log(`regular mode (n8n line ${line})…`);
	const regular = await startStack(line, { label: 'bench-queue-regular', sandbox });
	try {
		modes.push({ mode: 'regular', results: await measure({ rest: regular.rest, sandbox: regular.sandbox, main: regular.n8n }, 'lsq-load-regular') });
	} finally {
		await regular.stop();
	}

	console.log('queue mode, 2 workers…');
	const queue = await startQueueStack(line, { label: 'bench-queue', sandbox, workers: 2 });
	try {
		modes.push({ mode: 'queue (2 workers)', results: await measure({ rest: queue.rest, sandbox: queue.sandbox, main: queue.main, workers: queue.workers }, 'lsq-load-queue') });
	} finally {
		await queue.stop();
	}

	console.log(`\nn8n line ${line}, sandbox at 25 calls per 5 s; floor = floor((N-1)/25) × 5 s`);
	console.table(table(modes));
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const file = join(ARTIFACTS_DIR, `bench-queue-line${line}.json`);
	writeFileSync(file, JSON.stringify(modes, null, 2) + '\n');
	console.log(`(saved ${file})`);
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	});
}
