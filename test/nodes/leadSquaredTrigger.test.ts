import { readdirSync, readFileSync, statSync } from 'fs';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { captureLeads } from '../harness/captureRuns';
import { useFreshJournalDir } from '../harness/journalDir';
import { useSandbox } from '../harness/sandboxFixture';
import type { TriggerProcessOptions } from '../harness/triggerProcess';
import { emittedJson, TriggerProcess, triggerFiles } from '../harness/triggerProcess';
import { VirtualClock } from '../harness/virtualClock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STATUS_PATH = '/lead/status';

const clock = new VirtualClock(Date.UTC(2025, 0, 6, 8, 0, 0));
const sandbox = useSandbox({ clock: clock.now, rateLimit: { calls: 1000, windowMs: 1_000 } });
useFreshJournalDir();
beforeAll(() => clock.install());
afterAll(() => clock.uninstall());
beforeEach(() => {
	sandbox().setFaults([]);
	sandbox().setQueue({ delayMs: 3_000 });
	sandbox().clearRecord();
});
// The sandbox's queue is first in, first out: let any slow request of a test leave it before the next test.
afterEach(() => clock.advance(25 * HOUR));

let counter = 0;
const lead = (overrides: IDataObject = {}) => ({ FirstName: 'Priya', EmailAddress: `trigger-${++counter}@example.com`, ...overrides });

function triggerOptions(parameters: INodeParameters = {}, workflowId?: string): TriggerProcessOptions {
	return { parameters: { outcome: 'any', ...parameters }, credentials: sandbox().credentialsFor(), workflowId };
}

/** Polls once a virtual minute (a new process each time when `restart`) and gathers what is emitted. */
async function pollFor(options: TriggerProcessOptions, minutes: number, restart = false): Promise<IDataObject[]> {
	const emitted: IDataObject[] = [];
	let trigger = new TriggerProcess(options);
	for (let minute = 0; minute < minutes; minute++) {
		clock.advance(MINUTE);
		if (restart) trigger = new TriggerProcess(options);
		emitted.push(...emittedJson(await trigger.poll()));
	}
	return emitted;
}

async function activate(options: TriggerProcessOptions): Promise<void> {
	expect(await new TriggerProcess(options).poll()).toBeNull();
}

const countBy = (ids: unknown[]) => ids.reduce<Record<string, number>>((counts, id) => ({ ...counts, [String(id)]: (counts[String(id)] ?? 0) + 1 }), {});

describe('LeadSquared Trigger: typed Request IDs', () => {
	it('emits a malformed and an unknown ID once each as invalid, and a real one once with its result', async () => {
		process.env.LEADSQUARED_JOURNAL_DISABLED = 'true'; // submitted "outside": only the typed ID leads to it
		const { requestIds: [outside] } = await captureLeads(sandbox(), [lead()]).finally(() => delete process.env.LEADSQUARED_JOURNAL_DISABLED);
		const unknown = '00000000-0000-4000-8000-000000000000';
		const options = triggerOptions({ requestIds: `not-a-request-id, ${unknown}\n${outside}` });

		const emitted = await pollFor(options, 6, true);

		expect(countBy(emitted.map((item) => item.requestId))).toEqual({ 'not-a-request-id': 1, [unknown]: 1, [outside]: 1 });
		const byId = Object.fromEntries(emitted.map((item) => [item.requestId, item]));
		expect(byId['not-a-request-id']).toMatchObject({
			status: 'invalid',
			source: 'requestIdList',
			reason: '"not-a-request-id" is not a LeadSquared request ID (like 8eca6fa6-262c-43eb-8cfe-6e3325e2dc73)',
			statusChecks: 0,
		});
		expect(byId[unknown]).toMatchObject({
			status: 'invalid',
			reason: `LeadSquared answered 404 Not Found: No request found with RequestID ${unknown}`,
			statusChecks: 1,
		});
		expect(byId[outside]).toMatchObject({ status: 'success', source: 'requestIdList', submittedAt: null, workflowId: null });
		// The unknown ID was asked about once, not on every poll.
		expect(sandbox().requestsTo(STATUS_PATH, 'GET').filter((request) => request.url.includes(unknown))).toHaveLength(1);
	});
});

