import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CAPTURE_ITEMS, captureLeads } from '../harness/captureRuns';
import { runNode } from '../harness/engine';
import type { TriggerProcessOptions } from '../harness/triggerProcess';
import { emittedJson, StoredStaticData, TriggerProcess } from '../harness/triggerProcess';
import { useTriggerWorld } from '../harness/triggerWorld';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STATUS_PATH = '/lead/status';

const { clock, sandbox, n8n } = useTriggerWorld();
beforeEach(() => {
	sandbox().setFaults([]);
	sandbox().setQueue({ delayMs: 3_000 });
	sandbox().clearRecord();
});
// The sandbox's queue is first in, first out: let any slow request of a test leave it before the next test.
afterEach(() => clock.advance(25 * HOUR));

let counter = 0;
const lead = (overrides: IDataObject = {}) => ({ FirstName: 'Priya', EmailAddress: `trigger-${++counter}@example.com`, ...overrides });

let triggerCount = 0;
/** A trigger in its own workflow (so each test starts with a fresh activation). */
function triggerOptions(parameters: INodeParameters = {}, workflowId = `wf-trigger-${++triggerCount}`): TriggerProcessOptions {
	return { parameters: { outcome: 'any', ...parameters }, credentials: sandbox().credentialsFor(), n8nApi: n8n().credentialsFor(), workflowId };
}

const capture = async (leads: IDataObject[], workflowId = 'wf-form') => await captureLeads(sandbox(), leads, { workflowId, n8n: n8n() });

/** Polls once a virtual minute (restarting n8n before each poll when `restart`) and gathers what is emitted. */
async function pollFor(options: TriggerProcessOptions, store: StoredStaticData, minutes: number, restart = false, first?: TriggerProcess): Promise<IDataObject[]> {
	const emitted: IDataObject[] = [];
	let trigger = first ?? new TriggerProcess(options, store);
	for (let minute = 0; minute < minutes; minute++) {
		clock.advance(MINUTE);
		if (restart) trigger = new TriggerProcess(options, store);
		emitted.push(...emittedJson(await trigger.poll()));
	}
	return emitted;
}

/** Activates a trigger: its first poll notes where n8n's executions are and emits nothing. */
async function activate(options: TriggerProcessOptions): Promise<{ trigger: TriggerProcess; store: StoredStaticData }> {
	const store = new StoredStaticData();
	const trigger = new TriggerProcess(options, store);
	expect(await trigger.poll()).toBeNull();
	return { trigger, store };
}

const countBy = (ids: unknown[]) => ids.reduce<Record<string, number>>((counts, id) => ({ ...counts, [String(id)]: (counts[String(id)] ?? 0) + 1 }), {});

