/** What a delivery is about: decides which flat fields its output item carries. */
export type EntityKind = 'lead' | 'activity' | 'task' | 'opportunity' | 'landingPage';

export interface TriggerEvent {
	/** The node's option value (stable: stored in workflows). */
	value: string;
	name: string;
	description: string;
	/** LeadSquared's `WebhookEvent` number for Webhook.svc/Create. */
	code: number;
	kind: EntityKind;
}

/**
 * The events the trigger offers, in one place. The codes are those listed on LeadSquared's
 * Create a Webhook page. Lead Field Update (26) and Opportunity Field Update (33) are left
 * out: they watch chosen fields, set through `WebhookProperties`, whose shape is unpublished.
 * What each event posts is published only for Lead Created; the other payloads are
 * unconfirmed (see the README).
 */
export const TRIGGER_EVENTS: TriggerEvent[] = [
	{ value: 'activityPosted', name: 'Activity Posted', code: 2, kind: 'activity', description: 'An activity is posted on a lead' },
	{ value: 'activityUpdated', name: 'Activity Updated', code: 15, kind: 'activity', description: 'An activity on a lead is updated' },
	{ value: 'landingPageSubmission', name: 'Landing Page Submission', code: 1, kind: 'landingPage', description: 'A visitor submits a LeadSquared landing page form' },
	{ value: 'leadCreated', name: 'Lead Created', code: 3, kind: 'lead', description: 'A lead is created' },
	{ value: 'leadOwnerChanged', name: 'Lead Owner Changed', code: 4, kind: 'lead', description: 'A lead gets another owner' },
	{ value: 'leadScoreChanged', name: 'Lead Score Changed', code: 9, kind: 'lead', description: "A lead's score changes" },
	{ value: 'leadStageChanged', name: 'Lead Stage Changed', code: 5, kind: 'lead', description: 'A lead moves to another stage' },
	{ value: 'leadUpdated', name: 'Lead Updated', code: 6, kind: 'lead', description: 'A lead is updated' },
	{ value: 'opportunityCreated', name: 'Opportunity Created', code: 31, kind: 'opportunity', description: 'An opportunity is created' },
	{ value: 'opportunityDeleted', name: 'Opportunity Deleted', code: 35, kind: 'opportunity', description: 'An opportunity is deleted' },
	{ value: 'opportunityStageChanged', name: 'Opportunity Stage Changed', code: 34, kind: 'opportunity', description: 'An opportunity moves to another stage' },
	{ value: 'opportunityUpdated', name: 'Opportunity Updated', code: 32, kind: 'opportunity', description: 'An opportunity is updated' },
	{ value: 'taskCompleted', name: 'Task Completed', code: 16, kind: 'task', description: 'A task is marked complete' },
	{ value: 'taskCreated', name: 'Task Created', code: 7, kind: 'task', description: 'A task is created' },
	{ value: 'taskReminder', name: 'Task Reminder', code: 8, kind: 'task', description: "A task's reminder is due" },
	{ value: 'taskUpdated', name: 'Task Updated', code: 17, kind: 'task', description: 'A task is updated' },
];

export const eventByValue = (value: string): TriggerEvent | undefined => TRIGGER_EVENTS.find((event) => event.value === value);

export const eventByCode = (code: number): TriggerEvent | undefined => TRIGGER_EVENTS.find((event) => event.code === code);
