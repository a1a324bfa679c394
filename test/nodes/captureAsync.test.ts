import { expectNoSecretIn } from '../harness/assertions';
import { CAPTURE_BY_EMAIL } from '../harness/captureRuns';
import { runNode } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';
import { DEMO_ACCOUNT } from '../sandbox/fixtures';

const CAPTURE_PATH = '/lead/capture';

// LeadSquared's retry timetable (30 s, 2 m, 7 m …) compressed 500-fold.
const sandbox = useSandbox({ rateLimit: { calls: 500, windowMs: 1_000 }, queue: { delayMs: 100, timeScale: 0.002 } });

const capture = (parameters: Record<string, unknown> = {}) => ({ ...CAPTURE_BY_EMAIL, ...parameters });

let counter = 0;
const person = (overrides: Record<string, unknown> = {}) => ({ name: 'Priya', email: `priya.${++counter}@example.com`, ...overrides });

beforeEach(() => {
	sandbox().clearRecord();
	sandbox().setFaults([]);
});

describe('Lead → Capture (Async)', () => {
	it('submits the mapped fields with Search By and outputs the RequestID and what was sent', async () => {
		const lead = person();
		const run = await runNode({ parameters: capture(), items: [lead], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('success');
		expect(run.items[0].json).toEqual({
			requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			searchBy: 'EmailAddress',
			submitted: { FirstName: 'Priya', EmailAddress: lead.email },
			status: 'pending',
			message: 'Request accepted. Please use below request id to check the status',
		});
		const [request] = sandbox().requestsTo(CAPTURE_PATH);
		expect(request.body).toEqual([
			{ Attribute: 'FirstName', Value: 'Priya' },
			{ Attribute: 'EmailAddress', Value: lead.email },
			{ Attribute: 'SearchBy', Value: 'EmailAddress' },
		]);
		expect(request.headers['x-api-key']).toBe(DEMO_ACCOUNT.asyncApiKey);
		expect(request.requestId).toBe(run.items[0].json.requestId);
		expectNoSecretIn(request.url);
	});

	it('in JSON mode sends a whole input item, leaving out empty values and saying so', async () => {
		const run = await runNode({
			parameters: capture({ fieldsMode: 'json', json: '={{ $json }}' }),
			items: [{ FirstName: 'Arjun', EmailAddress: 'arjun@example.com', Phone: 9876543210, Company: null }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.items[0].json).toMatchObject({
			submitted: { FirstName: 'Arjun', EmailAddress: 'arjun@example.com', Phone: '9876543210' },
			skippedEmptyFields: ['Company'],
		});
		expect(sandbox().requestsTo(CAPTURE_PATH)[0].body).toContainEqual({ Attribute: 'Phone', Value: '9876543210' });
	});

	it('in JSON mode also takes LeadSquared’s own [{Attribute, Value}] list as text', async () => {
		const run = await runNode({
			parameters: capture({ fieldsMode: 'json', searchBy: '', json: '[{"Attribute":"LastName","Value":"Lee"},{"Attribute":"SearchBy","Value":"LastName"}]' }),
			items: [{}],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.items[0].json).toMatchObject({ searchBy: 'LastName', submitted: { LastName: 'Lee' } });
	});

	const badInputs: Array<[string, Record<string, unknown>, Record<string, unknown>, RegExp]> = [
		['no fields at all', { fieldsMode: 'json', json: '{}', searchBy: '' }, {}, /^'Lead Fields' has no field with a value; LeadSquared needs at least one \[item 0\]$/],
		['malformed JSON', { fieldsMode: 'json', json: '{"FirstName": "A",}' }, {}, /^'JSON' is not valid JSON: /],
		['JSON that is not an object', { fieldsMode: 'json', json: '={{ 42 }}' }, {}, /^'JSON' must be an object of field → value, but it is a number \[item 0\]$/],
		[
			'a field name that is not a schema name',
			{ fields: { field: [{ name: 'First Name', value: 'A' }] }, searchBy: '' },
			{},
			/^'Lead Fields' has a field name "First Name" that is not a LeadSquared schema name/,
		],
		[
			'a field value that is an object',
			{ fields: { field: [{ name: 'FirstName', value: '={{ $json.nested }}' }] }, searchBy: '' },
			{ nested: { a: 1 } },
			/^'Lead Fields' has FirstName, which must be text, a number or true\/false, but it is an object \[item 0\]$/,
		],
		[
			'the same field twice',
			{ fields: { field: [{ name: 'FirstName', value: 'A' }, { name: 'firstname', value: 'B' }] }, searchBy: '' },
			{},
			/^'Lead Fields' has firstname twice \[item 0\]$/,
		],
		['Search By with no value to search', { searchBy: 'Phone' }, {}, /^'Search By' is Phone, but the lead has no Phone value to search with \[item 0\]$/],
	];

	it.each(badInputs)('rejects %s before sending anything', async (_, parameters, item, message) => {
		const run = await runNode({ parameters: capture(parameters), items: [person(item)], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('says the credential lacks the Async API Key before sending anything', async () => {
		const run = await runNode({ parameters: capture(), items: [person()], credentials: { ...sandbox().credentialsFor(), asyncApiKey: '' } });
		expect(run.error?.message).toBe(
			'The LeadSquared credential has no Async API Key (x-api-key), which this operation needs [item 0]',
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('with Continue On Fail, a bad item becomes an error item and the rest are captured', async () => {
		const run = await runNode({
			parameters: capture(),
			items: [person(), person({ email: '' }), person()],
			credentials: sandbox().credentialsFor(),
			continueOnFail: true,
		});
		expect(run.items.map((item) => item.json.error ?? 'ok')).toEqual([
			'ok',
			"'Search By' is EmailAddress, but the lead has no EmailAddress value to search with [item 1]",
			'ok',
		]);
		expect(sandbox().requestsTo(CAPTURE_PATH)).toHaveLength(2);
	});

	it('a wrong Async API Key gives a 401 that names it', async () => {
		const run = await runNode({ parameters: capture(), items: [person()], credentials: { ...sandbox().credentialsFor(), asyncApiKey: 'stale-key-123' } });
		expect(run.error?.message).toBe(
			'LeadSquared rejected the credentials (401) at ' + new URL(sandbox().url).host + ': Missing or invalid x-api-key for the Async API [item 0]',
		);
		expect(run.error?.description).toContain('Async API Key');
		expectNoSecretIn(run.run, [...[DEMO_ACCOUNT.secretKey], 'stale-key-123']);
	});

	it('a 400 carries LeadSquared’s message', async () => {
		sandbox().setFaults([{ kind: 'status400', path: CAPTURE_PATH }]);
		const run = await runNode({ parameters: capture(), items: [person()], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toBe('LeadSquared refused the request (400): The request body is not as per API specification (injected fault) [item 0]');
	});

	it('with Search By, a 500 is retried (an upsert is safe to repeat) and the lead captured once', async () => {
		sandbox().setFaults([{ kind: 'status500', path: CAPTURE_PATH, count: 1 }]);
		const lead = person();
		const run = await runNode({ parameters: capture(), items: [lead], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('success');
		expect(sandbox().requestsTo(CAPTURE_PATH).map((request) => request.status)).toEqual([500, 200]);
	});

	it('without Search By, a 500 is reported and not repeated (a repeat could create the lead twice)', async () => {
		sandbox().setFaults([{ kind: 'status500', path: CAPTURE_PATH, count: 1 }]);
		const run = await runNode({ parameters: capture({ searchBy: '' }), items: [person()], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toMatch(/\(500\)/);
		expect(run.error?.description).toContain('create the lead twice');
		expect(sandbox().requestsTo(CAPTURE_PATH)).toHaveLength(1);
	});

	describe('Wait for Completion', () => {
		const waiting = (parameters: Record<string, unknown> = {}) =>
			capture({ waitForCompletion: true, waitTimeoutSeconds: 10, ...parameters });

		it('outputs the final status: the new lead’s ID, then the same lead updated', async () => {
			const lead = person();
			const first = await runNode({ parameters: waiting(), items: [lead], credentials: sandbox().credentialsFor() });
			expect(first.items[0].json).toMatchObject({
				status: 'success',
				leadSquaredStatus: 'Success',
				final: true,
				leadId: expect.stringMatching(/^[0-9a-f-]{36}$/),
				leadCreated: true,
				timedOut: false,
				submitted: { FirstName: 'Priya', EmailAddress: lead.email },
			});
			const again = await runNode({ parameters: waiting(), items: [{ ...lead, name: 'Priya S.' }], credentials: sandbox().credentialsFor() });
			expect(again.items[0].json).toMatchObject({ status: 'success', leadId: first.items[0].json.leadId, leadCreated: false });
		});

		it('an invalid email ends in failure with LeadSquared’s MX exception', async () => {
			const run = await runNode({ parameters: waiting(), items: [person({ email: 'priya-at-example' })], credentials: sandbox().credentialsFor() });
			expect(run.items[0].json).toMatchObject({
				status: 'failure',
				leadSquaredStatus: 'FAILURE',
				final: true,
				leadId: null,
				reason: "MXInvalidEmailAddressException: Invalid Email Address 'priya-at-example'",
			});
		});

		it('a system error that LeadSquared retries ends in success', async () => {
			const run = await runNode({ parameters: waiting(), items: [person({ name: 'Flaky [sandbox:system-error:2]' })], credentials: sandbox().credentialsFor() });
			expect(run.items[0].json).toMatchObject({ status: 'success', leadCreated: true });
			const statusChecks = sandbox().requestsTo('/lead/status', 'GET').map((request) => (request.response as { TaskStatus: { Status: string } }).TaskStatus.Status);
			expect(statusChecks.at(-1)).toBe('Success');
		});

		it('on timeout the item carries the pending status', async () => {
			sandbox().setQueue({ delayMs: 30_000_000 }); // 60 s at this time scale
			try {
				const run = await runNode({ parameters: waiting({ waitTimeoutSeconds: 1 }), items: [person()], credentials: sandbox().credentialsFor() });
				expect(run.status).toBe('success');
				expect(run.items[0].json).toMatchObject({ status: 'pending', leadSquaredStatus: 'In-Queue', final: false, timedOut: true });
			} finally {
				sandbox().setQueue({ delayMs: 100 });
			}
		});

		it('on timeout with Fail on Timeout the item is an error', async () => {
			sandbox().setQueue({ delayMs: 30_000_000 }); // 60 s at this time scale
			try {
				const run = await runNode({ parameters: waiting({ waitTimeoutSeconds: 1, failOnTimeout: true }), items: [person()], credentials: sandbox().credentialsFor() });
				expect(run.error?.message).toMatch(/^Capture [0-9a-f-]{36} was still In-Queue after 1 s \[item 0\]$/);
			} finally {
				sandbox().setQueue({ delayMs: 100 });
			}
		});
	});
});
