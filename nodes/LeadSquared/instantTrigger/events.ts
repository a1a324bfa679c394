import type { BodyShape } from './registrationBodies';
import {
	ACTIVITY_TYPE,
	ACTIVITY_TYPE_ASSUMED,
	LEAD_FIELD,
	LEAD_FIELD_CHOSEN,
	OPPORTUNITY_TYPE,
	OPPORTUNITY_TYPE_ASSUMED,
	PAGE_SAMPLE,
	PAGE_SAMPLE_ASSUMED,
} from './registrationBodies';

/** What a delivery is about: decides which flat fields its output item carries. */
export type EntityKind = 'lead' | 'activity' | 'task' | 'opportunity' | 'landingPage';

/** What each registration of an event watches besides the event: nothing, one activity type, one opportunity type, one lead field. */
export type TargetKind = 'none' | 'activityType' | 'opportunityType' | 'leadField';

export interface WebhookEventCode {
	/** LeadSquared's `WebhookEvent` number for Webhook.svc/Create. */
	code: number;
	source: 'page' | 'probe';
}

export interface TriggerEvent {
	/** The node's option value (stable: stored in workflows, and sent in every delivery's event header). */
	value: string;
	name: string;
	description: string;
	/** The `WebhookEvent` the event is registered with; the item's `eventCode`. */
	code: number;
	/**
	 * Numbers to register it with, tried in order until Retrieve shows the registration as
	 * `registeredAs`: a live probe found the page's opportunity numbers shifted on one account
	 * (31 registered "Opportunity_Post_Delete", 29 "Opportunity_Post_Create").
	 */
	codes: WebhookEventCode[];
	/** Retrieve's `EventCode` of a registration of this event (the names its page lists). */
	registeredAs: string;
	kind: EntityKind;
	per: TargetKind;
	/** Create's WebhookProperties and top-level keys, and where they come from. */
	body: BodyShape;
	/** The field a Lead Field Update registration of an event that is not per field watches (Lead Stage Changed: ProspectStage). */
	leadField?: string;
}

const page = (code: number): WebhookEventCode[] => [{ code, source: 'page' }];

type Entry = Omit<TriggerEvent, 'code' | 'per'> & { per?: TargetKind };

const entry = (fields: Entry): TriggerEvent => ({ ...fields, code: fields.codes[0].code, per: fields.per ?? 'none' });

/**
 * The events the trigger offers, and how each is registered, in one place (the README lists
 * them with their sources). Numbers are those of LeadSquared's Create a Webhook page unless
 * said. Lead Field Update (26) is offered on ProspectStage as Lead Stage Changed, and on chosen
 * fields as Lead Field Updated. Opportunity Field Update (33) is not offered: neither the pages
 * nor the probe show which key of its body names the opportunity field, nor its payload.
 */
