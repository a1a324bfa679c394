import { loadOptions, runNode } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';
import { DEMO_USERS } from '../sandbox/fixtures';

const sandbox = useSandbox({ rateLimit: { calls: 500, windowMs: 1_000 }, queue: { delayMs: 50, timeScale: 0.001 } });

async function captured(lead: Record<string, string>, wait = true): Promise<string> {
	const run = await runNode({
		parameters: {
			resource: 'lead',
			operation: 'captureAsync',
			fieldsMode: 'json',
			json: '={{ $json }}',
			searchBy: 'EmailAddress',
			waitForCompletion: wait,
			waitTimeoutSeconds: 10,
		},
		items: [lead],
		credentials: sandbox().credentialsFor(),
	});
	return run.items[0].json.requestId as string;
}

const statusOf = async (requestId: string, continueOnFail = false) =>
	await runNode({
		parameters: { resource: 'lead', operation: 'getCaptureStatus', requestId: '={{ $json.id }}' },
		items: [{ id: requestId }],
		credentials: sandbox().credentialsFor(),
		continueOnFail,
	});

beforeEach(() => sandbox().clearRecord());

describe('Lead → Get Capture Status', () => {
	it('flattens LeadSquared’s JSON-in-string fields into mappable ones', async () => {
		const requestId = await captured({ FirstName: 'Meera', EmailAddress: 'meera@example.com' });
		const run = await statusOf(requestId);
		const { raw, ...flat } = run.items[0].json;
		expect(flat).toEqual({
			requestId,
			status: 'success',
			leadSquaredStatus: 'Success',
			final: true,
			reason: 'Request was successfully completed',
			leadId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			leadCreated: true,
			currentStep: null,
			lastStep: 'In-Process-Queue',
			searchBy: 'EmailAddress',
			submitted: { FirstName: 'Meera', EmailAddress: 'meera@example.com' },
		});
		expect(typeof (raw as { TaskStatus: { RequestBody: unknown } }).TaskStatus.RequestBody).toBe('string');
	});

	it('reports a pending capture as pending and not final', async () => {
		sandbox().setQueue({ delayMs: 60_000_000 });
		try {
			const requestId = await captured({ EmailAddress: 'later@example.com' }, false);
			const run = await statusOf(requestId);
			expect(run.items[0].json).toMatchObject({ status: 'pending', leadSquaredStatus: 'In-Queue', final: false, leadId: null });
		} finally {
			sandbox().setQueue({ delayMs: 50 });
		}
	});

	it('rejects a malformed Request ID before sending anything', async () => {
		const run = await statusOf('8eca6fa6-not-an-id');
		expect(run.error?.message).toBe(
			`'Request ID' must be a LeadSquared request ID like 8eca6fa6-262c-43eb-8cfe-6e3325e2dc73 (got "8eca6fa6-not-an-id") [item 0]`,
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('an unknown Request ID gives LeadSquared’s 404 message; with Continue On Fail as an error item', async () => {
		const run = await statusOf('00000000-0000-4000-8000-000000000000', true);
		expect(run.items[0].json.error).toBe(
			'LeadSquared answered 404 Not Found: No request found with RequestID 00000000-0000-4000-8000-000000000000 [item 0]',
		);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Lead → Get Capture Metrics', () => {
	it('outputs the queue’s pending count, delay and processing rate', async () => {
		const run = await runNode({ parameters: { resource: 'lead', operation: 'getCaptureMetrics' }, credentials: sandbox().credentialsFor() });
		expect(run.items[0].json).toEqual({
			pendingMessages: expect.any(Number),
			maxDelaySeconds: expect.any(Number),
			processingRatePerMinute: expect.any(Number),
			raw: expect.objectContaining({ PendingMessages: expect.any(Number) }),
		});
		expect(sandbox().requestsTo('/lead/metrics', 'GET')).toHaveLength(1);
	});

	it('uses the overriding URL when LeadSquared’s path differs', async () => {
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'getCaptureMetrics', options: { endpointUrl: `${sandbox().url}/lead/capture/metrics` } },
			credentials: sandbox().credentialsFor(),
		});
		expect(run.error?.message).toContain('404');
		expect(sandbox().requests.map((request) => request.path)).toEqual(['/lead/capture/metrics']);
	});
});

describe('dropdowns loaded from LeadSquared', () => {
	const parameters = { resource: 'notification', operation: 'sendBrowserPush' };

	it('lists the active users by name and e-mail, with their IDs as values', async () => {
		const options = await loadOptions('getActiveUsers', { parameters, credentials: sandbox().credentialsFor() });
		expect(options).toEqual([
			{ name: 'Asha Iyer (asha.iyer@example.com)', value: DEMO_USERS[0].ID, description: 'Administrator' },
			{ name: 'Rahul Menon (rahul.menon@example.com)', value: DEMO_USERS[1].ID, description: 'Sales_User' },
			{ name: 'Siti Rahman (siti.rahman@example.com)', value: DEMO_USERS[2].ID, description: 'Sales_Manager' },
		]);
	});

	it('offers the credential’s own user first where a user is optional', async () => {
		const options = await loadOptions('getActiveUsersOrKeyOwner', { parameters, credentials: sandbox().credentialsFor() });
		expect(options[0]).toEqual({ name: "The Credential's User (Default)", value: '' });
		expect(options.slice(1).map((option) => option.value)).toEqual(DEMO_USERS.slice(0, 3).map((user) => user.ID));
	});

	it('lists lead fields by schema name, and Search By candidates after “None”', async () => {
		const fields = await loadOptions('getLeadFields', { parameters, credentials: sandbox().credentialsFor() });
		expect(fields).toContainEqual({ name: 'Email (EmailAddress)', value: 'EmailAddress', description: 'Email' });
		expect(fields.map((field) => field.value)).toContain('mx_Budget');
		const searchBy = await loadOptions('getSearchByFields', { parameters, credentials: sandbox().credentialsFor() });
		expect(searchBy.map((field) => field.value)).toEqual(['', 'EmailAddress', 'ProspectID', 'Mobile', 'Phone']);
		expect(sandbox().requestsTo('/v2/LeadManagement.svc/LeadsMetaData.Get', 'GET')[0].url).toContain('excludeOptionSets=1');
	});

	it('a dropdown with bad keys says why instead of showing an empty list', async () => {
		await expect(
			loadOptions('getActiveUsers', { parameters, credentials: { ...sandbox().credentialsFor(), secretKey: 'bad' } }),
		).rejects.toThrow('LeadSquared rejected the credentials (401)');
	});
});
