import type { Json } from './common';
import { fail } from './common';
import type { CrmStore, WebhookRegistration } from './store';
import { canonicalLeadField } from './store';
import { WEBHOOK_CREATE_REFUSALS } from './unconfirmed';

/**
 * What Webhook.svc/Create asks of each event beyond the common keys. The Create a Webhook
 * page shows one sample (event 1, `"WebhookProperties": null`); everything else here is what
 * a live probe of a real account found (a public repository's "LeadSquared API gotchas",
 * sections 15 and 16, and its webhook management script, 2026-08):
 * - WebhookProperties must be a string holding JSON: an object gets 400 (a JSON parse error);
 * - activity events need a top-level ActivityEvent as well ("You have not passed ActivityEvent."),
 *   and an activity type outside the account's catalogue is refused with 500;
 * - Lead Stage Change (5) refuses null ("Webhook Properties is not found") and every JSON string
 *   it was sent ("Webhook Properties is not a valid JSON", even "{}"): it cannot be created by API;
 * - Lead Field Update (26) needs a top-level ChangedLeadField as well (the field's schema name: the
 *   probe registered ProspectStage, mx_Call_Disposition and mx_Disqualification_Reason), and takes
 *   one webhook per field in an account (a second gets MXDuplicateEntryException); how it refuses
 *   a name that is no lead field of the account is not known (the sandbox: 500, unknownLeadField);
 * - opportunity webhooks were created with `OpportunityEvents: [type]` at the top level and in
 *   WebhookProperties.
 */
export const TOP_LEVEL_KEYS = ['ActivityEvent', 'ChangedLeadField', 'OpportunityEvents'];

const ACTIVITY_EVENTS = [2, 15];
const OPPORTUNITY_EVENTS = [31, 32, 33, 34, 35];

type Refusal = keyof typeof WEBHOOK_CREATE_REFUSALS;

const refuse = (refusal: Refusal): never => {
	const { status, type, message } = WEBHOOK_CREATE_REFUSALS[refusal];
	return fail(status, type, message);
};

/** WebhookProperties: null, or a string that parses as JSON. */
function properties(value: unknown): { text: string | null; json: unknown } {
	if (value === undefined || value === null) return { text: null, json: null };
	if (typeof value !== 'string') refuse('propertiesNotString');
	try {
		return { text: value as string, json: JSON.parse(value as string) as unknown };
	} catch {
		return refuse('propertiesNotJson');
	}
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** Reads and checks what the event asks for; returns what the registration then watches. */
export function eventSettings(store: CrmStore, request: Json, event: number, updating?: string): Partial<WebhookRegistration> {
	const { text: propertiesText } = properties(request.WebhookProperties);
	const settings: Partial<WebhookRegistration> = { properties: propertiesText };
	if (event === 5) return refuse(propertiesText === null ? 'propertiesNotFound' : 'propertiesNotJson');
	if (ACTIVITY_EVENTS.includes(event)) {
		const code = text(request.ActivityEvent);
		if (!code) refuse('noActivityEvent');
		if (!store.activityTypes.some((type) => String(type.ActivityEvent) === code)) refuse('unknownActivityEvent');
		settings.activityEvent = Number(code);
	}
	if (event === 26) {
		const field = text(request.ChangedLeadField);
		if (!field) refuse('noChangedLeadField');
		const schemaName = canonicalLeadField(field) ?? refuse('unknownLeadField');
		if (store.webhooks.some((w) => w.id !== updating && w.event === 26 && w.changedLeadField === schemaName)) refuse('leadFieldTaken');
		settings.changedLeadField = schemaName;
	}
	if (OPPORTUNITY_EVENTS.includes(event) && request.OpportunityEvents !== undefined && request.OpportunityEvents !== null) {
		const codes = [request.OpportunityEvents].flat().map((code) => Number(text(code)));
		if (!codes.length || codes.some((code) => !store.opportunityTypes.some((type) => type.Code === code))) refuse('unknownOpportunityType');
		settings.opportunityEvents = codes;
	}
	return settings;
}