describe('LeadSquared Trigger: captures made on any n8n instance, read from n8n’s executions', () => {
	it('emits each capture of each finished execution once, with where it came from', async () => {
		const options = triggerOptions();
		const { trigger, store } = await activate(options);
		const first = await capture([lead(), lead()]);
		const second = await capture([lead({ FirstName: 'Ravi' })], 'wf-other-form');

		const emitted = await pollFor(options, store, 3, false, trigger);

		expect(countBy(emitted.map((item) => item.requestId))).toEqual(
			Object.fromEntries([...first.requestIds, ...second.requestIds].map((id) => [id, 1])),
		);
		expect(emitted.find((item) => item.requestId === second.requestIds[0])).toMatchObject({
			status: 'success',
			source: 'capture',
			workflowId: 'wf-other-form',
			executionId: second.executionId,
			nodeName: 'LeadSquared',
			searchBy: 'EmailAddress',
			submitted: expect.objectContaining({ FirstName: 'Ravi' }),
		});
	});

	it('sees an execution still running when listed once it has finished, and follows skipped numbers once', async () => {
		const options = triggerOptions();
		const { trigger, store } = await activate(options);
		const { run, requestIds } = await captureLeads(sandbox(), [lead()], { workflowId: 'wf-form' });
		const running = n8n().add({ workflowId: 'wf-form', status: 'running', startedAt: new Date().toISOString(), stoppedAt: null, workflowData: {}, activeHere: true });
		n8n().skipIds(3); // executions of workflows the API key cannot see
		await capture([lead()]);

		const before = n8n().requests.length;
		await pollFor(options, store, 1, false, trigger);
		const askedFor = n8n().requests.slice(before).filter((request) => /^\/api\/v1\/executions\/\d+$/.test(request.path) && request.query.includeData === 'false');
		expect(askedFor).toHaveLength(0); // skipped and running numbers are asked about from the next poll on

		n8n().finish(running, run.run, run.workflowData);
		const emitted = await pollFor(options, store, 2, false, trigger);
		expect(emitted.map((item) => item.requestId)).toContain(requestIds[0]);
		const numbersAsked = n8n().requests.slice(before).filter((request) => /^\/api\/v1\/executions\/\d+$/.test(request.path) && request.query.includeData === 'false');
		expect(new Set(numbersAsked.map((request) => request.path)).size).toBe(4); // the running one and the 3 skipped
		expect(numbersAsked).toHaveLength(4); // each asked once: the skipped ones are gone (404), the other finished
	});

	it('ignores captures made with another credential', async () => {
		const options = triggerOptions();
		const { trigger, store } = await activate(options);
		const { run } = await captureLeads(sandbox(), [lead()], { workflowId: 'wf-other-credential' });
		const nodes = run.workflowData.nodes.map((node) => ({ ...node, credentials: { leadSquaredApi: { id: 'cred-2', name: 'Another account' } } }));
		n8n().recordRun(run.run, { ...run.workflowData, id: 'wf-other-credential', nodes });

		expect(await pollFor(options, store, 3, false, trigger)).toEqual([]);
	});

	it('emits the captures a run accepted before it stopped on an error', async () => {
		const options = triggerOptions();
		const { trigger, store } = await activate(options);
		sandbox().setFaults([{ kind: 'status500', path: '/lead/capture', count: 1 }]);
		// Without Search By a 500 is not sent again (it could create the lead twice): the node stops.
		const failing = await runNode({ parameters: { ...CAPTURE_ITEMS, searchBy: '' }, items: [lead(), lead(), lead()], credentials: sandbox().credentialsFor(), workflowId: 'wf-partly-failed' });
		sandbox().setFaults([]);
		n8n().recordRun(failing.run, failing.workflowData);
		const delivered = failing.error?.context?.deliveredRequestIds as string[];
		expect(failing.status).toBe('error');
		expect(delivered).toHaveLength(2);

		const emitted = await pollFor(options, store, 3, false, trigger);

		expect(emitted.map((item) => item.requestId).sort()).toEqual([...delivered].sort());
	});
});

describe('LeadSquared Trigger: typed Request IDs', () => {
	it('emits a malformed and an unknown ID once each as invalid, and a real one once with its result', async () => {
		const { requestIds: [outside] } = await captureLeads(sandbox(), [lead()]); // not an n8n execution: only the typed ID leads to it
		const unknown = '00000000-0000-4000-8000-000000000000';
		const options = triggerOptions({ requestIds: `not-a-request-id, ${unknown}\n${outside}` });

		const emitted = await pollFor(options, new StoredStaticData(), 6, true);

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
		const options = triggerOptions({ ownWorkflowOnly: true }, 'wf-nothing-yet');
		await expect(new TriggerProcess(options).poll('manual')).rejects.toThrow('Nothing has been submitted yet');
	});

	it('returns the latest finished request without consuming it: the next real poll still emits it', async () => {
		const options = triggerOptions();
		const { store } = await activate(options);
		const { requestIds: earlier } = await capture([lead(), lead({ EmailAddress: 'bad-address' })]);
		clock.advance(MINUTE);
		const { requestIds: [latest] } = await capture([lead({ FirstName: 'Latest' })]);
		clock.advance(MINUTE);
		const stored = JSON.stringify(store.data);

		const test = emittedJson(await new TriggerProcess(options, store).poll('manual'));

		expect(test).toEqual([expect.objectContaining({ requestId: latest, status: 'success', submitted: expect.objectContaining({ FirstName: 'Latest' }) })]);
		expect(JSON.stringify(store.data)).toBe(stored);
		const real = emittedJson(await new TriggerProcess(options, store).poll());
		expect(real.map((item) => item.requestId).sort()).toEqual([...earlier, latest].sort());
	});

	it('says when nothing has finished yet', async () => {
		sandbox().setQueue({ delayMs: 2 * HOUR });
		await capture([lead()], 'wf-slow');
		clock.advance(MINUTE);
		await expect(new TriggerProcess(triggerOptions({ ownWorkflowOnly: true }, 'wf-slow')).poll('manual')).rejects.toThrow('Nothing has finished yet');
	});
});

