import { CAPTURE_BY_EMAIL } from '../harness/captureRuns';
import { runNode } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';

const CAPTURE_PATH = '/lead/capture';

const sandbox = useSandbox({ rateLimit: { calls: 25, windowMs: 1_000 }, queue: { delayMs: 20, timeScale: 0.001 } });

beforeEach(() => {
	sandbox().clearRecord();
	sandbox().setFaults([]);
});

describe('retries of Capture (Async) with Search By under 429s and dropped connections', () => {
	it('gives every item exactly one RequestID and LeadSquared exactly one lead per item', async () => {
		sandbox().setFaults(
			[
				{ kind: 'status429', path: CAPTURE_PATH, rate: 0.1 },
				{ kind: 'dropBefore', path: CAPTURE_PATH, rate: 0.06 },
				{ kind: 'dropAfter', path: CAPTURE_PATH, rate: 0.06 },
			],
			20_261_122,
		);
		const executions = [0, 1, 2].map((execution) =>
			Array.from({ length: 30 }, (_, i) => ({ name: `Lead ${execution}-${i}`, email: `retry-${execution}-${i}@example.com` })),
		);
		const runs = await Promise.all(
			executions.map(async (items, execution) =>
				await runNode({ parameters: CAPTURE_BY_EMAIL, items, credentials: sandbox().credentialsFor(), executionId: `retry-${execution}` }),
			),
		);

		const outputs = runs.flatMap((run) => run.items.map((item) => item.json));
		expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success']);
		expect(outputs).toHaveLength(90);
		const requestIds = outputs.map((output) => output.requestId as string);
		expect(requestIds.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
		expect(new Set(requestIds).size).toBe(90);

		// The faults really happened…
		const received = sandbox().requestsTo(CAPTURE_PATH);
		const faults = received.filter((request) => request.fault).map((request) => request.fault);
		expect(faults).toEqual(expect.arrayContaining(['status429', 'dropBefore', 'dropAfter']));
		// …every RequestID an item carries is one LeadSquared handed out…
		const handedOut = new Set(received.filter((request) => request.status === 200 && !request.dropped).map((request) => request.requestId));
		for (const id of requestIds) expect(handedOut.has(id)).toBe(true);
		// …and once processed, each e-mail is exactly one lead: none missing, none twice.
		await new Promise((resolve) => setTimeout(resolve, 300));
		const captures = sandbox().captures();
		expect(captures.every((capture) => capture.leadId)).toBe(true);
		const leads = sandbox().queue.leads.filter((lead) => lead.fields.EmailAddress?.startsWith('retry-'));
		const emails = leads.map((lead) => lead.fields.EmailAddress);
		expect(emails).toHaveLength(90);
		expect(new Set(emails).size).toBe(90);
	});

	it('without Search By, a dropped answer is an error item that says the lead may exist, and is not sent again', async () => {
		sandbox().setFaults([{ kind: 'dropAfter', path: CAPTURE_PATH, count: 1 }]);
		const run = await runNode({
			parameters: { ...CAPTURE_BY_EMAIL, searchBy: '' },
			items: [{ name: 'Once', email: 'once@example.com' }, { name: 'Twice?', email: 'twice@example.com' }],
			credentials: sandbox().credentialsFor(),
			continueOnFail: true,
		});
		const failed = run.items.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/^No answer from LeadSquared at .* \(ECONNRESET\) \[item \d+\]$/);
		expect(failed[0].json.details).toContain('create the lead twice');
		expect(sandbox().requestsTo(CAPTURE_PATH)).toHaveLength(2);
	});
});
