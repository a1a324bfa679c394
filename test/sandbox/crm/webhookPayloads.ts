import type { Activity, CrmLead, CrmStore, Opportunity, Task } from './store';
import { leadView } from './store';

/**
 * What each webhook event posts. LeadSquared publishes one sample, for "lead created": a flat
 * object of lead fields (ProspectID, ProspectAutoId, FirstName, …, Origin, DoNotEmail, DoNotCall,
 * ProspectStage, Score, …). The lead events use that shape. The activity, task, opportunity and
 * landing-page payloads are NOT published: they are kept flat in the same style here and are
 * unconfirmed (see test/sandbox/README.md).
 */

export function leadPayload(store: CrmStore, lead: CrmLead): Record<string, unknown> {
	return { ...leadView(store, lead), Origin: 'API', DoNotEmail: '0', DoNotCall: '0', Score: '0', EngagementScore: '0' };
}

/** Unconfirmed shape. */
export function activityPayload(store: CrmStore, activity: Activity, lead: CrmLead): Record<string, unknown> {
	const type = store.activityTypes.find((t) => t.ActivityEvent === activity.event);
	return {
		ProspectActivityId: activity.id,
		RelatedProspectId: activity.leadId,
		ActivityEvent: String(activity.event),
		ActivityEventName: type?.DisplayName ?? null,
		ActivityNote: activity.note,
		ActivityDateTime: store.date(activity.activityDateTime),
		CreatedOn: store.date(activity.createdOn),
		...activity.fields,
		FirstName: lead.fields.FirstName || null,
		LastName: lead.fields.LastName || null,
		EmailAddress: lead.fields.EmailAddress || null,
		Phone: lead.fields.Phone || null,
	};
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

/** Unconfirmed shape. */
export function opportunityPayload(store: CrmStore, opportunity: Opportunity, changed?: string[]): Record<string, unknown> {
	const type = store.opportunityTypes.find((t) => t.Code === opportunity.code);
	return {
		OpportunityId: opportunity.id,
		RelatedProspectId: opportunity.leadId,
		OpportunityEvent: String(opportunity.code),
		OpportunityType: type?.Name ?? null,
		OpportunityNote: opportunity.note,
		OpportunityDateTime: store.date(opportunity.opportunityDateTime),
		...opportunity.fields,
		CreatedOn: store.date(opportunity.createdOn),
		ModifiedOn: store.date(opportunity.modifiedOn),
		...(changed ? { ChangedFields: changed.join(',') } : {}),
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
