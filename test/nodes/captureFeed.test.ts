import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';

import { captureLeads } from '../harness/captureRuns';
import { FakeN8nApi } from '../harness/fakeN8nApi';
import type { StoredExecution } from '../harness/fakeN8nApi';
import { emittedJson, StoredStaticData, TriggerProcess } from '../harness/triggerProcess';
import { useTriggerWorld } from '../harness/triggerWorld';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** What one poll may spend on n8n's API: 200 executions asked about by number, and its listing (a page here). */
const BY_NUMBER_PER_POLL = 200;

const { clock, sandbox } = useTriggerWorld();
/** Each test has an n8n of its own, so that it decides the execution numbers. */
let n8n: FakeN8nApi;
beforeEach(async () => {
	n8n = await FakeN8nApi.start(clock.now);
	sandbox().setQueue({ delayMs: 3_000 });
});
afterEach(async () => {
	await n8n.close();
	clock.advance(DAY);
});

let counter = 0;
const lead = () => ({ FirstName: 'Priya', EmailAddress: `feed-${++counter}@example.com` });
const iso = (ms: number) => new Date(ms).toISOString();

/** An execution of a workflow that captures nothing, at the test's time. */
const execution = (overrides: Partial<StoredExecution> = {}): Omit<StoredExecution, 'id'> => ({
	workflowId: 'wf-report',
	status: 'success',
	startedAt: iso(clock.now()),
	stoppedAt: iso(clock.now()),
	workflowData: {},
	...overrides,
});

/** A capture execution running in the instance that answers n8n's API (so left out of its list), and how it will finish. */
async function runningCapture() {
	const { run, requestIds } = await captureLeads(sandbox(), [lead()], { workflowId: 'wf-form' });
	const id = n8n.add(execution({ workflowId: 'wf-form', status: 'running', stoppedAt: null, activeHere: true }));
	return { id, requestId: requestIds[0], finish: () => n8n.finish(id, run.run, run.workflowData) };
}

/** n8n's history of `numbers` executions, all pruned since (numbers do not restart). */
function prunedHistory(numbers: number): void {
	for (let i = 0; i < 3; i++) n8n.add(execution());
	n8n.skipIds(numbers - 6); // pruned and hard-deleted long ago
	for (let i = 0; i < 3; i++) n8n.add(execution());
	clock.advance(15 * DAY);
	n8n.prune({ maxAgeMs: 14 * DAY }); // n8n's defaults: EXECUTIONS_DATA_MAX_AGE 336 h
}

/** A trigger, and how to restart it (n8n's database holds what it stored with its latest emission). */
function activate(): { trigger: TriggerProcess; restart: () => TriggerProcess } {
	const store = new StoredStaticData();
	const options = { parameters: { outcome: 'any' }, credentials: sandbox().credentialsFor(), n8nApi: n8n.credentialsFor() };
	return { trigger: new TriggerProcess(options, store), restart: () => new TriggerProcess(options, store) };
}

/** One poll a virtual minute later: what it emitted and what it asked n8n. */
async function poll(trigger: TriggerProcess) {
	clock.advance(MINUTE);
	const before = n8n.requests.length;
	const emitted = emittedJson(await trigger.poll());
	const requests = n8n.requests.slice(before);
	const asked = requests.filter((request) => /^\/api\/v1\/executions\/\d+$/.test(request.path) && request.query.includeData === 'false');
	return {
		emitted,
		listings: requests.filter((request) => request.path === '/api/v1/executions').length,
		asked: asked.map((request) => Number(request.path.split('/').pop())),
	};
}

type Poll = Awaited<ReturnType<typeof poll>>;

/** Polls until no skipped number is left (at most `limit` polls), and once more. */
async function pollUntilWalked(trigger: TriggerProcess, limit: number): Promise<Poll[]> {
	const polls: Poll[] = [];
	do polls.push(await poll(trigger));
	while (trigger.liveState().feed.skipped?.length && polls.length < limit);
	polls.push(await poll(trigger));
	return polls;
}

const requestIdsOf = (polls: Poll[]) => polls.flatMap((each) => each.emitted.map((item: IDataObject) => item.requestId));
const countsOf = (ids: unknown[]) => ids.reduce<Record<string, number>>((counts, id) => ({ ...counts, [String(id)]: (counts[String(id)] ?? 0) + 1 }), {});

