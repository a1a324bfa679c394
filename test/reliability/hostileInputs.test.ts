/**
 * Hostile inputs: property-based runs of every operation with random item data fed through
 * `={{ $json.x }}` expressions, so n8n's engine resolves them for real. Each item must end
 * as a request LeadSquared (the sandbox) accepts, or as an error naming item, field and rule.
 * Never an unhandled exception, a hang, or a request the sandbox refuses (400).
 *   FC_SEED=<n|random> FC_RUNS=<n> npx jest test/reliability/hostileInputs
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';
import type { HostileCase, HostileRun } from './support/hostileCases';
import { hostileCases } from './support/hostileCases';

const RUNS = Number(process.env.FC_RUNS ?? 60);
const SEED = process.env.FC_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FC_SEED ?? 20_260_601);
const HANG_MS = 30_000;

/** A rule the node names: `'Message' is 231 characters; … [item 3]`. */
const RULE_ERROR = /^'([^']+)' (?:is|are|must|has|and)\b[\s\S]* \[item (\d+)\]$/;
/** Wait for Completion with Fail on Timeout: the capture was accepted, then did not finish in time. */
const TIMEOUT_ERROR = /^Capture [0-9a-f-]{36} was still \S+ after .+ s \[item (\d+)\]$/;

// Captures take 150 ms to process, so that short Wait for Completion timeouts really time out.
const sandbox = useSandbox({ rateLimit: { calls: 10_000, windowMs: 1_000 }, queue: { delayMs: 150_000, timeScale: 0.001 } });

interface Tally {
	executions: number;
	items: number;
	sent: number;
	refusedByRule: number;
	refusedByLeadSquared: number;
	timedOut: number;
	rules: Map<string, number>;
}
const tallies = new Map<string, Tally>();
const withoutContinueOnFail = { executions: 0, items: 0 };

function tallyFor(name: string): Tally {
	if (!tallies.has(name)) {
		tallies.set(name, { executions: 0, items: 0, sent: 0, refusedByRule: 0, refusedByLeadSquared: 0, timedOut: 0, rules: new Map() });
	}
	return tallies.get(name)!;
}

