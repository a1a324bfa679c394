import { fail, invalidInput, objectBody, optionalText, parseLsqDate, rejectUnknownKeys, reply, requiredText } from './common';
import { postActivity } from './activities';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BUSINESS_EXCEPTION_STATUS, LOG_CALL_ACTIVITY_EVENT, LOG_CALL_REPLY } from './unconfirmed';

const LOG_CALL_KEYS = [
	'SourceNumber',
	'CallerSource',
	'DestinationNumber',
	'DisplayNumber',
	'StartTime',
	'EndTime',
	'CallDuration',
	'Status',
	'ResourceURL',
	'Direction',
	'CallSessionId',
	'LeadId',
	'Tag',
	'UserId',
];

/**
 * Post a Call Log (page call-log-api-for-leadsquared-generic-telephony-connector): the body of the
 * page's example; "the call log gets posted as an activity to the corresponding lead", with the
 * LeadId and UserId passed; CallerSource at most 50 characters; times in UTC "YYYY-MM-DD HH:MM:SS";
 * CallDuration in seconds. Which activity type and what answer are not on the page (unconfirmed.ts).
 */
function logCall(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, LOG_CALL_KEYS);
	for (const key of ['SourceNumber', 'DestinationNumber', 'DisplayNumber', 'Status', 'ResourceURL', 'CallSessionId', 'Tag']) optionalText(request, key);
	optionalText(request, 'CallerSource', 50);
	const direction = requiredText(request, 'Direction');
	if (!['inbound', 'outbound'].includes(direction.toLowerCase())) invalidInput('Direction must be Inbound or Outbound');
	const start = parseLsqDate(request.StartTime);
	const end = parseLsqDate(request.EndTime);
	if (start === undefined || end === undefined) invalidInput('StartTime and EndTime must be UTC dates like 2017-07-07 18:26:38');
	const duration = Number(request.CallDuration ?? 0);
	if (!Number.isFinite(duration) || duration < 0) invalidInput('CallDuration must be a number of seconds');
	const user = store.user(requiredText(request, 'UserId'));
	if (!user) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'User not found');
	const lead = store.lead(requiredText(request, 'LeadId'));
	if (!lead) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Lead not found');
	const note = `${direction} call ${String(request.Status ?? '')} (${duration} s) ${String(request.SourceNumber ?? '')} → ${String(request.DestinationNumber ?? '')}`;
	const activity = postActivity(store, lead!, LOG_CALL_ACTIVITY_EVENT, note, start!, {}, user!.ID);
	return LOG_CALL_REPLY(activity.id);
}

export function telephonyRoutes(): CrmRoutes {
	return { 'POST /v2/Telephony.svc/LogCall': { handler: ({ store, body }) => reply(logCall(store, body)) } };
}