describe('LeadSquared Trigger: Fetch Test Event', () => {
	it('says clearly that nothing has been submitted yet', async () => {
		await expect(new TriggerProcess(triggerOptions()).poll('manual')).rejects.toThrow('Nothing has been submitted yet');
	});

	it('returns the latest finished request without consuming it: the next real poll still emits it', async () => {
		const options = triggerOptions();
		await activate(options);
		const { requestIds: earlier } = await captureLeads(sandbox(), [lead(), lead({ EmailAddress: 'bad-address' })]);
		clock.advance(MINUTE);
		const { requestIds: [latest] } = await captureLeads(sandbox(), [lead({ FirstName: 'Latest' })]);
		clock.advance(MINUTE);
		const { statePath } = triggerFiles(options);
		const stateBefore = readFileSync(statePath, 'utf8');

		const test = emittedJson(await new TriggerProcess(options).poll('manual'));

		expect(test).toEqual([expect.objectContaining({ requestId: latest, status: 'success', submitted: expect.objectContaining({ FirstName: 'Latest' }) })]);
		expect(readFileSync(statePath, 'utf8')).toBe(stateBefore);
		const real = emittedJson(await new TriggerProcess(options).poll());
		expect(real.map((item) => item.requestId).sort()).toEqual([...earlier, latest].sort());
	});

	it('says when nothing has finished yet', async () => {
		sandbox().setQueue({ delayMs: 2 * HOUR });
		await captureLeads(sandbox(), [lead()]);
		clock.advance(MINUTE);
		await expect(new TriggerProcess(triggerOptions()).poll('manual')).rejects.toThrow('Nothing has finished yet');
	});
});

describe('LeadSquared Trigger: which requests and outcomes', () => {
	it('with Outcome "Success" emits only successes, and never the failures later', async () => {
		const options = triggerOptions({ outcome: 'success' });
		await activate(options);
		const { requestIds: [good, bad] } = await captureLeads(sandbox(), [lead(), lead({ EmailAddress: 'no-at-sign' })]);
		const emitted = await pollFor(options, 5);
		expect(emitted.map((item) => item.requestId)).toEqual([good]);
		expect(sandbox().requestsTo(STATUS_PATH, 'GET').filter((request) => request.url.includes(bad))).toHaveLength(1);
	});

	it('with Outcome "Failed" emits FAILURE, invalid IDs and Timed Out, not successes', async () => {
		const options = triggerOptions({ outcome: 'failed', requestIds: 'nonsense', options: { giveUpAfterHours: 1 } });
		const emitted = emittedJson(await new TriggerProcess(options).poll()); // the typed ID is invalid at once
		const { requestIds: [, bad] } = await captureLeads(sandbox(), [lead(), lead({ EmailAddress: 'no-at-sign' })]);
		sandbox().setQueue({ delayMs: 5 * HOUR });
		const { requestIds: [slow] } = await captureLeads(sandbox(), [lead()]);
		emitted.push(...(await pollFor(options, 75)));
		expect(Object.fromEntries(emitted.map((item) => [item.requestId, item.status]))).toEqual({
			nonsense: 'invalid',
			[bad]: 'failure',
			[slow]: 'timedOut',
		});
	});

	it('by default watches every workflow’s captures; with "Only Requests From This Workflow" only its own', async () => {
		const own = triggerOptions({ ownWorkflowOnly: true }, 'wf-own');
		const all = triggerOptions({}, 'wf-watch-all');
		await activate(own);
		await activate(all);
		const { requestIds: mine } = await captureLeads(sandbox(), [lead(), lead()], { workflowId: 'wf-own', executionId: 'own-1' });
		const { requestIds: theirs } = await captureLeads(sandbox(), [lead()], { workflowId: 'wf-other', executionId: 'other-1' });

		const ownEmitted = await pollFor(own, 2);
		clock.advance(-2 * MINUTE);
		const allEmitted = await pollFor(all, 2);

		expect(ownEmitted.map((item) => item.requestId).sort()).toEqual([...mine].sort());
		expect(ownEmitted[0]).toMatchObject({ workflowId: 'wf-own', executionId: 'own-1', source: 'capture' });
		expect(allEmitted.map((item) => item.requestId).sort()).toEqual([...mine, ...theirs].sort());
	});
});