async function withinTime<T>(work: Promise<T>, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const hang = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} hung for ${HANG_MS} ms`)), HANG_MS);
	});
	try {
		return await Promise.race([work, hang]);
	} finally {
		clearTimeout(timer);
	}
}

/** With Continue On Fail: one outcome per item, each a 200 from the sandbox or a named rule. */
async function runWithContinueOnFail(testCase: HostileCase, { parameters, items }: HostileRun): Promise<void> {
	sandbox().clearRecord();
	const run = await withinTime(
		runNode({ parameters, items, credentials: sandbox().credentialsFor(), continueOnFail: true }),
		testCase.name,
	);
	const tally = tallyFor(testCase.name);
	tally.executions++;
	tally.items += items.length;

	expect(run.error).toBeUndefined();
	expect(run.status).toBe('success');
	expect(run.items).toHaveLength(items.length);
	const received = sandbox().requests;
	for (const request of received) {
		if (request.status !== 200) expect(testCase.leadSquaredMayRefuse?.(request)).toBe(true);
	}

	let reachedLeadSquared = 0;
	run.items.forEach((output, index) => {
		expect(output.pairedItem).toEqual({ item: index });
		const error = output.json.error;
		if (error === undefined) {
			tally.sent++;
			reachedLeadSquared++;
			return;
		}
		expect(typeof error).toBe('string');
		const message = error as string;
		const rule = RULE_ERROR.exec(message);
		if (rule) {
			expect(Number(rule[2])).toBe(index);
			expect(message.length).toBeLessThan(400);
			tally.refusedByRule++;
			tally.rules.set(rule[1], (tally.rules.get(rule[1]) ?? 0) + 1);
		} else if (TIMEOUT_ERROR.test(message)) {
			tally.timedOut++;
			reachedLeadSquared++;
		} else if (testCase.leadSquaredAnswer?.test(message)) {
			tally.refusedByLeadSquared++;
			reachedLeadSquared++;
		} else {
			throw new Error(`Item ${index} ended in an error that names no item, field and rule: ${message.slice(0, 300)}`);
		}
	});

	const sends = received.filter((request) => request.path === testCase.path);
	expect(sends).toHaveLength(reachedLeadSquared);
	if (testCase.expectSent) {
		const accepted = run.items.map((output, index) => ({ output, index })).filter(({ output }) => output.json.error === undefined);
		const bodies = sends.map((request) => request.body);
		for (const { index } of accepted) {
			expect(bodies.some((body) => satisfies(() => testCase.expectSent!(items[index], body)))).toBe(true);
		}
	}
}

function satisfies(check: () => void): boolean {
	try {
		check();
		return true;
	} catch {
		return false;
	}
}

/** Without Continue On Fail: either every item is sent, or the node stops on a named rule before sending any. */
async function runWithoutContinueOnFail(testCase: HostileCase, { parameters, items }: HostileRun): Promise<void> {
	sandbox().clearRecord();
	const run = await withinTime(runNode({ parameters, items, credentials: sandbox().credentialsFor() }), testCase.name);
	withoutContinueOnFail.executions++;
	withoutContinueOnFail.items += items.length;
	const sends = sandbox().requests.filter((request) => request.path === testCase.path);
	if (run.status === 'success') {
		expect(run.items).toHaveLength(items.length);
		expect(run.items.every((output) => output.json.error === undefined)).toBe(true);
		expect(sends).toHaveLength(items.length);
		return;
	}
	const message = run.error?.message ?? '';
	if (RULE_ERROR.test(message)) {
		expect(sandbox().requests.filter((request) => !testCase.lookups?.includes(request.path))).toEqual([]);
	} else if (!TIMEOUT_ERROR.test(message) && !testCase.leadSquaredAnswer?.test(message)) {
		throw new Error(`The node stopped with an error that names no item, field and rule: ${message.slice(0, 300)}`);
	}
	for (const request of sandbox().requests) {
		if (request.status !== 200) expect(testCase.leadSquaredMayRefuse?.(request)).toBe(true);
	}
}

let cases: HostileCase[] = [];

beforeAll(async () => {
	// Real RequestIDs for Get Capture Status to look up.
	const run = await runNode({
		parameters: { resource: 'lead', operation: 'captureAsync', fieldsMode: 'json', json: '={{ $json }}', searchBy: 'EmailAddress' },
		items: [{ EmailAddress: 'known-1@example.com' }, { EmailAddress: 'known-2@example.com', FirstName: 'Zoë 😀' }],
		credentials: sandbox().credentialsFor(),
	});
	cases = hostileCases(
		sandbox().url,
		run.items.map((item) => item.json.requestId as string),
	);
});

afterAll(() => {
	const rows = Object.fromEntries(
		[...tallies].map(([name, t]) => [
			name,
			{
				executions: t.executions,
				'items tried': t.items,
				'sent (200)': t.sent,
				'refused by a rule': t.refusedByRule,
				'refused by LeadSquared (unknown user or request ID)': t.refusedByLeadSquared,
				'timed out (accepted)': t.timedOut,
				'fields named': [...t.rules]
					.sort()
					.map(([f, n]) => `${f} ${n}`)
					.join(', ')
					.slice(0, 200),
			},
		]),
	);
	const total = [...tallies.values()].reduce((sum, t) => sum + t.items, 0);
	process.stdout.write(
		`\nHostile inputs (seed ${SEED}): ${total} items tried in ${RUNS} executions per operation with Continue On Fail, ` +
			`and ${withoutContinueOnFail.items} items in ${withoutContinueOnFail.executions} executions without\n`,
	);
	console.table(rows);
});

describe('hostile item data through expressions', () => {
	const names = [
		'notification: sendBrowserPush',
		'notification: sendConverse',
		'telephony: showAgentPopup',
		'lead: captureAsync (mapped fields, waits)',
		'lead: captureAsync (JSON)',
		'lead: getCaptureStatus',
		'lead: getCaptureMetrics',
	];

	it.each(names)(
		'%s: each item is sent (200) or refused by a named rule, with Continue On Fail',
		async (name) => {
			const testCase = cases.find((c) => c.name === name)!;
			await fc.assert(
				fc.asyncProperty(testCase.runs, async (run) => await runWithContinueOnFail(testCase, run)),
				{ numRuns: RUNS, seed: SEED },
			);
		},
		240_000,
	);

	it.each(names)(
		'%s: without Continue On Fail, all items are sent or none is',
		async (name) => {
			const testCase = cases.find((c) => c.name === name)!;
			await fc.assert(
				fc.asyncProperty(testCase.runs, async (run) => await runWithoutContinueOnFail(testCase, run)),
				{ numRuns: Math.ceil(RUNS / 3), seed: SEED + 1 },
			);
		},
		240_000,
	);
});

/** Bugs the properties above once found, each pinned to one input. */
describe('regressions found by the properties', () => {
	const captureMapped = (name: string, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'lead',
		operation: 'captureAsync',
		fieldsMode: 'mapped',
		fields: { field: [{ name, value: '={{ $json.email }}' }] },
		searchBy: '',
		...extra,
	});
	const capture = async (parameters: INodeParameters, item: IDataObject) => {
		sandbox().clearRecord();
		return await runNode({
			parameters,
			items: [{ email: 'bug@example.com', ...item }],
			credentials: sandbox().credentialsFor(),
			continueOnFail: true,
		});
	};

	// Quoting such an object in the message used to throw "Cannot convert object to primitive value".
	it('Capture: a field name that is the JSON object {"toString": "x"} is refused by the schema-name rule', async () => {
		const run = await capture(captureMapped('={{ $json.name }}'), { name: { toString: 'x' } });
		expect(run.items[0].json.error).toMatch(/^'Lead Fields' has a field name .* that is not a LeadSquared schema name/);
		expect(sandbox().requestsTo('/lead/capture')).toEqual([]);
	});

	it('Capture: a wait timeout that is the JSON object {"toString": "x"} is refused by the Timeout rule', async () => {
		const run = await capture(captureMapped('EmailAddress', { waitForCompletion: true, waitTimeoutSeconds: '={{ $json.timeout }}' }), {
			timeout: { toString: 'x' },
		});
		expect(run.items[0].json.error).toMatch(/^'Timeout \(Seconds\)' must be a positive number/);
	});

	// Search By and field names used to be quoted whole.
	it('Capture: an error about a 20,000-character Search By stays short', async () => {
		const run = await capture(captureMapped('EmailAddress', { searchBy: '={{ $json.searchBy }}' }), { searchBy: 'a'.repeat(20_000) });
		expect(run.items[0].json.error).toMatch(/^'Search By' /);
		expect((run.items[0].json.error as string).length).toBeLessThan(400);
	});

	it('Capture: an error about a 20,000-character field name stays short', async () => {
		const run = await capture(captureMapped('={{ $json.name }}'), { name: 'a'.repeat(20_000), email: { nested: true } });
		expect(run.items[0].json.error).toMatch(/^'Lead Fields' has a field name "a+…" that is not a LeadSquared schema name/);
		expect((run.items[0].json.error as string).length).toBeLessThan(400);
	});
});
