import type { IDataObject } from 'n8n-workflow';

import type { EntityKind, TriggerEvent } from './events';

/**
 * Output field → the payload fields it is read from (a dotted path reads into an object),
 * first one set wins. LeadSquared publishes only the Lead Created payload (flat lead fields:
 * ProspectID, FirstName, EmailAddress, ProspectStage, …). A live probe of a real account saw
 * the activity payload (`ProspectActivityId`, `RelatedProspectId`, `ActivityEvent`,
 * `ActivityEventName`, `CreatedBy`, `CreatedOn`, and the activity's fields as an object
 * under `Data`, the note at `Data.Note`), opportunity deliveries in that same shape (the
 * opportunity type in `ActivityEvent`, an empty `Data`) and the Lead Field Update payload
 * (`{"Before": lead, "After": lead}`). The task payloads are unconfirmed, which is why every
 * item also carries the payload as `raw`.
 */
const CONTACT = {
	firstName: ['FirstName'],
	lastName: ['LastName'],
	email: ['EmailAddress'],
	phone: ['Phone'],
	mobile: ['Mobile'],
};

const FIELDS: Record<EntityKind, Record<string, string[]>> = {
	lead: {
		leadId: ['ProspectID', 'ProspectId'],
		leadNumber: ['ProspectAutoId'],
		...CONTACT,
		company: ['Company'],
		source: ['Source'],
		stage: ['ProspectStage'],
		previousStage: ['PreviousProspectStage'],
		ownerId: ['OwnerId'],
		ownerName: ['OwnerIdName'],
		ownerEmail: ['OwnerIdEmailAddress'],
		previousOwnerId: ['PreviousOwnerId'],
		score: ['Score'],
		changedFields: ['ChangedLeadFields'],
		previousValues: ['PreviousLeadValues'],
		createdOn: ['CreatedOn'],
		modifiedOn: ['ModifiedOn'],
	},
	activity: {
		activityId: ['ProspectActivityId', 'ActivityId', 'Id'],
		activityType: ['ActivityEvent', 'EventCode'],
		activityName: ['ActivityEventName', 'EventName'],
		activityNote: ['Data.Note', 'ActivityNote', 'Data.ActivityEvent_Note'],
		activityDateTime: ['ActivityDateTime', 'Data.ActivityDateTime'],
		leadId: ['RelatedProspectId', 'ProspectID'],
		createdBy: ['CreatedBy', 'Data.Owner'],
		createdOn: ['CreatedOn'],
		activityFields: ['Data'],
	},
	task: {
		taskId: ['UserTaskId'],
		taskName: ['Name'],
		taskType: ['TaskType'],
		description: ['Description'],
		relatedEntityId: ['RelatedEntityId'],
		dueDate: ['DueDate'],
		endDate: ['EndDate'],
		status: ['StatusCode'],
		ownerId: ['OwnerId'],
		ownerEmail: ['OwnerEmailAddress'],
		createdOn: ['CreatedOn'],
		completedOn: ['CompletedOn'],
	},
	opportunity: {
		opportunityId: ['OpportunityId', 'ProspectOpportunityId', 'ProspectActivityId'],
		opportunityName: ['mx_Custom_1', 'Data.mx_Custom_1'],
		opportunityType: ['OpportunityType', 'ActivityEventName'],
		opportunityTypeCode: ['OpportunityEvent', 'ActivityEvent'],
		stage: ['mx_Custom_2', 'Data.mx_Custom_2'],
		status: ['Status', 'Data.Status'],
		note: ['OpportunityNote', 'Data.Note'],
		ownerId: ['Owner', 'OwnerId', 'Data.Owner', 'CreatedBy'],
		leadId: ['RelatedProspectId', 'ProspectID'],
		changedFields: ['ChangedFields'],
		createdOn: ['CreatedOn'],
		modifiedOn: ['ModifiedOn'],
		opportunityFields: ['Data'],
	},
	landingPage: {
		landingPageUrl: ['LandingPageUrl'],
		leadId: ['ProspectID', 'ProspectId'],
		...CONTACT,
		submittedOn: ['SubmittedOn'],
	},
};

/** For a delivery whose event header is missing (a registration made elsewhere): the kind its fields suggest. */
function guessKind(payload: IDataObject): EntityKind {
	if ('Before' in payload || 'After' in payload) return 'lead';
	if ('UserTaskId' in payload) return 'task';
	if ('OpportunityId' in payload || 'ProspectOpportunityId' in payload) return 'opportunity';
	if ('ProspectActivityId' in payload) return 'activity';
	if ('LandingPageUrl' in payload) return 'landingPage';
	return 'lead';
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

const at = (payload: IDataObject, path: string): unknown =>
	path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), payload);

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field's value as a comparison sees it: null, absent and "" are all "no value" (LeadSquared sends both). */
const valueOf = (value: unknown) => (value === undefined || value === null || value === '' ? '' : JSON.stringify(value));

/**
 * A Lead Field Update delivery carries the lead before and after: read the lead after, what it
 * was before (stage and owner), and which fields differ, with their values before.
 */
function leadOf(payload: IDataObject): IDataObject {
	if (!isObject(payload.After)) return payload;
	const after = payload.After;
	const before = isObject(payload.Before) ? payload.Before : {};
	const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => valueOf(before[field]) !== valueOf(after[field]));
	return {
		...after,
		PreviousProspectStage: before.ProspectStage ?? null,
		PreviousOwnerId: before.OwnerId ?? null,
		ChangedLeadFields: changed,
		PreviousLeadValues: Object.fromEntries(changed.map((field) => [field, before[field] ?? null])),
	};
}

function flat(payload: IDataObject, kind: EntityKind): IDataObject {
	const source = kind === 'lead' ? leadOf(payload) : payload;
	return Object.fromEntries(
		Object.entries(FIELDS[kind]).map(([field, paths]) => [field, paths.map((path) => at(source, path)).find(isSet) ?? null]),
	);
}

function payloadsOf(body: unknown): IDataObject[] {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			parsed = { body };
		}
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	return list.map((entry) => (entry !== null && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string }));
}

/** One item per payload of a delivery (an activity delivery is an array: LeadSquared sends a minute's activities at once): the event, flat fields, and the payload as `raw`. */
export function deliveryItems(body: unknown, event: TriggerEvent | undefined, receivedAt: Date): IDataObject[] {
	return payloadsOf(body).map((payload) => ({
		event: event?.value ?? null,
		eventName: event?.name ?? null,
		eventCode: event?.code ?? null,
		...flat(payload, event?.kind ?? guessKind(payload)),
		receivedAt: receivedAt.toISOString(),
		raw: payload,
	}));
}