export const TRIGGER_EVENTS: TriggerEvent[] = [
	entry({ value: 'activityPosted', name: 'Activity Posted', codes: page(2), registeredAs: 'LeadActivity_Post_Create', kind: 'activity', per: 'activityType', body: ACTIVITY_TYPE, description: 'An activity of a chosen type is posted on a lead' }),
	entry({ value: 'activityUpdated', name: 'Activity Updated', codes: page(15), registeredAs: 'LeadActivity_Post_Update', kind: 'activity', per: 'activityType', body: ACTIVITY_TYPE_ASSUMED, description: 'An activity of a chosen type is updated' }),
	entry({ value: 'landingPageSubmission', name: 'Landing Page Submission', codes: page(1), registeredAs: 'Landing_Page_submission', kind: 'landingPage', body: PAGE_SAMPLE, description: 'A visitor submits a LeadSquared landing page form' }),
	entry({ value: 'leadCreated', name: 'Lead Created', codes: page(3), registeredAs: 'Lead_Post_Create', kind: 'lead', body: PAGE_SAMPLE_ASSUMED, description: 'A lead is created' }),
	entry({ value: 'leadOwnerChanged', name: 'Lead Owner Changed', codes: page(4), registeredAs: 'Lead_Owner_Change', kind: 'lead', body: PAGE_SAMPLE_ASSUMED, description: 'A lead gets another owner' }),
	entry({ value: 'leadScoreChanged', name: 'Lead Score Changed', codes: page(9), registeredAs: 'Lead_Score_Change', kind: 'lead', body: PAGE_SAMPLE_ASSUMED, description: "A lead's score changes" }),
	entry({
		value: 'leadStageChanged',
		name: 'Lead Stage Changed',
		codes: page(26),
		registeredAs: 'Lead_Field_Change',
		kind: 'lead',
		body: LEAD_FIELD,
		leadField: 'ProspectStage',
		description: 'A lead moves to another stage (registered as a Lead Field Update on ProspectStage)',
	}),
	entry({
		value: 'leadFieldUpdated',
		name: 'Lead Field Updated',
		codes: page(26),
		registeredAs: 'Lead_Field_Change',
		kind: 'lead',
		per: 'leadField',
		body: LEAD_FIELD_CHOSEN,
		description: 'One of the chosen lead fields changes (a Lead Field Update webhook per field)',
	}),
	entry({ value: 'leadUpdated', name: 'Lead Updated', codes: page(6), registeredAs: 'Lead_Post_Update', kind: 'lead', body: PAGE_SAMPLE_ASSUMED, description: 'A lead is updated' }),
	entry({
		value: 'opportunityCreated',
		name: 'Opportunity Created',
		codes: [{ code: 31, source: 'page' }, { code: 29, source: 'probe' }],
		registeredAs: 'Opportunity_Post_Create',
		kind: 'opportunity',
		per: 'opportunityType',
		body: OPPORTUNITY_TYPE,
		description: 'An opportunity of a chosen type is created',
	}),
	entry({
		value: 'opportunityDeleted',
		name: 'Opportunity Deleted',
		codes: [{ code: 35, source: 'page' }, { code: 31, source: 'probe' }],
		registeredAs: 'Opportunity_Post_Delete',
		kind: 'opportunity',
		per: 'opportunityType',
		body: OPPORTUNITY_TYPE_ASSUMED,
		description: 'An opportunity of a chosen type is deleted',
	}),
	entry({ value: 'opportunityStageChanged', name: 'Opportunity Stage Changed', codes: page(34), registeredAs: 'OpportunityStage_Post_Update', kind: 'opportunity', per: 'opportunityType', body: OPPORTUNITY_TYPE_ASSUMED, description: 'An opportunity of a chosen type moves to another stage' }),
	entry({
		value: 'opportunityUpdated',
		name: 'Opportunity Updated',
		codes: [{ code: 32, source: 'page' }, { code: 30, source: 'probe' }],
		registeredAs: 'Opportunity_Post_Update',
		kind: 'opportunity',
		per: 'opportunityType',
		body: OPPORTUNITY_TYPE,
		description: 'An opportunity of a chosen type is updated',
	}),
	entry({ value: 'taskCompleted', name: 'Task Completed', codes: page(16), registeredAs: 'Task_Complete', kind: 'task', body: PAGE_SAMPLE_ASSUMED, description: 'A task is marked complete' }),
	entry({ value: 'taskCreated', name: 'Task Created', codes: page(7), registeredAs: 'Task_Create', kind: 'task', body: PAGE_SAMPLE_ASSUMED, description: 'A task is created' }),
	entry({ value: 'taskReminder', name: 'Task Reminder', codes: page(8), registeredAs: 'Task_Reminder', kind: 'task', body: PAGE_SAMPLE_ASSUMED, description: "A task's reminder is due" }),
	entry({ value: 'taskUpdated', name: 'Task Updated', codes: page(17), registeredAs: 'Task_Update', kind: 'task', body: PAGE_SAMPLE_ASSUMED, description: 'A task is updated' }),
];

export const eventByValue = (value: string): TriggerEvent | undefined => TRIGGER_EVENTS.find((event) => event.value === value);

/** The event a delivery's event header names: its value, or (registrations made by an earlier version) its number. */
export const eventOfHeader = (header: unknown): TriggerEvent | undefined =>
	typeof header === 'string' ? eventByValue(header) ?? TRIGGER_EVENTS.find((event) => String(event.code) === header) : undefined;

export const TYPE_EVENTS = {
	activityType: TRIGGER_EVENTS.filter((event) => event.per === 'activityType').map((event) => event.value),
	opportunityType: TRIGGER_EVENTS.filter((event) => event.per === 'opportunityType').map((event) => event.value),
	leadField: TRIGGER_EVENTS.filter((event) => event.per === 'leadField').map((event) => event.value),
};
