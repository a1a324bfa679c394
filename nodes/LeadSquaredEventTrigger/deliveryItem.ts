import type { IDataObject } from 'n8n-workflow';

import type { EntityKind, TriggerEvent } from './events';

/**
 * Output field → the payload fields it is read from, first one set wins. LeadSquared
 * publishes only the Lead Created payload (flat lead fields: ProspectID, FirstName,
 * EmailAddress, ProspectStage, …); the other kinds' names are unconfirmed, which is why
 * every item also carries the payload as `raw`.
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
		createdOn: ['CreatedOn'],
		modifiedOn: ['ModifiedOn'],
	},
	activity: {
		activityId: ['ProspectActivityId', 'ActivityId'],
		activityType: ['ActivityEvent'],
		activityName: ['ActivityEventName'],
		activityNote: ['ActivityNote'],
		activityDateTime: ['ActivityDateTime'],
		leadId: ['RelatedProspectId', 'ProspectID'],
		...CONTACT,
		createdOn: ['CreatedOn'],
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
		opportunityId: ['OpportunityId', 'ProspectOpportunityId'],
		opportunityName: ['mx_Custom_1'],
		opportunityType: ['OpportunityType'],
		opportunityTypeCode: ['OpportunityEvent'],
		stage: ['mx_Custom_2'],
		status: ['Status'],
		note: ['OpportunityNote'],
		ownerId: ['Owner', 'OwnerId'],
		leadId: ['RelatedProspectId', 'ProspectID'],
		changedFields: ['ChangedFields'],
		createdOn: ['CreatedOn'],
		modifiedOn: ['ModifiedOn'],
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
	if ('UserTaskId' in payload) return 'task';
	if ('OpportunityId' in payload || 'ProspectOpportunityId' in payload) return 'opportunity';
	if ('ProspectActivityId' in payload) return 'activity';
	if ('LandingPageUrl' in payload) return 'landingPage';
	return 'lead';
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

function flat(payload: IDataObject, kind: EntityKind): IDataObject {
	return Object.fromEntries(
		Object.entries(FIELDS[kind]).map(([field, sources]) => [field, sources.map((source) => payload[source]).find(isSet) ?? null]),
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

/** One item per payload of a delivery (LeadSquared posts one object): the event, flat fields, and the payload as `raw`. */
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