describe('LeadSquared Trigger: which requests and outcomes', () => {
	it('with Outcome "Success" emits only successes, and never the failures later', async () => {
		const options = triggerOptions({ outcome: 'success' });
		const { store } = await activate(options);
		const { requestIds: [good, bad] } = await capture([lead(), lead({ EmailAddress: 'no-at-sign' })]);
		const emitted = await pollFor(options, store, 5);
		expect(emitted.map((item) => item.requestId)).toEqual([good]);
		expect(sandbox().requestsTo(STATUS_PATH, 'GET').filter((request) => request.url.includes(bad))).toHaveLength(1);
	});

	it('with Outcome "Failed" emits FAILURE, invalid IDs and Timed Out, not successes', async () => {
		const options = triggerOptions({ outcome: 'failed', requestIds: 'nonsense', options: { giveUpAfterHours: 1 } });
		const store = new StoredStaticData();
		const emitted = emittedJson(await new TriggerProcess(options, store).poll()); // the typed ID is invalid at once
		const { requestIds: [, bad] } = await capture([lead(), lead({ EmailAddress: 'no-at-sign' })]);
		sandbox().setQueue({ delayMs: 5 * HOUR });
		const { requestIds: [slow] } = await capture([lead()]);
		emitted.push(...(await pollFor(options, store, 75)));
		expect(Object.fromEntries(emitted.map((item) => [item.requestId, item.status]))).toEqual({
			nonsense: 'invalid',
			[bad]: 'failure',
			[slow]: 'timedOut',
		});
	});

	it('by default watches every workflow’s captures; with "Only Requests From This Workflow" only its own', async () => {
		const own = triggerOptions({ ownWorkflowOnly: true }, 'wf-own');
		const all = triggerOptions({}, 'wf-watch-all');
		const ownStore = (await activate(own)).store;
		const allStore = (await activate(all)).store;
		const { requestIds: mine, executionId } = await capture([lead(), lead()], 'wf-own');
		const { requestIds: theirs } = await capture([lead()], 'wf-other');

		const ownEmitted = await pollFor(own, ownStore, 2);
		clock.advance(-2 * MINUTE);
		const allEmitted = await pollFor(all, allStore, 2);

		expect(ownEmitted.map((item) => item.requestId).sort()).toEqual([...mine].sort());
		expect(ownEmitted[0]).toMatchObject({ workflowId: 'wf-own', executionId, source: 'capture' });
		expect(allEmitted.map((item) => item.requestId).sort()).toEqual([...mine, ...theirs].sort());
	});
});

describe('LeadSquared Trigger: bounded state', () => {
	it('emits requests over Max Watched Requests, then expired ones, each once as Timed Out', async () => {
		sandbox().setQueue({ delayMs: 24 * HOUR });
		const options = triggerOptions({ options: { maxWatched: 20, giveUpAfterHours: 2 } });
		const { trigger, store } = await activate(options);
		const { requestIds: older } = await capture(Array.from({ length: 30 }, () => lead()));
		clock.advance(MINUTE);
		const { requestIds: newer } = await capture(Array.from({ length: 20 }, () => lead()));

		clock.advance(MINUTE);
		const overflow = emittedJson(await trigger.poll());
		expect(overflow.every((item) => item.status === 'timedOut' && String(item.reason).startsWith('Stopped watching: more than 20'))).toBe(true);
		expect(overflow.map((item) => item.requestId).sort()).toEqual([...older].sort()); // the oldest go first

		const later: IDataObject[] = [];
		const sizes: number[] = [];
		for (let poll = 0; poll < 30; poll++) {
			clock.advance(5 * MINUTE);
			later.push(...emittedJson(await trigger.poll()));
			sizes.push(JSON.stringify(store.data).length);
			expect(store.triggerState().watched.length).toBeLessThanOrEqual(20);
		}
		expect(later.map((item) => item.requestId).sort()).toEqual([...newer].sort());
		expect(later[0]).toMatchObject({ status: 'timedOut', leadSquaredStatus: 'In-Queue', reason: "No final status within 2 h (Give Up After); LeadSquared's last status: In-Queue" });
		expect(Math.max(...sizes)).toBeLessThan(20_000);
		// In-Queue checks backed off instead of asking on every poll.
		expect(Math.max(...later.map((item) => item.statusChecks as number))).toBeLessThanOrEqual(12); // of 24 polls
	});
});