describe('LeadSquared Trigger: the numbers n8n’s list of executions skipped', () => {
	it('pruned history, high numbers: a capture running in the answering instance while a later one is listed is emitted once', async () => {
		prunedHistory(20_000);
		const { trigger, restart } = activate();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.liveState().feed.readUpTo).toBe(0); // n8n listed nothing: its numbers are unknown

		const slow = await runningCapture();
		const { requestIds: [quick], executionId } = await captureLeads(sandbox(), [lead()], { workflowId: 'wf-form', n8n });
		expect(Number(slow.id)).toBeGreaterThan(20_000);

		const first = await poll(trigger);
		expect(first.emitted.map((item) => item.requestId)).toEqual([quick]);
		expect(first.asked).toEqual([]); // skipped numbers are asked about from the next poll on
		const second = await poll(trigger);
		expect(second.asked[0]).toBe(Number(slow.id)); // the nearest to the listed one first: still running
		slow.finish();
		const third = await poll(trigger);
		const restarted = restart(); // from the state stored with the emission: the walk goes on, nothing twice
		const polls = [first, second, third];
		for (let i = 0; i < 10; i++) polls.push(await poll(restarted));

		expect(countsOf(requestIdsOf(polls))).toEqual({ [quick]: 1, [slow.requestId]: 1 });
		expect(third.emitted.map((item) => item.requestId)).toEqual([slow.requestId]);
		for (const each of polls) {
			expect(each.asked.length).toBeLessThanOrEqual(BY_NUMBER_PER_POLL);
			expect(each.listings).toBe(1);
		}
		// Highest first, each number once (the running one once more, when finished); the rest is one run, down to 1.
		const asked = polls.flatMap((each) => each.asked);
		const walked = asked.filter((number, i) => i !== asked.indexOf(Number(slow.id), 1));
		expect(walked).toEqual(Array.from({ length: 12 * BY_NUMBER_PER_POLL - 1 }, (_, i) => Number(slow.id) - i));
		expect(restarted.liveState().feed).toMatchObject({ readUpTo: Number(executionId), open: [], skipped: [[1, Number(slow.id) - walked.length]] });
		expect(JSON.stringify(restarted.liveState().feed).length).toBeLessThan(200);
	});

	it('more than 1,000 executions the key cannot see between two polls: the capture among them is emitted once', async () => {
		n8n.add(execution());
		const { trigger } = activate();
		expect(await trigger.poll()).toBeNull();
		n8n.skipIds(700);
		const slow = await runningCapture();
		n8n.skipIds(800);
		const { requestIds: [quick] } = await captureLeads(sandbox(), [lead()], { workflowId: 'wf-form', n8n });

		const polls = [await poll(trigger), await poll(trigger)];
		slow.finish();
		polls.push(...(await pollUntilWalked(trigger, 20)));

		expect(countsOf(requestIdsOf(polls))).toEqual({ [quick]: 1, [slow.requestId]: 1 });
		const asked = polls.flatMap((each) => each.asked);
		expect(asked).toEqual(Array.from({ length: 1501 }, (_, i) => Number(slow.id) + 800 - i)); // each once, highest first
		expect(polls.map((each) => each.asked.length)).toEqual([0, 200, 200, 200, 200, 200, 200, 200, 101, 0]);
		expect(polls.every((each) => each.listings === 1)).toBe(true);
		expect(JSON.stringify(trigger.liveState().feed).length).toBeLessThan(200);
	});

	it('an execution created before activation ends the walk down: older numbers are not asked about', async () => {
		prunedHistory(5_000);
		const before = n8n.add(execution({ status: 'running', stoppedAt: null, activeHere: true })); // since before activation
		n8n.skipIds(300);
		clock.advance(60 * MINUTE);
		const { trigger } = activate();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.liveState().feed.readUpTo).toBe(0);
		await captureLeads(sandbox(), [lead()], { workflowId: 'wf-form', n8n });

		const polls: Poll[] = [];
		for (let i = 0; i < 4; i++) polls.push(await poll(trigger));

		const asked = polls.flatMap((each) => each.asked);
		expect(Math.min(...asked)).toBe(Number(before));
		expect(asked.filter((number) => number === Number(before))).toHaveLength(2); // found, then re-checked while it runs
		expect(polls.map((each) => each.asked.length)).toEqual([0, 200, 101, 1]);
		expect(trigger.liveState().feed).toMatchObject({ skipped: [], open: [[Number(before), expect.any(Number)]] });
	});

	it('re-checks more running executions than one poll can in turn, so none waits behind the others', async () => {
		n8n.add(execution());
		const { trigger } = activate();
		expect(await trigger.poll()).toBeNull();
		for (let i = 0; i < 130; i++) n8n.add(execution({ workflowId: 'wf-long', status: 'running', stoppedAt: null, activeHere: true }));
		const slow = await runningCapture();
		await captureLeads(sandbox(), [lead()], { workflowId: 'wf-form', n8n });

		const polls = [await poll(trigger), await poll(trigger)]; // the 131 skipped numbers are found running
		expect(trigger.liveState().feed.open).toHaveLength(131);
		slow.finish();
		polls.push(await poll(trigger), await poll(trigger));

		expect(polls.map((each) => each.asked.length)).toEqual([0, 131, 100, 100]);
		expect(polls[3].asked.slice(0, 31)).toContain(Number(slow.id)); // the 31 not re-checked on the poll before come first
		expect(requestIdsOf(polls)).toContain(slow.requestId);
	});

	it('says in the log how many numbers it gave up when more runs of skipped numbers come than it keeps', async () => {
		n8n.add(execution());
		const { trigger } = activate();
		expect(await trigger.poll()).toBeNull();
		for (let i = 0; i < 1100; i++) {
			n8n.skipIds(1);
			n8n.add(execution());
		}
		const warn = jest.spyOn(Container.get(Logger), 'warn');
		try {
			const first = await poll(trigger);
			expect(first.listings).toBe(5);
			expect(trigger.liveState().feed.skipped).toHaveLength(1000);
			expect(warn).toHaveBeenCalledWith(expect.stringContaining('stopped following 100 n8n execution numbers'));
		} finally {
			warn.mockRestore();
		}
	});
});