describe('LeadSquared Trigger: bounded state', () => {
	it('emits requests over Max Watched Requests, then expired ones, each once as Timed Out, and prunes the journal', async () => {
		sandbox().setQueue({ delayMs: 24 * HOUR });
		const options = triggerOptions({ options: { maxWatched: 20, giveUpAfterHours: 2 } });
		const { statePath, journalDir } = triggerFiles(options);
		await activate(options);
		const { requestIds: older } = await captureLeads(sandbox(), Array.from({ length: 30 }, () => lead()));
		clock.advance(MINUTE);
		const { requestIds: newer } = await captureLeads(sandbox(), Array.from({ length: 20 }, () => lead()));

		clock.advance(MINUTE);
		const overflow = emittedJson(await new TriggerProcess(options).poll());
		expect(overflow.every((item) => item.status === 'timedOut' && String(item.reason).startsWith('Stopped watching: more than 20'))).toBe(true);
		expect(overflow.map((item) => item.requestId).sort()).toEqual([...older].sort()); // the oldest go first

		const later: IDataObject[] = [];
		const sizes: number[] = [];
		for (let poll = 0; poll < 30; poll++) {
			clock.advance(5 * MINUTE);
			later.push(...emittedJson(await new TriggerProcess(options).poll()));
			sizes.push(statSync(statePath).size);
			expect(JSON.parse(readFileSync(statePath, 'utf8').split('\n')[1]).watched.length).toBeLessThanOrEqual(20);
		}
		expect(later.map((item) => item.requestId).sort()).toEqual([...newer].sort());
		expect(later[0]).toMatchObject({ status: 'timedOut', leadSquaredStatus: 'In-Queue', reason: "No final status within 2 h (Give Up After); LeadSquared's last status: In-Queue" });
		expect(Math.max(...sizes)).toBeLessThan(20_000);
		// In-Queue checks backed off instead of asking on every poll.
		expect(Math.max(...later.map((item) => item.statusChecks as number))).toBeLessThanOrEqual(12); // of 24 polls

		expect(readdirSync(journalDir)).toHaveLength(1);
		clock.advance(80 * HOUR);
		await captureLeads(sandbox(), [lead()]);
		await new TriggerProcess(options).poll();
		expect(readdirSync(journalDir)).toHaveLength(1); // the old hour's segment is gone, the new one stays
	});
});

describe('LeadSquared Trigger: failing status calls', () => {
	it('neither drops nor repeats an emission when status calls get 500s, 429s and dropped connections', async () => {
		const options = triggerOptions();
		await activate(options);
		const { requestIds } = await captureLeads(sandbox(), Array.from({ length: 40 }, (_, i) => lead(i % 8 === 0 ? { EmailAddress: `broken-${i}` } : {})));
		const emitted: IDataObject[] = [];

		sandbox().setFaults([{ kind: 'status503', path: STATUS_PATH }]);
		emitted.push(...(await pollFor(options, 1)));
		expect(emitted).toEqual([]);

		sandbox().setFaults(
			[
				{ kind: 'status500', path: STATUS_PATH, rate: 0.3 },
				{ kind: 'status429', path: STATUS_PATH, rate: 0.15 },
				{ kind: 'dropAfter', path: STATUS_PATH, rate: 0.1 },
				{ kind: 'dropBefore', path: STATUS_PATH, rate: 0.05 },
			],
			42,
		);
		emitted.push(...(await pollFor(options, 3, true)));
		sandbox().setFaults([]);
		emitted.push(...(await pollFor(options, 3, true)));

		const faults = sandbox().requestsTo(STATUS_PATH, 'GET').map((request) => request.fault);
		expect(faults).toEqual(expect.arrayContaining(['status503', 'status500', 'status429', 'dropAfter', 'dropBefore']));
		expect(countBy(emitted.map((item) => item.requestId))).toEqual(Object.fromEntries(requestIds.map((id) => [id, 1])));
		expect(emitted.filter((item) => item.status === 'failure')).toHaveLength(5);
	}, 120_000);
});

describe('LeadSquared Trigger: overlapping polls and credentials', () => {
	it('two polls of the same trigger at once emit each request once between them', async () => {
		const options = triggerOptions();
		await activate(options);
		const { requestIds } = await captureLeads(sandbox(), Array.from({ length: 10 }, () => lead()));
		clock.advance(MINUTE);
		const [first, second] = await Promise.all([new TriggerProcess(options).poll(), new TriggerProcess(options).poll()]);
		const emitted = [...emittedJson(first), ...emittedJson(second)];
		expect(emitted.map((item) => item.requestId).sort()).toEqual([...requestIds].sort());
	});

	it('a rejected credential fails the poll and consumes nothing', async () => {
		const options = triggerOptions();
		await activate(options);
		const { requestIds: [id] } = await captureLeads(sandbox(), [lead()]);
		clock.advance(MINUTE);
		const wrongSecret = { ...options, credentials: { ...options.credentials, secretKey: 'wrong-secret-key' } };
		await expect(new TriggerProcess(wrongSecret).poll()).rejects.toThrow('LeadSquared rejected the credentials (401)');
		expect(emittedJson(await new TriggerProcess(options).poll()).map((item) => item.requestId)).toEqual([id]);
	});
});