describe('LeadSquared Trigger: failing status calls', () => {
	it('neither drops nor repeats an emission when status calls get 500s, 429s and dropped connections', async () => {
		const options = triggerOptions();
		const { store } = await activate(options);
		const { requestIds } = await capture(Array.from({ length: 40 }, (_, i) => lead(i % 8 === 0 ? { EmailAddress: `broken-${i}` } : {})));
		const emitted: IDataObject[] = [];

		sandbox().setFaults([{ kind: 'status503', path: STATUS_PATH }]);
		emitted.push(...(await pollFor(options, store, 1)));
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
		emitted.push(...(await pollFor(options, store, 3, true)));
		sandbox().setFaults([]);
		emitted.push(...(await pollFor(options, store, 3, true)));

		const faults = sandbox().requestsTo(STATUS_PATH, 'GET').map((request) => request.fault);
		expect(faults).toEqual(expect.arrayContaining(['status503', 'status500', 'status429', 'dropAfter', 'dropBefore']));
		expect(countBy(emitted.map((item) => item.requestId))).toEqual(Object.fromEntries(requestIds.map((id) => [id, 1])));
		expect(emitted.filter((item) => item.status === 'failure')).toHaveLength(5);
	}, 120_000);
});

describe('LeadSquared Trigger: overlapping polls, credentials and n8n’s API', () => {
	it('two polls of the same trigger at once emit each request once between them', async () => {
		const options = triggerOptions();
		const { trigger } = await activate(options);
		const { requestIds } = await capture(Array.from({ length: 10 }, () => lead()));
		clock.advance(MINUTE);
		const [first, second] = await Promise.all([trigger.poll(), trigger.poll()]);
		const emitted = [...emittedJson(first), ...emittedJson(second)];
		expect(emitted.map((item) => item.requestId).sort()).toEqual([...requestIds].sort());
	});

	it('a rejected LeadSquared credential fails the poll and consumes nothing', async () => {
		const options = triggerOptions();
		const { store } = await activate(options);
		const { requestIds: [id] } = await capture([lead()]);
		clock.advance(MINUTE);
		const wrongSecret = { ...options, credentials: { ...options.credentials, secretKey: 'wrong-secret-key' } };
		await expect(new TriggerProcess(wrongSecret, store).poll()).rejects.toThrow('LeadSquared rejected the credentials (401)');
		expect(emittedJson(await new TriggerProcess(options, store).poll()).map((item) => item.requestId)).toEqual([id]);
	});

	it('says at activation when n8n rejects the API key or no n8n API answers at the URL', async () => {
		const wrongKey = { ...triggerOptions(), n8nApi: n8n().credentialsFor('not-the-key') };
		await expect(new TriggerProcess(wrongKey).poll()).rejects.toThrow("n8n rejected the trigger's API key (401)");
		const wrongUrl = { ...triggerOptions(), n8nApi: { ...n8n().credentialsFor(), baseUrl: `${n8n().url}/not-n8n` } };
		await expect(new TriggerProcess(wrongUrl).poll()).rejects.toThrow(`No n8n API answered at ${n8n().url}/not-n8n/api/v1/executions (404)`);
	});

	it('says at activation which workflows capturing with the credential do not save their executions', async () => {
		const { run } = await captureLeads(sandbox(), [lead()], { workflowId: 'wf-unsaved' });
		n8n().saveWorkflow({ ...run.workflowData, name: 'Form without history', settings: { saveDataSuccessExecution: 'none' } });
		try {
			const error = await new TriggerProcess(triggerOptions()).poll().catch((failure: Error & { description?: string }) => failure);
			expect(error).toMatchObject({ message: 'The trigger cannot see the captures of 1 workflow(s)' });
			expect((error as { description: string }).description).toContain('"Form without history" (ID wf-unsaved) does not save its successful production executions');
		} finally {
			n8n().workflows.delete('wf-unsaved');
		}
	});
});
