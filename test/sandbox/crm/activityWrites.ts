import type { Json } from './common';
import { fail, invalidInput, isObject, objectBody, optionalInteger, optionalText, rejectUnknownKeys, reply, requiredText } from './common';
import { readEntityFields } from './entityFields';
import { postActivity, readActivityPost } from './activities';
import { createOrUpdateLead, parseLeadPairs } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BUSINESS_EXCEPTION_STATUS, CREATE_CUSTOM_REPLY } from './unconfirmed';

const BASE = '/v2/ProspectActivity.svc';

/**
 * Update an Activity (page update-activity): ProspectActivityId, ActivityEvent, ActivityNote and
 * Fields; the note and the fields sent replace theirs, the others are kept. The answer is the
 * page's `{Status, Message: {Id}}`.
 */
function update(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['ProspectActivityId', 'ActivityEvent', 'ActivityNote', 'Fields', 'ProcessFilesAsync', 'ValidateDropDownOptions']);
	const id = requiredText(request, 'ProspectActivityId');
	const activity = store.activities.find((a) => a.id.toLowerCase() === id.toLowerCase());
	if (!activity) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Activity not found');
	const event = optionalInteger(request, 'ActivityEvent');
	if (event !== undefined && event !== activity!.event) {
		invalidInput(`ActivityEvent ${event} is not the type of activity ${activity!.id} (${activity!.event})`);
	}
	const type = store.activityTypes.find((t) => t.ActivityEvent === activity!.event);
	const fields = readEntityFields(request.Fields, type?.Fields ?? [], store.account.users, { requireMandatory: false });
	const note = optionalText(request, 'ActivityNote', 2000);
	if (note !== undefined) activity!.note = note;
	activity!.fields = { ...activity!.fields, ...fields };
	activity!.modifiedOn = store.now();
	return { Status: 'Success', Message: { Id: activity!.id } };
}

/**
 * Create a Lead and Activity (page create-lead-and-activity): LeadDetails as Attribute/Value pairs
 * with an optional SearchBy (an existing lead is updated, else one is created), and the Activity
 * as Post an Activity takes it. The page shows no answer: CREATE_CUSTOM_REPLY keeps the assumed one.
 */
function createCustom(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['LeadDetails', 'Activity', 'ValidateDropDownOptions']);
	if (!isObject(request.Activity)) invalidInput('Activity must be an object');
	const activityRequest = request.Activity as Json;
	rejectUnknownKeys(activityRequest, ['ActivityEvent', 'ActivityNote', 'ActivityDateTime', 'Fields'], 'Activity.');
	const input = parseLeadPairs(request.LeadDetails, store, 'LeadDetails');
	const post = readActivityPost(store, activityRequest);
	const { lead, created } = createOrUpdateLead(store, input, true, 'ProspectActivity.CreateCustom');
	const activity = postActivity(store, lead, post.event, post.note, post.at, post.fields, post.ownerId);
	return CREATE_CUSTOM_REPLY(activity.id, lead.id, created);
}

export function activityWriteRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/CustomActivity/Update`]: { handler: ({ store, body }) => reply(update(store, body)) },
		[`POST ${BASE}/CreateCustom`]: { handler: ({ store, body }) => reply(createCustom(store, body)) },
	};
}
