import type { IDataObject } from 'n8n-workflow';

import { useCrmNodeTests } from '../harness/crmNodeTests';
import { runNode } from '../harness/engine';
import { CALL_UPDATE_PARAMETERS, CALL_UPDATE_PATH, LOG_CALL_PARAMETERS } from '../harness/telephonyCases';
import { DEMO_USERS } from '../sandbox/fixtures';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

const [asha, rahul, siti] = DEMO_USERS;
const USERS_GET = '/v2/UserManagement.svc/Users.Get';

const update = async (item: IDataObject, parameters: Record<string, unknown> = {}) =>
	await runNode({ parameters: { ...CALL_UPDATE_PARAMETERS, ...parameters }, credentials: credentials(), items: [item] });

/** A call logged with Log Call, to update: its activity's ID. */
async function loggedCall(): Promise<string> {
	const item = { leadId: fixtures().leadId, callId: `c-${Date.now()}`, start: '2025-01-31 10:00:00', end: '2025-01-31 10:00:34', duration: 34 };
	const { items, error } = await runNode({ parameters: LOG_CALL_PARAMETERS, credentials: credentials(), items: [item] });
	expect(error).toBeUndefined();
	return (items[0].json as { response: { Message: { Id: string } } }).response.Message.Id;
}

describe('Telephony → Update Call Activity', () => {
	it("sets a logged call's recording and duration (as a string, as the page asks) and its owner, and outputs the answer", async () => {
		const activityId = await loggedCall();
		sandbox().clearRecord();
		const { items, error } = await update({ activityId, duration: 500, recording: 'https://recordings.example.com/500.mp3' });
		expect(error).toBeUndefined();
		const sent = { ActivityId: activityId, RecordingURL: 'https://recordings.example.com/500.mp3', CallDuration: '500', OwnerId: rahul.ID };
		expect(sandbox().requestsTo(CALL_UPDATE_PATH).map((request) => request.body)).toEqual([sent]);
		expect(items[0].json).toEqual({
			response: { Status: 'Success', Message: { Id: activityId, Message: 'Activity updated successfully' } },
			sent,
			ownerFoundBy: 'id',
		});
		const activity = crm().activities.find((a) => a.id === activityId);
		expect(activity).toMatchObject({ recordingUrl: 'https://recordings.example.com/500.mp3', ownerId: rahul.ID, fields: { mx_Custom_1: '500' } });
	});

	it('sends only the duration when there is no recording, without an owner when none is given, and 0 seconds is a duration', async () => {
		const { items, error } = await update({ activityId: fixtures().activityId, duration: 0, recording: '' }, { userId: '' });
		expect(error).toBeUndefined();
		expect(sandbox().requestsTo(CALL_UPDATE_PATH)[0].body).toEqual({ ActivityId: fixtures().activityId, CallDuration: '0' });
		expect(items[0].json).toMatchObject({ ownerFoundBy: null });
		expect(sandbox().requestsTo(USERS_GET, 'GET')).toHaveLength(0);
	});

	it('finds the owner by e-mail with one Users.Get for all items', async () => {
		const first = await loggedCall();
		const second = await loggedCall();
		sandbox().clearRecord();
		const { items, error } = await runNode({
			parameters: { ...CALL_UPDATE_PARAMETERS, userId: '', agentEmail: siti.EmailAddress.toUpperCase() },
			credentials: credentials(),
			items: [
				{ activityId: first, duration: 61, recording: '' },
				{ activityId: second, duration: '', recording: 'https://recordings.example.com/2.mp3' },
			],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => (item.json.sent as IDataObject).OwnerId)).toEqual([siti.ID, siti.ID]);
		expect(items.map((item) => item.json.ownerFoundBy)).toEqual(['email', 'email']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox().requestsTo(USERS_GET, 'GET')).toHaveLength(1);
		expect(crm().activities.filter((a) => [first, second].includes(a.id)).map((a) => a.ownerId)).toEqual([siti.ID, siti.ID]);
	});

	it.each([
		['no recording and no duration', { duration: '', recording: '' }, {}, /^'Update Fields' has neither a Recording URL nor a Call Duration \(Seconds\); LeadSquared needs at least one \[item 0\]$/],
		['an activity ID that is no ID', { activityId: 'call-12' }, {}, /^'Activity ID' must be a LeadSquared ID like .* \(got "call-12"\) \[item 0\]$/],
		['a negative duration', { duration: -1 }, {}, /^'Call Duration \(Seconds\)' must be a whole number 0 or more \(got "-1"\) \[item 0\]$/],
		['a recording that is no URL', { recording: 'recording 12' }, {}, /^'Recording URL' must be a full http\(s\) URL.* \(got "recording 12"\) \[item 0\]$/],
		['an owner e-mail that is no e-mail', {}, { userId: '', agentEmail: 'asha' }, /^'Agent Email' must be an e-mail address like .* \(got "asha"\) \[item 0\]$/],
		['an owner e-mail of nobody', {}, { userId: '', agentEmail: 'nobody@example.com' }, /^'Agent Email' "nobody@example.com" matches no active LeadSquared user \[item 0\]$/],
	])('refuses %s and updates nothing', async (_what, changes, parameters, message) => {
		const { error } = await update({ activityId: fixtures().activityId, duration: 5, recording: '', ...changes }, parameters);
		expect(error?.message).toMatch(message);
		expect(sandbox().requestsTo(CALL_UPDATE_PATH)).toHaveLength(0);
	});

	it("passes on LeadSquared's refusal of an unknown activity", async () => {
		const { error } = await update({ activityId: '00000000-0000-4000-8000-000000000000', duration: 5, recording: '' });
		expect(error?.message).toMatch(/Activity not found \[item 0\]$/);
		expect(sandbox().requestsTo(CALL_UPDATE_PATH)).toHaveLength(1);
	});

	it('with Continue On Fail, an unknown owner e-mail is an error item and the other item is updated', async () => {
		const activityId = await loggedCall();
		sandbox().clearRecord();
		const { items, error } = await runNode({
			parameters: { ...CALL_UPDATE_PARAMETERS, userId: '', agentEmail: '={{ $json.owner }}' },
			credentials: credentials(),
			continueOnFail: true,
			items: [
				{ activityId, duration: 7, recording: '', owner: 'nobody@example.com' },
				{ activityId, duration: 8, recording: '', owner: asha.EmailAddress },
			],
		});
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ json: { error: expect.stringMatching(/matches no active LeadSquared user/) }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { sent: { CallDuration: '8', OwnerId: asha.ID } }, pairedItem: { item: 1 } });
		expect(sandbox().requestsTo(CALL_UPDATE_PATH)).toHaveLength(1);
	});
});
