import { fail, invalidInput, mandatoryMissing, objectBody, optionalText, parseLsqDate, rejectUnknownKeys, reply, requiredText, sameId } from './common';
import { postActivity } from './activities';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BUSINESS_EXCEPTION_STATUS, LOG_CALL_ACTIVITY_EVENT, LOG_CALL_REPLY, NOT_A_PHONE_CALL_ACTIVITY } from './unconfirmed';

/** The Phone Call type's "Call Duration (s)" field (catalog.ts), where an updated duration is kept. */
const CALL_DURATION_FIELD = 'mx_Custom_1';

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

/**
 * Update Call Recordings/Duration (page update-call-recordings-duration-for-phone-call-activities):
 * ActivityId is mandatory, and "either one of – Recording URL or Call Duration"; CallDuration, in
 * seconds, "is passed as a string"; OwnerId is the "User Id of the lead owner". The answer is the
 * page's. How an unknown activity, one of another type or an unknown owner is refused is not shown.
 */
function updateCallActivity(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['ActivityId', 'RecordingURL', 'CallDuration', 'OwnerId']);
	const id = requiredText(request, 'ActivityId');
	const recording = optionalText(request, 'RecordingURL');
	const duration = optionalText(request, 'CallDuration');
	if (!recording && !duration) mandatoryMissing('Either RecordingURL or CallDuration is mandatory');
	if (duration !== undefined && !/^\d+$/.test(duration)) invalidInput('CallDuration must be a number of seconds');
	const ownerId = optionalText(request, 'OwnerId');
	const owner = ownerId ? store.user(ownerId) : undefined;
	if (ownerId && !owner) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'User not found');
	const activity = store.activities.find((a) => sameId(a.id, id));
	if (!activity) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Activity not found');
	if (activity!.event !== LOG_CALL_ACTIVITY_EVENT) fail(NOT_A_PHONE_CALL_ACTIVITY.status, NOT_A_PHONE_CALL_ACTIVITY.type, NOT_A_PHONE_CALL_ACTIVITY.message);
	if (recording) activity!.recordingUrl = recording;
	if (duration) activity!.fields = { ...activity!.fields, [CALL_DURATION_FIELD]: duration };
	if (owner) activity!.ownerId = owner.ID;
	activity!.modifiedOn = store.now();
	return { Status: 'Success', Message: { Id: activity!.id, Message: 'Activity updated successfully' } };
}

export function telephonyRoutes(): CrmRoutes {
	return {
		'POST /v2/Telephony.svc/LogCall': { handler: ({ store, body }) => reply(logCall(store, body)) },
		'POST /v2/Telephony.svc/PhoneCallActivity/Update': { handler: ({ store, body }) => reply(updateCallActivity(store, body)) },
	};
}
