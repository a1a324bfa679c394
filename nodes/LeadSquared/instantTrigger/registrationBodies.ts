/**
 * What Webhook.svc/Create gets besides the common keys (Description, URL, Method,
 * ContentType, WebhookEvent, landing pages, NotifyOnFailure, CustomHeaders), per kind of
 * event, with where each shape comes from. LeadSquared's Create a Webhook page shows one
 * sample, for Landing Page Submission (1), with `"WebhookProperties": null`; a live probe of a
 * real account (a public repository's "LeadSquared API gotchas", 2026-08) found:
 * - `WebhookProperties` must be a string holding JSON: an object is refused with 400;
 * - a key inside WebhookProperties must also be sent at the top level of the body
 *   (without it: 500 "You have not passed ActivityEvent.");
 * - Lead Stage Change (5) refuses null ("Webhook Properties is not found") and every JSON
 *   string tried ("not a valid JSON", even "{}"); a Lead Field Update (26) webhook on
 *   ProspectStage does the same job and is accepted.
 */
export interface RegistrationBody {
	WebhookProperties: string | null;
	/** Keys LeadSquared wants at the top level of the body as well. */
	[topLevelKey: string]: unknown;
}

export interface BodyShape {
	build: (target: string) => RegistrationBody;
	/** Where the shape comes from (and, for events nobody settled, that it is assumed), said when LeadSquared refuses it. */
	source: string;
}

/** The Create page's sample (event 1). For other events an assumption: no page shows their body. */
const NO_PROPERTIES = (): RegistrationBody => ({ WebhookProperties: null });

export const PAGE_SAMPLE: BodyShape = {
	build: NO_PROPERTIES,
	source: "the body of the Create a Webhook page's only sample (WebhookProperties null, for Landing Page Submission)",
};

export const PAGE_SAMPLE_ASSUMED: BodyShape = {
	build: NO_PROPERTIES,
	source:
		"This event's WebhookProperties is not on LeadSquared's pages: the node sent WebhookProperties null, as the Create a Webhook page's only sample (for Landing Page Submission) does",
};

/** One activity type per registration (probe, event 2): the probe created one webhook per type. */
export const ACTIVITY_TYPE: BodyShape = {
	build: (type) => ({
		ActivityEvent: type,
		WebhookProperties: JSON.stringify({ ActivityEvent: type, ActivityData: '[]', WebPageNames: '[]' }),
	}),
	source:
		"the node sent the body a live probe of LeadSquared found to work for Activity Posted (a top-level ActivityEvent and WebhookProperties {ActivityEvent, ActivityData, WebPageNames}); LeadSquared refuses activity types that are not in the account's catalogue",
};

/** The shape the probe found for a sibling event, taken for an event nobody probed. */
const assumedLike = (shape: BodyShape): BodyShape => ({
	...shape,
	source: `This event's WebhookProperties is not on LeadSquared's pages, nor probed: ${shape.source}`,
});

/** Activity Updated (15) is assumed to take Activity Posted's body: the probe created only event 2. */
export const ACTIVITY_TYPE_ASSUMED = assumedLike(ACTIVITY_TYPE);

/** Lead Field Update (26) on one field (probe): a top-level ChangedLeadField (the schema name) and WebhookProperties {ChangedLeadField}. */
const onField = (field: string): RegistrationBody => ({ ChangedLeadField: field, WebhookProperties: JSON.stringify({ ChangedLeadField: field }) });

const ONE_PER_FIELD = "LeadSquared allows one such webhook per field in an account, so another one on the same field (another workflow's, or an admin's) makes it refuse";

export const LEAD_FIELD: BodyShape = {
	build: onField,
	source: `Lead Stage Change (5) takes no WebhookProperties LeadSquared accepts, so the node registers a Lead Field Update (26) webhook on ProspectStage, the body a live probe found to work (a top-level ChangedLeadField and WebhookProperties {ChangedLeadField}); ${ONE_PER_FIELD}`,
};

/** Lead Field Updated: the same body on each chosen field; the probe registered it on ProspectStage and two custom fields (mx_…). */
export const LEAD_FIELD_CHOSEN: BodyShape = {
	build: onField,
	source: `the node sent the body a live probe of LeadSquared found to work for Lead Field Update (26) on ProspectStage, mx_Call_Disposition and mx_Disqualification_Reason (a top-level ChangedLeadField, the field's schema name, and WebhookProperties {ChangedLeadField}); ${ONE_PER_FIELD}`,
};

/** Opportunity events of one opportunity type (probe, on its account's create and update events). */
export const OPPORTUNITY_TYPE: BodyShape = {
	build: (type) => ({
		OpportunityEvents: [type],
		WebhookProperties: JSON.stringify({ OpportunityEvents: [type], IsAsyncEnable: false }),
	}),
	source:
		'the node sent the body a live probe of LeadSquared found to work for opportunity create and update (top-level OpportunityEvents and WebhookProperties {OpportunityEvents, IsAsyncEnable})',
};

/** Opportunity stage change and delete: the probe created only create and update. */
export const OPPORTUNITY_TYPE_ASSUMED = assumedLike(OPPORTUNITY_TYPE);
