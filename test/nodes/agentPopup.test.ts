import { expectNoSecretIn } from '../harness/assertions';
import { runNode } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';
import { DEMO_USERS } from '../sandbox/fixtures';

const POPUP_PATH = '/v2/Telephony.svc/ShowAgentPopup';

const sandbox = useSandbox({ rateLimit: { calls: 500, windowMs: 1_000 } });

const popup = (parameters: Record<string, unknown> = {}) => ({
	resource: 'telephony',
	operation: 'showAgentPopup',
	direction: 'Inbound',
	sourceNumber: '={{ $json.fromNumber }}',
	destinationNumber: '+91-8971373363',
	displayNumber: '+91-8611795989',
	callSessionId: '={{ $json.callId }}',
	leadId: 'f5c7e023-653c-11e7-b25c-023cca4497b9',
	userId: DEMO_USERS[2].ID,
	...parameters,
});

const call = { fromNumber: '+91-8611795988', callId: '12345' };

beforeEach(() => {
	sandbox().clearRecord();
	sandbox().setFaults([]);
});

describe('Telephony → Show Agent Popup', () => {
	it('shows the popup and outputs its ID', async () => {
		const run = await runNode({ parameters: popup({ additionalFields: { tag: 'Tag - Lead' } }), items: [call], credentials: sandbox().credentialsFor() });
		expect(run.status).toBe('success');
		expect(run.items[0].json).toEqual({
			success: true,
			popupId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			message: 'Message broadcasted successfully',
			leadId: 'f5c7e023-653c-11e7-b25c-023cca4497b9',
			userId: DEMO_USERS[2].ID,
			direction: 'Inbound',
			callSessionId: '12345',
		});
		expect(sandbox().requestsTo(POPUP_PATH)[0].body).toEqual({
			SourceNumber: '+91-8611795988',
			DestinationNumber: '+91-8971373363',
			DisplayNumber: '+91-8611795989',
			Direction: 'Inbound',
			CallSessionId: '12345',
			LeadId: 'f5c7e023-653c-11e7-b25c-023cca4497b9',
			Tag: 'Tag - Lead',
			UserId: DEMO_USERS[2].ID,
		});
	});

	it('accepts a direction from an expression in any case and sends LeadSquared’s spelling', async () => {
		const run = await runNode({ parameters: popup({ direction: '={{ $json.dir }}' }), items: [{ ...call, dir: 'outbound' }], credentials: sandbox().credentialsFor() });
		expect(run.items[0].json.direction).toBe('Outbound');
		expect((sandbox().requestsTo(POPUP_PATH)[0].body as { Direction: string }).Direction).toBe('Outbound');
	});

	const badInputs: Array<[string, Record<string, unknown>, Record<string, unknown>, RegExp]> = [
		['a direction that is neither', { direction: '={{ $json.dir }}' }, { dir: 'sideways' }, /^'Direction' must be one of Inbound, Outbound \(got "sideways"\) \[item 0\]$/],
		['no lead ID', { leadId: '={{ $json.lead }}' }, {}, /^'Lead ID' is required \[item 0\]$/],
		['no agent', { userId: '={{ $json.agent }}' }, {}, /^'Agent' is required \[item 0\]$/],
		['no source number', {}, { fromNumber: '' }, /^'Source Number' is required \[item 0\]$/],
		['a source number that is not one', {}, { fromNumber: 'call me' }, /^'Source Number' must be a phone number/],
		['a lead ID that is an object', { leadId: '={{ $json.lead }}' }, { lead: { id: 1 } }, /^'Lead ID' must be text, but the value is an object \[item 0\]$/],
	];

	it.each(badInputs)('rejects %s before sending anything', async (_, parameters, item, message) => {
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
