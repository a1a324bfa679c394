import type { Activity, CrmLead, CrmStore, Opportunity, Task } from './store';
import { leadView } from './store';

/**
 * What each webhook event posts. LeadSquared publishes one sample, for "lead created": a flat
 * object of lead fields (ProspectID, ProspectAutoId, FirstName, …, Origin, DoNotEmail, DoNotCall,
 * ProspectStage, Score, …). The lead events use that shape. A live probe of a real account (a
 * public repository's "LeadSquared API gotchas", sections 15 and 16, and its webhook receiver,
 * 2026-08) saw the activity payload, opportunity deliveries in that same shape, and the Lead
 * Field Update payload; they follow it here. The task and landing-page payloads are NOT
 * published: they are kept flat in the lead sample's style and are unconfirmed (see
 * test/sandbox/README.md).
 */

export function leadPayload(store: CrmStore, lead: CrmLead): Record<string, unknown> {
	return { ...leadView(store, lead), Origin: 'API', DoNotEmail: '0', DoNotCall: '0', Score: '0', EngagementScore: '0' };
}

/**
 * One activity, as the probe saw it: `ProspectActivityId`, `RelatedProspectId`, `ActivityEvent`,
 * `ActivityEventName`, `CreatedBy` and `CreatedOn` at the top, the activity's fields as an object
 * under `Data` (the note at `Data.Note`). The lead's own fields are not in it.
 */
export function activityPayload(store: CrmStore, activity: Activity): Record<string, unknown> {
	const type = store.activityTypes.find((t) => t.ActivityEvent === activity.event);
	return {
		ProspectActivityId: activity.id,
		RelatedProspectId: activity.leadId,
		ActivityEvent: String(activity.event),
		ActivityEventName: type?.DisplayName ?? null,
		CreatedBy: activity.ownerId,
		CreatedOn: store.date(activity.createdOn),
		Data: { Note: activity.note, ...activity.fields },
	};
}

/** A Lead Field Update delivery, as the probe saw it: the whole lead before and after. */
export function leadFieldChangePayload(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
	return { Before: before, After: after };
}

/** Unconfirmed shape. */
export function taskPayload(store: CrmStore, task: Task): Record<string, unknown> {
	const owner = store.user(task.ownerId);
	return {
		UserTaskId: task.id,
		UserTaskAutoId: String(task.autoId),
		Name: task.name,
		Description: task.description,
		TaskType: task.typeName,
		RelatedEntity: String(task.relatedEntity),
		RelatedEntityId: task.relatedEntityId || null,
		DueDate: store.date(task.dueDate),
		EndDate: store.date(task.endDate),
		StatusCode: String(task.statusCode),
		OwnerId: task.ownerId,
		OwnerEmailAddress: owner?.EmailAddress ?? null,
		CreatedOn: store.date(task.createdOn),
		CompletedOn: store.date(task.completedOn),
	};
}

/**
 * An opportunity event, as the probe saw them: in the activity shape, the opportunity type in
 * `ActivityEvent`, no `ActivityEventName` and an empty `Data` (that account's opportunity fields
 * were not in it). Whether other accounts get the fields is unconfirmed.
 */
export function opportunityPayload(store: CrmStore, opportunity: Opportunity): Record<string, unknown> {
	return {
		ProspectActivityId: opportunity.id,
		RelatedProspectId: opportunity.leadId,
		ActivityEvent: String(opportunity.code),
		CreatedBy: opportunity.fields.Owner ?? null,
		CreatedOn: store.date(opportunity.createdOn),
		Data: {},
	};
}

/** Unconfirmed shape: the form's fields as submitted, the page, and the lead they landed on. */
export function landingPagePayload(
	store: CrmStore,
	lead: CrmLead,
	pageUrl: string,
	formFields: Record<string, string>,
): Record<string, unknown> {
	return { ...formFields, ProspectID: lead.id, LandingPageUrl: pageUrl, SubmittedOn: store.date(store.now()) };
}
