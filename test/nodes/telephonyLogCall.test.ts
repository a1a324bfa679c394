import type { IDataObject } from 'n8n-workflow';

import { useCrmNodeTests } from '../harness/crmNodeTests';
import { runNode } from '../harness/engine';
import { LOG_CALL_PARAMETERS, LOG_CALL_PATH } from '../harness/telephonyCases';
import { apiClient, pairs } from '../sandbox/crmTestKit';
import { DEMO_USERS } from '../sandbox/fixtures';
import { LOG_CALL_ACTIVITY_EVENT } from '../sandbox/crm/unconfirmed';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

const [asha, rahul] = DEMO_USERS;
const call = (extra: IDataObject = {}): IDataObject => ({
	leadId: fixtures().leadId,
	callId: 'call-1',
	start: '2025-01-31 10:00:00',
	end: '2025-01-31 10:00:34',
	duration: 34,
	...extra,
});

const logCall = async (item: IDataObject, parameters: Record<string, unknown> = {}) =>
	await runNode({ parameters: { ...LOG_CALL_PARAMETERS, ...parameters }, credentials: credentials(), items: [item] });

describe('Telephony → Log Call', () => {
	it('posts the call as a phone call activity on the lead and outputs the answer with what was sent', async () => {
		const { items, error } = await logCall(call(), {
			additionalFields: { callerSource: 'Newspaper Advertisement', resourceUrl: 'https://recordings.example.com/1.mp3', tag: 'Tag - Lead' },
		});
		expect(error).toBeUndefined();
		const sent = {
			SourceNumber: '+91-8611795988',
			DestinationNumber: '+91-9611795983',
			DisplayNumber: '',
			Direction: 'Inbound',
			CallSessionId: 'call-1',
			Tag: 'Tag - Lead',
			StartTime: '2025-01-31 10:00:00',
			EndTime: '2025-01-31 10:00:34',
			CallDuration: 34,
			Status: 'Answered',
			CallerSource: 'Newspaper Advertisement',
			ResourceURL: 'https://recordings.example.com/1.mp3',
			LeadId: fixtures().leadId,
			UserId: asha.ID,
		};
		const json = items[0].json as { response: { Status: string; Message: { Id: string } }; sent: object };
		expect(json).toMatchObject({ response: { Status: 'Success' }, sent, leadFoundBy: 'id', agentFoundBy: 'id' });
		expect(sandbox().requestsTo(LOG_CALL_PATH)).toHaveLength(1);
		expect(sandbox().requestsTo(LOG_CALL_PATH)[0].body).toEqual(sent);
		const activity = crm().activities.find((a) => a.id === json.response.Message.Id);
		expect(activity).toMatchObject({ leadId: fixtures().leadId, event: LOG_CALL_ACTIVITY_EVENT, ownerId: asha.ID });
	});

	it("finds the lead by the destination of an outbound call and the agent by e-mail", async () => {
		const phone = `98${String(Date.now()).slice(-8)}`;
		const created = await apiClient(sandbox()).post(
			'/v2/LeadManagement.svc/Lead.Create',
			pairs({ EmailAddress: `caller.${Date.now()}@example.com`, FirstName: 'Caller', Phone: phone }),
		);
		const leadId = created.body.Message.Id as string;
		const { items, error } = await logCall(call({ leadId: '' }), {
			direction: 'Outbound',
			sourceNumber: '+91-9611795983',
			destinationNumber: phone,
			userId: '',
			agentEmail: rahul.EmailAddress,
			callStatus: 'NotAnswered',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ sent: { LeadId: leadId, UserId: rahul.ID, Status: 'NotAnswered' }, leadFoundBy: 'phone', agentFoundBy: 'email' });
		expect(crm().activities.filter((a) => a.leadId === leadId)).toHaveLength(1);
	});

	it.each([
		['an end before the start', { end: '2025-01-31 09:59:59' }, {}, /^'End Time' must not be before the Start Time \(2025-01-31 10:00:00 UTC; got 2025-01-31 09:59:59 UTC\) \[item 0\]$/],
		['a start that is no date', { start: 'yesterday' }, {}, /^'Start Time' must be a date and time like .* \(got "yesterday"\) \[item 0\]$/],
		['a negative duration', { duration: -5 }, {}, /^'Call Duration \(Seconds\)' must be a whole number 0 or more \(got "-5"\) \[item 0\]$/],
		['a fractional duration', { duration: 1.5 }, {}, /^'Call Duration \(Seconds\)' must be a whole number 0 or more \(got "1.5"\) \[item 0\]$/],
		['a caller source over 50 characters', {}, { additionalFields: { callerSource: 'x'.repeat(51) } }, /^'Caller Source' is 51 characters; LeadSquared allows at most 50 \[item 0\]$/],
		['a recording that is no URL', {}, { additionalFields: { resourceUrl: 'recording 12' } }, /^'Recording URL' must be a full http\(s\) URL.* \(got "recording 12"\) \[item 0\]$/],
		['a source that is no number', {}, { sourceNumber: 'anonymous' }, /^'Source Number' must be a phone number like .* \[item 0\]$/],
	])('refuses %s and sends nothing', async (_what, changes, parameters, message) => {
		const { error } = await logCall(call(changes), parameters);
		expect(error?.message).toMatch(message);
		expect(sandbox().requestsTo(LOG_CALL_PATH)).toHaveLength(0);
	});

	it("passes on LeadSquared's refusal of an unknown lead and logs nothing", async () => {
		const before = crm().activities.length;
		const { error } = await logCall(call({ leadId: '00000000-0000-4000-8000-000000000000' }));
		expect(error?.message).toMatch(/Lead not found/);
		expect(sandbox().requestsTo(LOG_CALL_PATH)).toHaveLength(1);
		expect(crm().activities.length).toBe(before);
	});
});
