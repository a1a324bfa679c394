import { DEMO_USERS } from '../sandbox/fixtures';
import type { CrmCase } from './crmCases';

export const LOG_CALL_PATH = '/v2/Telephony.svc/LogCall';

export const CALL_UPDATE_PATH = '/v2/Telephony.svc/PhoneCallActivity/Update';

/** Update Call Activity's parameters, reading the activity, the duration and the recording from the item. */
export const CALL_UPDATE_PARAMETERS = {
	resource: 'telephony',
	operation: 'updateCallActivity',
	activityId: '={{ $json.activityId }}',
	updateFields: { callDuration: '={{ $json.duration }}', recordingUrl: '={{ $json.recording }}' },
	userId: DEMO_USERS[1].ID,
};

/** Log Call's parameters, reading the lead, the times and the duration from the item. */
export const LOG_CALL_PARAMETERS = {
	resource: 'telephony',
	operation: 'logCall',
	direction: 'Inbound',
	sourceNumber: '+91-8611795988',
	destinationNumber: '+91-9611795983',
	callSessionId: '={{ $json.callId }}',
	leadId: '={{ $json.leadId }}',
	userId: DEMO_USERS[0].ID,
	callStatus: 'Answered',
	startTime: '={{ $json.start }}',
	endTime: '={{ $json.end }}',
	callDuration: '={{ $json.duration }}',
};

/** Telephony in the failure table. Log Call is a write, so never sent again after a 5xx; setting a recording and duration again is harmless. */
export const TELEPHONY_CASES: CrmCase[] = [
	{
		name: 'Telephony → Log Call',
		method: 'POST',
		path: LOG_CALL_PATH,
		replaySafe: false,
		parameters: LOG_CALL_PARAMETERS,
		good: (f) => ({ leadId: f.leadId, callId: 'c-1', start: '2025-01-31 10:00:00', end: '2025-01-31 10:00:34', duration: 34 }),
		bad: { leadId: '', callId: 'c-2', start: '2025-01-31 10:00:00', end: '2025-01-31 10:00:34', duration: -1 },
		badError: /^'Call Duration \(Seconds\)' must be a whole number 0 or more \(got "-1"\) \[item 1\]$/,
	},
	{
		name: 'Telephony → Update Call Activity',
		method: 'POST',
		path: CALL_UPDATE_PATH,
		replaySafe: true,
		parameters: CALL_UPDATE_PARAMETERS,
		good: (f) => ({ activityId: f.activityId, duration: 500, recording: 'https://recordings.example.com/500.mp3' }),
		bad: { activityId: '15d16ba6-91fe-11e7-b0ab-02e89b2fb8f4', duration: '', recording: '' },
		badError: /^'Update Fields' has neither a Recording URL nor a Call Duration \(Seconds\); LeadSquared needs at least one \[item 1\]$/,
	},
];
