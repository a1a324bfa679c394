/**
 * Does registering captures for the LeadSquared Trigger slow Capture (Async) down? Runs the
 * action node's Capture (Async) over N items through the real engine against the sandbox,
 * alternately with the journal append and without it (LEADSQUARED_JOURNAL_DISABLED), and
 * times the append alone.
 *   npx ts-node --transpile-only test/bench/captureJournalOverhead.ts
 * Env: BENCH_ITEMS (300), BENCH_ROUNDS (10).
 */
import '../harness/setupEnv';

import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	process.env.LEADSQUARED_JOURNAL_DIR = mkdtempSync(join(tmpdir(), 'lsq-bench-journal-'));
	const { LeadSquaredSandbox } = await import('../sandbox/server');
	const { captureLeads } = await import('../harness/captureRuns');
	const { appendToJournal } = await import('../../nodes/LeadSquared/captureJournal/append');
	const { Container } = await import('@n8n/di');
	const { SSHClientsManager } = await import('n8n-core/dist/execution-engine/ssh-clients-manager');

	const items = Number(process.env.BENCH_ITEMS ?? 300);
	const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
	// A limit the items never reach, so the governor's pacing does not hide the difference.
	const sandbox = await LeadSquaredSandbox.start({ rateLimit: { calls: 100_000, windowMs: 1_000 } });
	let serial = 0;
	const leads = () => Array.from({ length: items }, () => ({ FirstName: 'Bench', EmailAddress: `bench-${++serial}@example.com` }));

	async function timedCapture(journal: boolean): Promise<number> {
		if (journal) delete process.env.LEADSQUARED_JOURNAL_DISABLED;
		else process.env.LEADSQUARED_JOURNAL_DISABLED = 'true';
		const started = process.hrtime.bigint();
		await captureLeads(sandbox, leads());
		return Number(process.hrtime.bigint() - started) / 1e6;
	}

	await timedCapture(true); // warm-up
	await timedCapture(false);
	const withJournal: number[] = [];
	const withoutJournal: number[] = [];
	// Which goes first alternates, so the runs' drift (JIT, GC) does not count against either.
	for (let round = 0; round < rounds; round++) {
		for (const journal of round % 2 ? [false, true] : [true, false]) {
			(journal ? withJournal : withoutJournal).push(await timedCapture(journal));
		}
	}

	const appends = 5_000;
	const appendStarted = process.hrtime.bigint();
	for (let index = 0; index < appends; index++) {
		await appendToJournal('bench-account', {
			requestId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			submittedAt: Date.now(),
			workflowId: 'wf-bench',
			executionId: 'exec-bench',
			nodeName: 'LeadSquared',
			searchBy: 'EmailAddress',
			submitted: { FirstName: 'Bench', EmailAddress: `bench-${index}@example.com` },
		});
	}
	const appendMicros = Number(process.hrtime.bigint() - appendStarted) / 1e3 / appends;

	const row = (runs: number[]) => ({
		'median ms per run': Number(median(runs).toFixed(1)),
		'ms per item': Number((median(runs) / items).toFixed(3)),
		'runs (ms)': runs.map((ms) => Math.round(ms)).join(' '),
	});
	console.log(`Capture (Async), ${items} items per run, ${rounds} runs each, in alternating order`);
	console.table({ 'with journal append': row(withJournal), 'without (LEADSQUARED_JOURNAL_DISABLED)': row(withoutJournal) });
	const overhead = (median(withJournal) - median(withoutJournal)) / median(withoutJournal);
	console.log(`Difference of medians: ${(overhead * 100).toFixed(1)} %`);
	console.log(`appendToJournal alone: ${appendMicros.toFixed(1)} µs per capture (${appends} sequential appends)`);

	await sandbox.close();
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
	process.exit(0);
}

void main();
