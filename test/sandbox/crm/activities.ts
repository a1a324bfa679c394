import { randomUUID } from 'crypto';

import type { Json } from './common';
import {
	GUID,
	fail,
	invalidInput,
	isObject,
	lsqDate,
	mandatoryMissing,
	objectBody,
	optionalDate,
	optionalInteger,
	optionalText,
	rejectUnknownKeys,
	reply,
} from './common';
import { readEntityFields } from './entityFields';
import { createLead, leadNotFound } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { Activity, CrmLead, CrmStore } from './store';
import { ACTIVITY_OFFSET_IS_PAGE_NUMBER, ACTIVITY_TYPE_NOT_FOUND, BUSINESS_EXCEPTION_STATUS } from './unconfirmed';
import { activityPayload } from './webhookPayloads';

const BASE = '/v2/ProspectActivity.svc';

/** Activities a Retrieve call returns when it is not paged. */
export const ACTIVITIES_PAGE_DEFAULT = 25;

const CREATE_KEYS = [
	'RelatedProspectId',
	'EmailAddress',
	'FirstName',
	'LastName',
	'Phone',
	'ActivityEvent',
	'ActivityNote',
	'ActivityDateTime',
	'ActivityOwnerEmail',
	'Fields',
	'ProcessFilesAsync',
	'ValidateDropDownOptions',
	'IncludeLeadScore',
];

/** Posts an activity; used by Create and by opportunity capture's "opportunity captured" activity. */
export function postActivity(
	store: CrmStore,
	lead: CrmLead,
	event: number,
	note: string,
	at: number,
	fields: Record<string, string>,
	ownerId: string,
): Activity {
	const now = store.now();
	const activity: Activity = {
		id: randomUUID(),
		leadId: lead.id,
		event,
		note,
		activityDateTime: at,
		fields,
		ownerId,
		createdOn: now,
		modifiedOn: now,
	};
	store.activities.push(activity);
	store.emit(2, activityPayload(store, activity), { activityEvent: event });
	return activity;
}

/** The activity part of a post (Create, and CreateCustom's `Activity`): its type, note, date, owner and fields, checked. */
export function readActivityPost(store: CrmStore, request: Json) {
	const event = optionalInteger(request, 'ActivityEvent') ?? mandatoryMissing("'ActivityEvent' is mandatory");
	const type = store.activityTypes.find((t) => t.ActivityEvent === event);
	if (!type) invalidInput(`ActivityEvent ${event} is not an activity type of this account`);
	const note = optionalText(request, 'ActivityNote', 2000) ?? '';
	const at = optionalDate(request, 'ActivityDateTime') ?? store.now();
	const ownerEmail = optionalText(request, 'ActivityOwnerEmail');
	const owner = ownerEmail ? store.user(ownerEmail) : store.keyOwner;
	if (!owner) invalidInput(`ActivityOwnerEmail '${ownerEmail}' is not a user of this account`);
	const fields = readEntityFields(request.Fields, type!.Fields, store.account.users, { requireMandatory: true });
	return { event: event!, note, at, ownerId: owner!.ID, fields };
}

function create(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, CREATE_KEYS);
	const { event, note, at, ownerId, fields } = readActivityPost(store, request);

	const leadId = optionalText(request, 'RelatedProspectId');
	let lead: CrmLead | undefined;
	if (leadId) {
		lead = store.lead(leadId) ?? leadNotFound();
	} else {
		const email = optionalText(request, 'EmailAddress', 100) ?? mandatoryMissing("'RelatedProspectId' or 'EmailAddress' is mandatory");
		lead = store.leadBy('EmailAddress', email);
		if (!lead) {
			const details: Record<string, string> = { EmailAddress: email! };
			for (const key of ['FirstName', 'LastName', 'Phone']) {
				const value = optionalText(request, key, key === 'Phone' ? 50 : 100);
				if (value) details[key] = value;
			}
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email!)) fail(400, 'MXInvalidEmailAddressException', `Invalid Email Address '${email}'`);
			lead = createLead(store, details, 'ProspectActivity.Create');
		}
	}
	const activity = postActivity(store, lead!, event, note, at, fields, ownerId);
	return { Status: 'Success', Message: { Id: activity.id } };
}

/** "7/31/2026 5:33:50 AM": the form ActivityFields.CreatedOn takes, unlike the activity's own CreatedOn (live probe). */
const usDateTime = (ms: number) =>
	new Date(ms).toLocaleString('en-US', { timeZone: 'UTC', hour12: true }).replace(',', '');

/**
 * One activity as Retrieve answers it: the page's top-level properties (get-activities-of-a-lead),
 * the activity's fields as an object under `ActivityFields` (the note at
 * `ActivityFields.ActivityEvent_Note`, the creator's ID at `CreatedBy`), and `Data` as an array
 * of `{Key, Value}` (live probe). What goes into Data per type is not documented: the sandbox
 * puts the note, the activity date and the creator's name there.
 */
