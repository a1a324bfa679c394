import { spawn } from 'child_process';
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { appendToJournal } from '../../nodes/LeadSquared/captureJournal/append';
import type { JournalEntry } from '../../nodes/LeadSquared/captureJournal/entry';
import { serializeEntry } from '../../nodes/LeadSquared/captureJournal/entry';
import { accountJournalDir } from '../../nodes/LeadSquared/captureJournal/paths';
import { accountFrom } from '../../nodes/LeadSquared/transport/account';
import { journalEnd, readJournal } from '../../nodes/LeadSquaredTrigger/journalReader';
import type { TriggerState } from '../../nodes/LeadSquaredTrigger/stateStore';
import { loadState, saveState, statePathFor } from '../../nodes/LeadSquaredTrigger/stateStore';
import { captureLeads } from '../harness/captureRuns';
import { useFreshJournalDir } from '../harness/journalDir';
import { useSandbox } from '../harness/sandboxFixture';
import { VirtualClock } from '../harness/virtualClock';

const journalRoot = useFreshJournalDir();
const clock = new VirtualClock(Date.UTC(2025, 0, 6, 10, 5));
const sandbox = useSandbox({ clock: clock.now, rateLimit: { calls: 1000, windowMs: 1_000 } });
beforeAll(() => clock.install());
afterAll(() => clock.uninstall());

const entry = (requestId: string, submittedAt = Date.UTC(2025, 0, 6, 9, 30)): JournalEntry => ({
	requestId,
	submittedAt,
	workflowId: 'wf',
	executionId: 'ex',
	nodeName: 'Capture',
	searchBy: null,
	submitted: { FirstName: 'A' },
});

function writer(accountId: string, tag: string, count: number) {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '../harness/journalWriterProcess.ts'), accountId, tag, String(count)], {
		env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, exited };
}

describe('capture journal', () => {
	it('loses no entry when several processes append at once, even one killed mid-run', async () => {
		const writers = ['w1', 'w2', 'w3'].map((tag) => writer('acct-concurrent', tag, 400));
		const victim = writer('acct-concurrent', 'killed', 100_000);
		await new Promise((resolve) => victim.child.stdout!.once('data', resolve));
		await new Promise((resolve) => setTimeout(resolve, 200));
		victim.child.kill('SIGKILL');
		expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0, 0]);
		await victim.exited;

		const { entries } = await readJournal('acct-concurrent', {});
		const ids = entries.map((e) => e.requestId);
		expect(new Set(ids).size).toBe(ids.length);
		for (const tag of ['w1', 'w2', 'w3']) {
			expect(ids.filter((id) => id.startsWith(`${tag}-`))).toHaveLength(400);
		}
		const killed = ids.filter((id) => id.startsWith('killed-')).map((id) => Number(id.slice(7)));
		expect(killed.length).toBeGreaterThan(0);
		expect(killed).toEqual(Array.from({ length: killed.length }, (_, i) => i)); // a gapless prefix
		expect(entries.every((e) => typeof e.submitted?.Notes === 'string')).toBe(true);
		expect(readdirSync(accountJournalDir('acct-concurrent'))).toHaveLength(4); // one segment per writer
	}, 60_000);

	it('leaves a line still being written for the next read, and recovers the line after a torn one', async () => {
		const dir = accountJournalDir('acct-torn');
		mkdirSync(dir, { recursive: true });
		const segment = join(dir, '20250106T09.jsonl');
		const whole = serializeEntry(entry('first')).toString();
		writeFileSync(segment, whole + whole.slice(0, 25)); // the second line is half written

		const firstRead = await readJournal('acct-torn', {});
		expect(firstRead.entries.map((e) => e.requestId)).toEqual(['first']);
		expect(firstRead.cursor).toEqual({ '20250106T09.jsonl': Buffer.byteLength(whole) });

		// Its writer died; the next capture's line lands right after the fragment.
		appendFileSync(segment, serializeEntry(entry('after-torn')));
		const secondRead = await readJournal('acct-torn', firstRead.cursor);
		expect(secondRead.entries.map((e) => e.requestId)).toEqual(['after-torn']);
		expect((await readJournal('acct-torn', secondRead.cursor)).entries).toEqual([]);
	});

	it('reads a late append to an earlier hour’s segment, and starts a new trigger at the journal’s end', async () => {
		const nine = Date.UTC(2025, 0, 6, 9, 59);
		const ten = Date.UTC(2025, 0, 6, 10, 1);
		await appendToJournal('acct-hours', entry('before-activation', nine));
		const start = await journalEnd('acct-hours');
		await appendToJournal('acct-hours', entry('ten', ten));
		await appendToJournal('acct-hours', entry('nine-late', nine));
		const { entries } = await readJournal('acct-hours', start);
		expect(entries.map((e) => e.requestId).sort()).toEqual(['nine-late', 'ten']);
		expect(readdirSync(accountJournalDir('acct-hours')).sort()).toEqual([
			expect.stringMatching(/^20250106T09\.[\w-]+-\d+\.jsonl$/),
			expect.stringMatching(/^20250106T10\.[\w-]+-\d+\.jsonl$/),
		]);
	});
});

