import { expectNoSecretIn } from '../harness/assertions';
import { runNode } from '../harness/engine';
import { rateLimitFloorMs } from '../harness/rateFloor';
import { useSandbox } from '../harness/sandboxFixture';
import { control } from '../sandbox/crmTestKit';
import type { SandboxAccount, SandboxUser } from '../sandbox/fixtures';
import { DEMO_ACCOUNT, DEMO_USERS } from '../sandbox/fixtures';
import type { LeadSquaredSandbox } from '../sandbox/server';

const POPUP_PATH = '/v2/Telephony.svc/ShowAgentPopup';
const BY_PHONE_PATH = '/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber';
const USERS_PATH = '/v2/UserManagement.svc/Users.Get';

/** The same users with numbers, in an account whose Users.Get lists them (an assumption LeadSquared's pages leave open). */
const [asha, rahul, siti, former] = DEMO_USERS;
const NUMBERED_USERS: SandboxUser[] = [
	{ ...asha, PhoneMain: '+91-8971300000' },
	{ ...rahul, PhoneMobile: '+91-8971373363' },
	{ ...siti, PhoneMobile: '+65-61234567', PhoneOthers: '+65-61234568' },
	{ ...former, PhoneMobile: '+91-9000000001' },
];
const NUMBERED_ACCOUNT: SandboxAccount = {
	accessKey: 'u$numbered-access-key-0003',
	secretKey: 'numbered-secret-key-5e6f7a8b',
	asyncApiKey: 'numbered-async-api-key-33cc',
	users: NUMBERED_USERS,
	usersGetListsPhones: true,
};

const sandbox = useSandbox({ rateLimit: { calls: 500, windowMs: 1_000 }, accounts: [DEMO_ACCOUNT, NUMBERED_ACCOUNT] });

const LEAD_ID = 'f5c7e023-653c-11e7-b25c-023cca4497b9';

const popup = (parameters: Record<string, unknown> = {}) => ({
	resource: 'telephony',
	operation: 'showAgentPopup',
	direction: 'Inbound',
	sourceNumber: '={{ $json.fromNumber }}',
	destinationNumber: '+91-8971373363',
	displayNumber: '+91-8611795989',
	callSessionId: '={{ $json.callId }}',
	leadId: LEAD_ID,
	userId: siti.ID,
	...parameters,
});

/** What a telephony provider knows: numbers and, maybe, the agent's e-mail. */
const lookedUp = (parameters: Record<string, unknown> = {}) =>
	popup({ leadId: '', userId: '', agentEmail: '={{ $json.agentEmail }}', ...parameters });

const call = { fromNumber: '+91-8611795988', callId: '12345' };

async function seedLeads(on: LeadSquaredSandbox, account: SandboxAccount, leads: Array<Record<string, string>>): Promise<string[]> {
	const seeded = await control<{ leadIds: string[] }>(on, 'POST', '/__sandbox/crm/seed', { accessKey: account.accessKey, leads });
	return seeded.body.leadIds;
}

beforeEach(async () => {
	sandbox().clearRecord();
	sandbox().setFaults([]);
	for (const account of [DEMO_ACCOUNT, NUMBERED_ACCOUNT]) {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', { accessKey: account.accessKey, entities: ['leads'] });
	}
});