function activityRow(store: CrmStore, activity: Activity) {
	const type = store.activityTypes.find((t) => t.ActivityEvent === activity.event);
	const owner = store.user(activity.ownerId);
	return {
		Id: activity.id,
		EventCode: activity.event,
		EventName: type?.DisplayName ?? null,
		ActivityScore: type?.Score ?? 0,
		CreatedOn: lsqDate(activity.createdOn),
		ModifiedOn: lsqDate(activity.modifiedOn),
		RelatedProspectId: activity.leadId,
		ActivityType: type?.ActivityType ?? 2,
		Type: type?.Direction ?? 'Inbound',
		IsEmailType: false,
		SessionId: activity.id,
		TrackLocation: 0,
		Latitude: null,
		Longitude: null,
		ActivityFields: {
			ActivityEvent_Note: activity.note,
			CreatedBy: activity.ownerId,
			CreatedOn: usDateTime(activity.createdOn),
			...activity.fields,
		},
		Data: [
			{ Key: 'ActivityEvent_Note', Value: activity.note },
			{ Key: 'ActivityDateTime', Value: lsqDate(activity.activityDateTime) },
			{ Key: 'CreatedBy', Value: owner ? `${owner.FirstName} ${owner.LastName}`.trim() : activity.ownerId },
		],
	};
}

function retrieve(store: CrmStore, body: unknown, leadId: string | null) {
	if (!leadId) mandatoryMissing("'leadId' is mandatory");
	if (!GUID.test(leadId!)) invalidInput(`leadId '${leadId}' is not a valid lead id`);
	if (!store.lead(leadId)) leadNotFound();
	const request = body === undefined ? {} : objectBody(body);
	const parameter = request.Parameter === undefined || request.Parameter === null ? {} : request.Parameter;
	if (!isObject(parameter)) invalidInput('Parameter must be an object');
	const event = optionalInteger(parameter as Json, 'ActivityEvent');
	const paging = request.Paging;
	if (paging !== undefined && paging !== null && !isObject(paging)) invalidInput('Paging must be an object');
	const offset = isObject(paging) ? optionalInteger(paging, 'Offset') ?? 0 : 0;
	const rowCount = isObject(paging) ? optionalInteger(paging, 'RowCount') ?? ACTIVITIES_PAGE_DEFAULT : ACTIVITIES_PAGE_DEFAULT;
	if (offset < 0 || rowCount < 1) invalidInput('Offset must be 0 or more and RowCount 1 or more');
	const skip = ACTIVITY_OFFSET_IS_PAGE_NUMBER ? offset * rowCount : offset;
	const matching = store.activities
		.filter((a) => a.leadId.toLowerCase() === leadId!.toLowerCase() && (event === undefined || a.event === event))
		.sort((a, b) => b.activityDateTime - a.activityDateTime || b.createdOn - a.createdOn);
	return { RecordCount: matching.length, ProspectActivities: matching.slice(skip, skip + rowCount).map((a) => activityRow(store, a)) };
}

function details(store: CrmStore, activityId: string | null) {
	const activity = store.activities.find((a) => a.id.toLowerCase() === (activityId ?? '').toLowerCase());
	if (!activity) {
		fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Activity not found');
	}
	const type = store.activityTypes.find((t) => t.ActivityEvent === activity!.event);
	return {
		ID: activity!.id,
		Name: type?.DisplayName ?? String(activity!.event),
		DisplayName: type?.DisplayName ?? String(activity!.event),
		RelatedProspectId: activity!.leadId,
		ActivityEvent: activity!.event,
		ActivityNote: activity!.note,
		ActivityDateTime: lsqDate(activity!.activityDateTime),
		CreatedOn: lsqDate(activity!.createdOn),
		Fields: (type?.Fields ?? []).map((field) => ({
			SchemaName: field.SchemaName,
			DisplayName: field.DisplayName,
			Value: activity!.fields[field.SchemaName] ?? null,
			DataType: field.DataType,
			IsMandatory: field.IsMandatory,
		})),
	};
}

/** LeadSquared's Get Activity Type Details: the type and its fields. The sandbox's types have no ID of their own: it makes one from the code. */
function typeSettings(store: CrmStore, code: string | null) {
	const type = store.activityTypes.find((t) => String(t.ActivityEvent) === (code ?? '').trim());
	if (!type) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', ACTIVITY_TYPE_NOT_FOUND);
	return {
		ID: `00000000-0000-4000-8000-${String(type!.ActivityEvent).padStart(12, '0')}`,
		Name: type!.DisplayName,
		DisplayName: type!.DisplayName,
		Fields: type!.Fields.map((field) => ({
			SchemaName: field.SchemaName,
			DisplayName: field.DisplayName,
			Value: null,
			DataType: field.DataType,
			IsMandatory: field.IsMandatory,
		})),
	};
}

export function activityRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/Create`]: { handler: ({ store, body }) => reply(create(store, body)) },
		[`POST ${BASE}/Retrieve`]: {
			optionalBody: true,
			handler: ({ store, body, query }) => reply(retrieve(store, body, query.get('leadId'))),
		},
		[`GET ${BASE}/GetActivityDetails`]: { handler: ({ store, query }) => reply(details(store, query.get('activityId'))) },
		[`GET ${BASE}/CustomActivity/GetActivitySetting`]: { handler: ({ store, query }) => reply(typeSettings(store, query.get('code'))) },
		[`GET ${BASE}/ActivityTypes.Get`]: {
			handler: ({ store }) =>
				reply(
					store.activityTypes.map(({ ActivityEvent, DisplayName, ActivityType, Direction, Score }) => ({
						ActivityEvent,
						DisplayName,
						ActivityType,
						Direction,
						Score,
					})),
				),
		},
	};
}
