import { DEMO_ACCOUNT, DEMO_USERS, US_ACCOUNT } from '../sandbox/fixtures';
import { expectNoSecretIn } from '../harness/assertions';
import { runNode } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';

const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';

const sandbox = useSandbox({ rateLimit: { calls: 200, windowMs: 1_000 } });

const push = (parameters: Record<string, unknown> = {}) => ({
	resource: 'notification',
	operation: 'sendBrowserPush',
	title: '=Hot lead: {{ $json.name }}',
	content: '={{ $json.name }} opened the pricing page',
	...parameters,
});

beforeEach(() => {
	sandbox().clearRecord();
	sandbox().setFaults([]);
});

describe('Notification → Send Browser Push Notification, in the n8n engine against the sandbox', () => {
	it('pushes one notification per item and outputs what was sent', async () => {
		const { status, items } = await runNode({
			parameters: push({
				userId: DEMO_USERS[1].ID,
				additionalFields: { clickUrl: 'https://in21.leadsquared.com/LeadManagement/LeadDetails?LeadID=42' },
			}),
			items: [{ name: 'Priya' }, { name: 'Arjun' }],
			credentials: sandbox().credentialsFor(),
		});

		expect(status).toBe('success');
		expect(items.map((item) => item.json)).toEqual([
			{
				success: true,
				message: 'Message broadcasted successfully',
				sentTo: DEMO_USERS[1].ID,
				title: 'Hot lead: Priya',
				content: 'Priya opened the pricing page',
				clickUrl: 'https://in21.leadsquared.com/LeadManagement/LeadDetails?LeadID=42',
				iconUrl: null,
			},
			expect.objectContaining({ title: 'Hot lead: Arjun', sentTo: DEMO_USERS[1].ID }),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

		const received = sandbox().requestsTo(PUSH_PATH);
		expect(received.map((request) => request.body)).toEqual(
			expect.arrayContaining([
				{
					UserId: DEMO_USERS[1].ID,
					Title: 'Hot lead: Priya',
					Content: 'Priya opened the pricing page',
					ClickURL: 'https://in21.leadsquared.com/LeadManagement/LeadDetails?LeadID=42',
					IconURL: '',
				},
			]),
		);
		expect(received).toHaveLength(2);
	});

	it('leaves out UserId when no user is chosen, so the key owner is notified', async () => {
		const { items } = await runNode({ parameters: push(), items: [{ name: 'Priya' }], credentials: sandbox().credentialsFor() });
		expect(items[0].json.sentTo).toBe('the user whose keys the credential holds');
		expect(sandbox().requestsTo(PUSH_PATH)[0].body).not.toHaveProperty('UserId');
	});

	it('sends the keys only as headers: no key in any URL the sandbox received', async () => {
		await runNode({ parameters: push(), items: [{ name: 'Priya' }], credentials: sandbox().credentialsFor() });
		const [request] = sandbox().requestsTo(PUSH_PATH);
		expect(request.headers['x-lsq-accesskey']).toBe(DEMO_ACCOUNT.accessKey);
		expect(request.headers['x-lsq-secretkey']).toBe(DEMO_ACCOUNT.secretKey);
		expect(request.headers['x-api-key']).toBeUndefined();
		for (const received of sandbox().requests) expectNoSecretIn(received.url);
	});

	it('rejects Title + Content over 2 KB of UTF-8 before sending anything', async () => {
		// 700 three-byte characters: 2100 bytes, though only 700 characters.
		const tooLong = 'अ'.repeat(700);
		const run = await runNode({
			parameters: push({ content: '={{ $json.content }}' }),
			items: [{ name: 'A', content: 'short' }, { name: 'B', content: tooLong }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^'Title' and 'Content' are \d+ bytes together; LeadSquared allows at most 2048 bytes .* \[item 1\]$/);
		expect(sandbox().requestsTo(PUSH_PATH)).toHaveLength(0);
	});

	it('with Continue On Fail, a too-long item becomes an error item and the others are sent', async () => {
		const run = await runNode({
			parameters: push({ content: '={{ $json.content }}' }),
			items: [
				{ name: 'A', content: 'fine' },
				{ name: 'B', content: '😀'.repeat(600) },
				{ name: 'C', content: 'also fine' },
			],
			credentials: sandbox().credentialsFor(),
			continueOnFail: true,
		});
		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(3);
		expect(run.items[0].json.success).toBe(true);
		expect(run.items[1].json.error).toMatch(/^'Title' and 'Content' are 2411 bytes together.* \[item 1\]$/);
		expect(run.items[1].pairedItem).toEqual({ item: 1 });
		expect(run.items[2].json.success).toBe(true);
		const sentContents = sandbox().requestsTo(PUSH_PATH).map((request) => (request.body as { Content: string }).Content);
		expect(sentContents.sort()).toEqual(['also fine', 'fine']);
	});

	it('a 401 quotes LeadSquared, points at keys and region, and never shows the secret', async () => {
		const run = await runNode({
			parameters: push(),
			items: [{ name: 'A' }],
			credentials: { ...sandbox().credentialsFor(), secretKey: 'wrong-secret-value' },
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('LeadSquared rejected the credentials (401)');
		expect(run.error?.message).toContain('Invalid AccessKey or SecretKey');
		expect(run.error?.description).toContain("Region matches your account");
		expect(JSON.stringify(run.run)).not.toContain('wrong-secret-value');
		expectNoSecretIn(run.run);
	});

	it('a 401 for keys of another region names the host LeadSquared expects', async () => {
		const run = await runNode({
			parameters: push(),
			items: [{ name: 'A' }],
			credentials: sandbox().credentialsFor(US_ACCOUNT),
		});
		expect(run.error?.message).toContain('api-us11.leadsquared.com');
		expect(JSON.stringify(run.run)).not.toContain(US_ACCOUNT.secretKey);
	});

	it('a 400 carries LeadSquared’s ExceptionMessage', async () => {
		const run = await runNode({
			parameters: push({ userId: '00000000-0000-4000-8000-000000000000' }),
			items: [{ name: 'A' }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.error?.message).toBe(
			"LeadSquared refused the request (400): UserId '00000000-0000-4000-8000-000000000000' is not a user of this account [item 0]",
		);
		expect(run.error?.httpCode).toBe('400');
	});

	it('a 500 is reported with the failing server’s words (its error page’s title) and not sent again', async () => {
		sandbox().setFaults([{ kind: 'status500', path: PUSH_PATH }]);
		const run = await runNode({ parameters: push(), items: [{ name: 'A' }], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toBe('LeadSquared failed to handle the request (500): 500 - Internal server error. [item 0]');
		expect(run.error?.description).toContain('Not sent again automatically');
		expect(sandbox().requestsTo(PUSH_PATH)).toHaveLength(1);
		expectNoSecretIn(run.run);
	});

	it('with Continue On Fail, a failed push becomes an error item and the other items still go through', async () => {
		sandbox().setFaults([{ kind: 'status500', path: PUSH_PATH, count: 1 }]);
		const run = await runNode({
			parameters: push(),
			items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
			credentials: sandbox().credentialsFor(),
			continueOnFail: true,
		});
		expect(run.status).toBe('success');
		const failed = run.items.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toContain('(500)');
		expect(run.items.filter((item) => item.json.success)).toHaveLength(2);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox().requestsTo(PUSH_PATH)).toHaveLength(3);
	});

	it('without Continue On Fail, the error says which items had already been sent', async () => {
		sandbox().setFaults([{ kind: 'status500', path: PUSH_PATH, count: 1 }]);
		const run = await runNode({
			parameters: push(),
			items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.status).toBe('error');
		const delivered = sandbox()
			.requestsTo(PUSH_PATH)
			.filter((request) => request.status === 200);
		if (delivered.length > 0) expect(run.error?.description).toMatch(/Items sent successfully before the node stopped \(numbered from 0\): [\d, ]+\./);
		expect(sandbox().requestsTo(PUSH_PATH).length).toBeLessThanOrEqual(3);
	});
});
