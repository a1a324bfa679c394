import { expectNoSecretIn, expectNothingSentTo } from '../harness/assertions';
import { runNode } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';
import { DEMO_USERS } from '../sandbox/fixtures';
import { CONVERSE_NOTIFICATION_PATH } from '../sandbox/server';

const sandbox = useSandbox({ rateLimit: { calls: 500, windowMs: 1_000 } });

const converse = (parameters: Record<string, unknown> = {}) => ({
	resource: 'notification',
	operation: 'sendConverse',
	type: 'Lead',
	toUserId: DEMO_USERS[1].ID,
	message: '=New lead assigned: {{ $json.name }}',
	...parameters,
});

beforeEach(() => {
	sandbox().clearRecord();
	sandbox().setFaults([]);
});

describe('Notification → Send System Notification (Converse)', () => {
	it('posts the card to the user and outputs the MessageID', async () => {
		const run = await runNode({
			parameters: converse({
				additionalFields: {
					description: 'Submitted the form on the campaign page',
					ctaLabel: 'View Lead',
					ctaLink: 'https://in21.leadsquared.com/LeadManagement/LeadDetails?LeadID=4fd8',
					iconColor: 'rgb(247, 79, 103, 0.9)',
					externalReferenceId: '190781237',
				},
			}),
			items: [{ name: 'Priya' }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.status).toBe('success');
		expect(run.items[0].json).toEqual({
			success: true,
			messageId: expect.stringMatching(/^[0-9a-f-]{36}_\d+$/),
			toUser: DEMO_USERS[1].ID,
			type: 'Lead',
			message: 'New lead assigned: Priya',
		});
		expect(sandbox().requestsTo(CONVERSE_NOTIFICATION_PATH)[0].body).toEqual({
			Type: 'Lead',
			CardContents: {
				Message: 'New lead assigned: Priya',
				Description: 'Submitted the form on the campaign page',
				CTA: { CTALabel: 'View Lead', CTALink: 'https://in21.leadsquared.com/LeadManagement/LeadDetails?LeadID=4fd8' },
				IconColorCode: 'rgb(247, 79, 103, 0.9)',
			},
			ToUser: DEMO_USERS[1].ID,
			ExternalSource: { ExternalReferenceId: '190781237', InvocationSource: 'n8n' },
		});
	});

	it('accepts any notification type given by expression', async () => {
		const run = await runNode({
			parameters: converse({ type: '={{ $json.kind }}' }),
			items: [{ name: 'A', kind: 'Ticket' }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.items[0].json.type).toBe('Ticket');
	});

	it('sends to the overriding URL when one is set', async () => {
		const run = await runNode({
			parameters: converse({ options: { endpointUrl: `${sandbox().url}/custom/converse` } }),
			items: [{ name: 'A' }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.error?.message).toContain('404');
		expect(sandbox().requests.map((request) => request.path)).toEqual(['/custom/converse']);
	});

	const badInputs: Array<[string, Record<string, unknown>, Record<string, unknown>, RegExp]> = [
		['a message over 200 characters', {}, { name: 'x'.repeat(200) }, /^'Message' is 219 characters; LeadSquared allows at most 200 \[item 0\]$/],
		['no message', { message: '={{ $json.text }}' }, { text: '  ' }, /^'Message' is required \[item 0\]$/],
		['no user', { toUserId: '={{ $json.owner }}' }, {}, /^'To User' is required \[item 0\]$/],
		[
			'a description over 500 characters',
			{ additionalFields: { description: 'd'.repeat(501) } },
			{},
			/^'Description' is 501 characters; LeadSquared allows at most 500 \[item 0\]$/,
		],
		[
			'a button label over 120 characters',
			{ additionalFields: { ctaLabel: 'b'.repeat(121), ctaLink: 'https://example.com' } },
			{},
			/^'Button Label' is 121 characters; LeadSquared allows at most 120 \[item 0\]$/,
		],
		['a button link that is not a URL', { additionalFields: { ctaLabel: 'Open', ctaLink: 'lead page' } }, {}, /^'Button Link' must be a full http\(s\) URL/],
		['a button label without a link', { additionalFields: { ctaLabel: 'Open' } }, {}, /^'Button Link' is required when 'Button Label' is set \[item 0\]$/],
		['an icon colour that is not one', { additionalFields: { iconColor: 'blueish' } }, {}, /^'Icon Colour' must be a colour like #f74f67/],
		['a message expression that gives an object', { message: '={{ $json.meta }}' }, { meta: { a: 1 } }, /^'Message' must be text, but the value is an object \[item 0\]$/],
		['an override URL that is not a URL', { options: { endpointUrl: 'converse' } }, {}, /^'Converse API URL \(Override\)' must be a full http\(s\) URL/],
	];

	it.each(badInputs)('rejects %s before sending anything', async (_, parameters, item, message) => {
		const run = await runNode({ parameters: converse(parameters), items: [{ name: 'A', ...item }], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('with Continue On Fail, only the bad item becomes an error item', async () => {
		const run = await runNode({
			parameters: converse(),
			items: [{ name: 'A' }, { name: 'B'.repeat(300) }, { name: 'C' }],
			credentials: sandbox().credentialsFor(),
			continueOnFail: true,
		});
		expect(run.items.map((item) => Boolean(item.json.error))).toEqual([false, true, false]);
		expect(run.items[1].json.error).toMatch(/^'Message' is \d+ characters/);
		expect(sandbox().requestsTo(CONVERSE_NOTIFICATION_PATH)).toHaveLength(2);
	});

	it('a 400 for an unknown user carries LeadSquared’s message', async () => {
		const run = await runNode({ parameters: converse({ toUserId: 'not-a-user' }), items: [{ name: 'A' }], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toBe("LeadSquared refused the request (400): ToUser 'not-a-user' is not a user of this account [item 0]");
	});

	it('a 401 names keys and region and hides the secret', async () => {
		const run = await runNode({
			parameters: converse(),
			items: [{ name: 'A' }],
			credentials: { ...sandbox().credentialsFor(), accessKey: 'someone-elses-key' },
		});
		expect(run.error?.message).toContain('(401)');
		expect(run.error?.description).toContain('Region');
		expectNoSecretIn(run.run);
	});

	it('a 429 (LeadSquared did not act on it) is sent again after a pause, and the card arrives once', async () => {
		sandbox().setFaults([{ kind: 'status429', path: CONVERSE_NOTIFICATION_PATH, count: 2 }]);
		const run = await runNode({ parameters: converse(), items: [{ name: 'A' }], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('success');
		const received = sandbox().requestsTo(CONVERSE_NOTIFICATION_PATH);
		expect(received.map((request) => request.status)).toEqual([429, 429, 200]);
		const pauses = received.slice(1).map((request, i) => request.at - received[i].at);
		expect(Math.min(...pauses)).toBeGreaterThan(0); // not hammered back at once
	});

	it('a 500 is reported, not repeated', async () => {
		sandbox().setFaults([{ kind: 'status500', path: CONVERSE_NOTIFICATION_PATH }]);
		const run = await runNode({ parameters: converse(), items: [{ name: 'A' }], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toMatch(/^LeadSquared failed to handle the request \(500\)/);
		expect(sandbox().requestsTo(CONVERSE_NOTIFICATION_PATH)).toHaveLength(1);
	});

	it('a dropped connection is reported, not repeated, because the card may have been delivered', async () => {
		sandbox().setFaults([{ kind: 'dropAfter', path: CONVERSE_NOTIFICATION_PATH }]);
		const run = await runNode({ parameters: converse(), items: [{ name: 'A' }], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toMatch(/^No answer from LeadSquared at 127\.0\.0\.1:\d+ \(ECONNRESET\)/);
		expect(run.error?.description).toContain('may already have acted');
		expect(sandbox().requestsTo(CONVERSE_NOTIFICATION_PATH)).toHaveLength(1);
		expectNothingSentTo(sandbox(), '/v2/Notifier.svc/Browser.Push');
	});
});