describe('Telephony → Show Agent Popup', () => {
	it('shows the popup and outputs its ID', async () => {
		const run = await runNode({ parameters: popup({ additionalFields: { tag: 'Tag - Lead' } }), items: [call], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('success');
		expect(run.items[0].json).toEqual({
			success: true,
			popupId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			message: 'Message broadcasted successfully',
			leadId: LEAD_ID,
			leadFoundBy: 'id',
			userId: siti.ID,
			agentFoundBy: 'id',
			direction: 'Inbound',
			callSessionId: '12345',
		});
		expect(sandbox().requestsTo(POPUP_PATH)[0].body).toEqual({
			SourceNumber: '+91-8611795988',
			DestinationNumber: '+91-8971373363',
			DisplayNumber: '+91-8611795989',
			Direction: 'Inbound',
			CallSessionId: '12345',
			LeadId: LEAD_ID,
			Tag: 'Tag - Lead',
			UserId: siti.ID,
		});
		// given both IDs, it looks nothing up
		expect(sandbox().requests.map((request) => request.path)).toEqual([POPUP_PATH]);
	});

	it('accepts a direction from an expression in any case and sends LeadSquared’s spelling', async () => {
		const run = await runNode({ parameters: popup({ direction: '={{ $json.dir }}' }), items: [{ ...call, dir: 'outbound' }], credentials: sandbox().credentialsFor() });
		expect(run.items[0].json.direction).toBe('Outbound');
		expect((sandbox().requestsTo(POPUP_PATH)[0].body as { Direction: string }).Direction).toBe('Outbound');
	});

	const badInputs: Array<[string, Record<string, unknown>, Record<string, unknown>, RegExp]> = [
		['a direction that is neither', { direction: '={{ $json.dir }}' }, { dir: 'sideways' }, /^'Direction' must be one of Inbound, Outbound \(got "sideways"\) \[item 0\]$/],
		['no source number', {}, { fromNumber: '' }, /^'Source Number' is required \[item 0\]$/],
		['a source number that is not one', {}, { fromNumber: 'call me' }, /^'Source Number' must be a phone number/],
		['a lead ID that is an object', { leadId: '={{ $json.lead }}' }, { lead: { id: 1 } }, /^'Lead ID' must be text, but the value is an object \[item 0\]$/],
		['an agent e-mail that is not one', { userId: '', agentEmail: '={{ $json.mail }}' }, { mail: 'rahul at example' }, /^'Agent Email' must be an e-mail address like priya@example.com \(got "rahul at example"\) \[item 0\]$/],
	];

	it.each(badInputs)('rejects %s before sending or looking up anything', async (_, parameters, item, message) => {
		const run = await runNode({ parameters: popup(parameters), items: [{ ...call, ...item }], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('accepts a phone number given as a number', async () => {
		const run = await runNode({ parameters: popup(), items: [{ fromNumber: 918611795988, callId: 7 }], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('success');
		expect(sandbox().requestsTo(POPUP_PATH)[0].body).toMatchObject({ SourceNumber: '918611795988', CallSessionId: '7' });
	});

	it('a 400 for an agent who is not a user carries LeadSquared’s message', async () => {
		const run = await runNode({ parameters: popup({ userId: 'ghost' }), items: [call], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toBe("LeadSquared refused the request (400): UserId 'ghost' is not a user of this account [item 0]");
	});

	it('a 401 points at keys and region without showing them', async () => {
		const run = await runNode({ parameters: popup(), items: [call], credentials: { ...sandbox().credentialsFor(), secretKey: 'nope-nope' } });
		expect(run.error?.message).toContain('LeadSquared rejected the credentials (401)');
		expectNoSecretIn(run.run);
	});

	it('a 500 is reported and not repeated (a second popup would confuse the agent)', async () => {
		sandbox().setFaults([{ kind: 'status503', path: POPUP_PATH }]);
		const run = await runNode({ parameters: popup(), items: [call], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toMatch(/^LeadSquared failed to handle the request \(503\)/);
		expect(sandbox().requestsTo(POPUP_PATH)).toHaveLength(1);
	});

	it('a 429 is waited out and the popup shown once', async () => {
		sandbox().setFaults([{ kind: 'status429', path: POPUP_PATH, count: 2 }]);
		const run = await runNode({ parameters: popup(), items: [call], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('success');
		expect(sandbox().requestsTo(POPUP_PATH).map((request) => request.status)).toEqual([429, 429, 200]);
	});
});

describe('Telephony → Show Agent Popup, finding the lead and the agent from what the telephony provider knows', () => {
	it('inbound: the lead by the caller’s (source) number, sent as LeadSquared asks, and the agent by e-mail', async () => {
		const [leadId] = await seedLeads(sandbox(), DEMO_ACCOUNT, [{ FirstName: 'Priya', Phone: '+91-8611795988' }]);
		const run = await runNode({
			parameters: lookedUp(),
			items: [{ fromNumber: '+91 (861) 179-5988', callId: 'c-1', agentEmail: rahul.EmailAddress.toUpperCase() }],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.status).toBe('success');
		expect(run.items[0].json).toMatchObject({ success: true, leadId, leadFoundBy: 'phone', userId: rahul.ID, agentFoundBy: 'email' });
		expect(sandbox().requestsTo(BY_PHONE_PATH, 'GET').map((request) => request.url)).toEqual([expect.stringMatching(/[?&]phone=%2B918611795988$/)]);
		expect(sandbox().requestsTo(POPUP_PATH)[0].body).toMatchObject({ SourceNumber: '+91 (861) 179-5988', LeadId: leadId, UserId: rahul.ID });
	});

	it('inbound: the agent by the destination number, written with or without the country code, when Users.Get lists the numbers', async () => {
		const [leadId] = await seedLeads(sandbox(), NUMBERED_ACCOUNT, [{ FirstName: 'Priya', Mobile: '+91-8611795988' }]);
		const run = await runNode({
			parameters: lookedUp({ destinationNumber: '={{ $json.agentNumber }}' }),
			items: [
				{ ...call, agentNumber: '08971373363' },
				{ ...call, agentNumber: '+65 6123 4568' },
			],
			credentials: sandbox().credentialsFor(NUMBERED_ACCOUNT),
		});
		expect(run.status).toBe('success');
		expect(run.items.map((item) => [item.json.userId, item.json.agentFoundBy, item.json.leadId])).toEqual([
			[rahul.ID, 'phone', leadId],
			[siti.ID, 'phone', leadId],
		]);
	});

	it('outbound: the lead by the destination number and the agent by the source number', async () => {
		const [leadId] = await seedLeads(sandbox(), NUMBERED_ACCOUNT, [{ FirstName: 'Wei', Phone: '+65-98765432' }]);
		const run = await runNode({
			parameters: lookedUp({ direction: 'Outbound', sourceNumber: '+918971373363', destinationNumber: '98765432' }),
			items: [{ callId: 'out-1' }],
			credentials: sandbox().credentialsFor(NUMBERED_ACCOUNT),
		});
		expect(run.status).toBe('success');
		expect(run.items[0].json).toMatchObject({ leadId, leadFoundBy: 'phone', userId: rahul.ID, agentFoundBy: 'phone', direction: 'Outbound' });
		expect(sandbox().requestsTo(BY_PHONE_PATH, 'GET').map((request) => request.url)).toEqual([expect.stringMatching(/phone=98765432$/)]);
	});

	it('costs one Users.Get per execution and one lead lookup per distinct caller, whatever the number of items', async () => {
		const leadIds = await seedLeads(sandbox(), DEMO_ACCOUNT, [
			{ FirstName: 'A', Phone: '+91-9000000011' },
			{ FirstName: 'B', Phone: '+91-9000000022' },
		]);
		const callers = ['+919000000011', '+919000000022', '+919000000011', '+91-9000000011', '+919000000022'];
		const run = await runNode({
			parameters: lookedUp(),
			items: callers.map((fromNumber, index) => ({ fromNumber, callId: `c-${index}`, agentEmail: DEMO_USERS[index % 3].EmailAddress })),
			credentials: sandbox().credentialsFor(),
		});
		expect(run.status).toBe('success');
		expect(run.items.map((item) => item.json.leadId)).toEqual([leadIds[0], leadIds[1], leadIds[0], leadIds[0], leadIds[1]]);
		expect(run.items.map((item) => item.pairedItem)).toEqual(callers.map((_, item) => ({ item })));
		expect(sandbox().requestsTo(USERS_PATH, 'GET')).toHaveLength(1);
		expect(sandbox().requestsTo(BY_PHONE_PATH, 'GET')).toHaveLength(2);
		expect(sandbox().requestsTo(POPUP_PATH)).toHaveLength(5);
	});

	it('a caller who is no lead is an item error naming the number and what to do; no popup is shown for any item', async () => {
		await seedLeads(sandbox(), DEMO_ACCOUNT, [{ FirstName: 'Priya', Phone: '+91-8611795988' }]);
		const run = await runNode({
			parameters: lookedUp(),
			items: [
				{ ...call, agentEmail: rahul.EmailAddress },
				{ fromNumber: '+91-9999999999', callId: 'x', agentEmail: rahul.EmailAddress },
			],
			credentials: sandbox().credentialsFor(),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('\'Lead ID\' is empty and the caller\'s number "+91-9999999999" (Source Number) matches no LeadSquared lead [item 1]');
		expect(run.error?.description).toMatch(/Create the lead first .* or give its Lead ID/);
		expect(sandbox().requestsTo(POPUP_PATH)).toEqual([]);
	});

	it('with Continue On Fail, an item whose lead is not found becomes an error item and the others are shown', async () => {
		await seedLeads(sandbox(), DEMO_ACCOUNT, [{ FirstName: 'Priya', Phone: '+91-8611795988' }]);
		const run = await runNode({
			parameters: lookedUp(),
			items: [
				{ fromNumber: '+91-9999999999', callId: 'x', agentEmail: rahul.EmailAddress },
				{ ...call, agentEmail: rahul.EmailAddress },
			],
			credentials: sandbox().credentialsFor(),
			continueOnFail: true,
		});
		expect(run.items.map((item) => [item.json.error ?? item.json.success, item.pairedItem])).toEqual([
			['\'Lead ID\' is empty and the caller\'s number "+91-9999999999" (Source Number) matches no LeadSquared lead [item 0]', { item: 0 }],
			[true, { item: 1 }],
		]);
		expect(sandbox().requestsTo(POPUP_PATH)).toHaveLength(1);
	});

	it.each([
		['an e-mail no user has', { agentEmail: 'nobody@example.com' }, /^'Agent Email' "nobody@example.com" matches no active LeadSquared user \[item 0\]$/],
		['an inactive user’s e-mail', { agentEmail: former.EmailAddress }, /^'Agent Email' "former.agent@example.com" belongs to Former Agent former.agent@example.com, who is inactive in LeadSquared \[item 0\]$/],
	])('an agent given by %s is an item error; no popup', async (_, item, message) => {
		await seedLeads(sandbox(), DEMO_ACCOUNT, [{ FirstName: 'Priya', Phone: '+91-8611795988' }]);
		const run = await runNode({ parameters: lookedUp(), items: [{ ...call, ...item }], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requestsTo(POPUP_PATH)).toEqual([]);
	});

	it.each([
		['+91-9000000001', 'belongs to Former Agent former.agent@example.com, who is inactive in LeadSquared'],
		['+91-9111111111', 'matches no active LeadSquared user'],
	])('an agent’s number %s that no active user has is an item error naming it', async (agentNumber, rule) => {
		await seedLeads(sandbox(), NUMBERED_ACCOUNT, [{ FirstName: 'Priya', Phone: '+91-8611795988' }]);
		const run = await runNode({
			parameters: lookedUp({ destinationNumber: agentNumber }),
			items: [call],
			credentials: sandbox().credentialsFor(NUMBERED_ACCOUNT),
		});
		expect(run.error?.message).toBe(`'Agent' is empty and the agent's number "${agentNumber}" (Destination Number) ${rule} [item 0]`);
		expect(sandbox().requestsTo(POPUP_PATH)).toEqual([]);
	});

	it('when Users.Get lists no numbers (as on its page), finding the agent by number says so and what to give instead', async () => {
		await seedLeads(sandbox(), DEMO_ACCOUNT, [{ FirstName: 'Priya', Phone: '+91-8611795988' }]);
		const run = await runNode({ parameters: lookedUp(), items: [call], credentials: sandbox().credentialsFor() });
		expect(run.error?.message).toBe(
			'\'Agent\' is empty and the agent\'s number "+91-8971373363" (Destination Number) cannot be looked up: ' +
				"LeadSquared's Users.Get answered without the users' numbers (PhoneMain, PhoneMobile, PhoneOthers, AssociatedPhoneNumbers) [item 0]",
		);
		expect(run.error?.description).toBe("Give the agent's e-mail address in 'Agent Email', or choose the agent in 'Agent'.");
		expect(sandbox().requestsTo(POPUP_PATH)).toEqual([]);
	});
});

describe('Telephony → Show Agent Popup lookups under a tight rate limit', () => {
	const tight = useSandbox({ rateLimit: { calls: 4, windowMs: 1_000 } });

	it('go through the rate governor with the popups: no 429 at all', async () => {
		const phones = Array.from({ length: 6 }, (_, index) => `+91-90000001${String(index).padStart(2, '0')}`);
		await seedLeads(tight(), DEMO_ACCOUNT, phones.map((Phone, index) => ({ FirstName: `Caller ${index}`, Phone })));
		const started = Date.now();
		const run = await runNode({
			parameters: lookedUp(),
			items: phones.map((fromNumber, index) => ({ fromNumber, callId: `t-${index}`, agentEmail: rahul.EmailAddress })),
			credentials: tight().credentialsFor(),
		});
		expect(run.status).toBe('success');
		const calls = tight().requests;
		expect(calls.map((request) => request.path).sort()).toEqual([...Array(6).fill(BY_PHONE_PATH), ...Array(6).fill(POPUP_PATH), USERS_PATH].sort());
		expect(calls.filter((request) => request.status === 429)).toEqual([]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(rateLimitFloorMs(calls.length, 4, 1_000));
	});
});
