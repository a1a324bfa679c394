import { DEMO_USERS } from '../sandbox/fixtures';
import type { CrmCase } from './crmCases';

export const LOG_CALL_PATH = '/v2/Telephony.svc/LogCall';

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

/** Telephony → Log Call in the failure table: a write, so never sent again after a 5xx. */
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
];