describe('trigger state file', () => {
	const state = (cursorOffset: number): TriggerState => ({
		accountId: 'acct',
		workflowId: 'wf',
		nodeId: 'node',
		cursor: { '20250106T09.jsonl': cursorOffset },
		typedSeen: [],
		watched: [],
		emittedIds: [],
	});

	it('survives a crash between writing the new state and renaming it: the old state is loaded', async () => {
		const path = statePathFor('wf', 'node', 'acct');
		expect(await saveState(path, state(100), 0)).toBe(true);
		// What a process killed mid-save leaves behind: a half-written temp file.
		writeFileSync(`${path}.12345-deadbeef.tmp`, '{"format":"n8n-nodes-leadsquared/trigger-state","formatVe');
		expect(await loadState(path)).toEqual({ state: state(100), version: 1 });
	});

	it('refuses to save over a state another poll saved in between (no double emission)', async () => {
		const path = statePathFor('wf', 'node-2', 'acct');
		expect(await saveState(path, state(1), 0)).toBe(true);
		const [a, b] = await Promise.all([saveState(path, state(2), 1), saveState(path, state(3), 1)]);
		expect([a, b].sort()).toEqual([false, true]);
		expect((await loadState(path))?.version).toBe(2);
		expect(readdirSync(join(journalRoot(), 'trigger-state')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe('Capture (Async) registering for the trigger', () => {
	it('records each RequestID with the workflow and execution that submitted it', async () => {
		const { requestIds, run } = await captureLeads(sandbox(), [{ FirstName: 'A', EmailAddress: 'a@example.com' }], {
			workflowId: 'wf-form',
			executionId: 'exec-42',
		});
		expect(run.items[0].json.watchedByTrigger).toBeUndefined();
		const accountId = accountFrom(sandbox().credentialsFor()).id;
		const { entries } = await readJournal(accountId, {});
		expect(entries).toEqual([
			{
				requestId: requestIds[0],
				submittedAt: expect.any(Number),
				workflowId: 'wf-form',
				executionId: 'exec-42',
				nodeName: 'LeadSquared',
				searchBy: 'EmailAddress',
				submitted: { FirstName: 'A', EmailAddress: 'a@example.com' },
			},
		]);
	});

	it('keeps the RequestID and says the request is not watched when the journal cannot be written', async () => {
		const blocker = join(journalRoot(), 'not-a-folder');
		writeFileSync(blocker, '');
		process.env.LEADSQUARED_JOURNAL_DIR = join(blocker, 'journal');
		const { requestIds, run } = await captureLeads(sandbox(), [{ FirstName: 'B', EmailAddress: 'b@example.com' }]);
		expect(requestIds[0]).toMatch(/^[0-9a-f-]{36}$/);
		expect(run.items[0].json).toMatchObject({
			status: 'pending',
			watchedByTrigger: false,
			watchedByTriggerReason: expect.stringMatching(/^Could not record the request for the LeadSquared Trigger: ENOTDIR/),
		});
	});

	it('writes nothing when LEADSQUARED_JOURNAL_DISABLED is set, and says so', async () => {
		process.env.LEADSQUARED_JOURNAL_DISABLED = 'true';
		try {
			const { run } = await captureLeads(sandbox(), [{ FirstName: 'C', EmailAddress: 'c@example.com' }]);
			expect(run.items[0].json).toMatchObject({ watchedByTrigger: false, watchedByTriggerReason: 'LEADSQUARED_JOURNAL_DISABLED is set' });
			expect(readdirSync(journalRoot())).toEqual([]);
		} finally {
			delete process.env.LEADSQUARED_JOURNAL_DISABLED;
		}
	});
});
