import type { Json } from './common';
import { invalidInput, isObject, mandatoryMissing, optionalText, rejectUnknownKeys, reply } from './common';
import { postActivity, readActivityPost } from './activities';
import { leadNotFound } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BULK_ACTIVITY_ROW } from './unconfirmed';

/** Page post-bulk-activities-on-leads: "You can post up to 25 activities in a single call." */
export const BULK_ACTIVITY_MAX = 25;

/** The keys the page names for each activity (its bullets name "Activity DateTime" too). */
const ACTIVITY_KEYS = ['RelatedProspectId', 'ActivityEvent', 'ActivityNote', 'ActivityOwnerEmail', 'ActivityDateTime', 'Fields'];

/** One activity of the call, checked and written as Post an Activity (Create) writes one on a lead by ID. */
function postOne(store: CrmStore, item: unknown, row: number): string {
	if (!isObject(item)) invalidInput(`Activity ${row} must be a JSON object`);
	const request = item as Json;
	rejectUnknownKeys(request, ACTIVITY_KEYS);
	const leadId = optionalText(request, 'RelatedProspectId') ?? mandatoryMissing("'RelatedProspectId' is mandatory");
	const { event, note, at, ownerId, fields } = readActivityPost(store, request);
	const lead = store.lead(leadId!) ?? leadNotFound();
	return postActivity(store, lead, event, note, at, fields, ownerId).id;
}

/**
 * Post Activities on Leads in Bulk (Using Lead Id): a JSON array of at most 25 activities (over
 * that, or not a non-empty array: 400, nothing written). The page's answer is `{Response: [...]}`
 * with each activity's `ProspectActivityId`; the rest of a row (BULK_ACTIVITY_ROW) is as public
 * client code reads it. An activity LeadSquared refuses does not stop the others.
 */
function postBulk(store: CrmStore, body: unknown) {
	if (!Array.isArray(body) || body.length === 0) invalidInput('Request body must be a non-empty array of activities');
	const activities = body as unknown[];
	if (activities.length > BULK_ACTIVITY_MAX) invalidInput(`At most ${BULK_ACTIVITY_MAX} activities can be posted in one call`);
	const rows = activities.map((item, index) => {
		const row = index + 1;
		try {
			return BULK_ACTIVITY_ROW.posted(row, postOne(store, item, row));
		} catch (failure) {
			const error = (failure as { reply?: { body: Json } }).reply?.body;
			if (!error) throw failure;
			return BULK_ACTIVITY_ROW.refused(row, String(error.ExceptionType), String(error.ExceptionMessage));
		}
	});
	return { Response: rows };
}

export function activityBulkRoutes(): CrmRoutes {
	return {
		'POST /v2/ProspectActivity.svc/Bulk/CustomActivity/Add/ByLeadId': { bulk: true, handler: ({ store, body }) => reply(postBulk(store, body)) },
	};
}
