import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isHttpUrl } from '../transport';
import type { TargetKind, TriggerEvent } from './events';
import { eventByValue } from './events';

/** One webhook to register: an event, and what it watches (an activity or opportunity type, a lead field), if anything. */
export interface PlannedRegistration {
	event: TriggerEvent;
	target: string;
}

export interface TriggerSettings {
	registrations: PlannedRegistration[];
	landingPageUrls: string[];
	notifyOnFailure: boolean;
}

function fail(context: IHookFunctions, message: string): never {
	throw new NodeOperationError(context.getNode(), message);
}

/** The Delete API URL (Override) option: empty for the built-in address. */
export function deleteApiUrl(this: IHookFunctions): string {
	const url = String((this.getNodeParameter('options', {}) as IDataObject).endpointUrl ?? '').trim();
	if (url && !isHttpUrl(url)) fail(this, `Delete API URL (Override) "${url.slice(0, 80)}" is not an http(s) URL`);
	return url;
}

interface TargetField {
	parameter: string;
	label: string;
	/** What one value must look like, and how a message says so. */
	pattern: RegExp;
	rule: string;
	/** How LeadSquared registers these webhooks: one … at a time. */
	unit: string;
}

const TARGET_FIELDS: Record<Exclude<TargetKind, 'none'>, TargetField> = {
	activityType: { parameter: 'activityTypes', label: 'Activity Types', pattern: /^\d+$/, rule: 'a type code (a whole number, e.g. 201)', unit: 'activity type' },
	opportunityType: { parameter: 'opportunityTypes', label: 'Opportunity Types', pattern: /^\d+$/, rule: 'a type code (a whole number, e.g. 201)', unit: 'opportunity type' },
	leadField: { parameter: 'leadFields', label: 'Lead Fields', pattern: /^[A-Za-z][A-Za-z0-9_]*$/, rule: "a lead field's schema name (e.g. mx_City)", unit: 'lead field' },
};

/** Type codes or field names from the multi-select, or an expression giving one, a list or comma-separated text. */
function targets(context: IHookFunctions, kind: Exclude<TargetKind, 'none'>, forEvent: TriggerEvent): string[] {
	const { parameter, label, pattern, rule, unit } = TARGET_FIELDS[kind];
	const raw = context.getNodeParameter(parameter, []) as unknown;
	const values = [raw]
		.flat()
		.flatMap((value) => (typeof value === 'string' ? value.split(',') : [value]))
		.map((value) => String(value ?? '').trim())
		.filter(Boolean);
	const invalid = values.find((value) => !pattern.test(value));
	if (invalid !== undefined) fail(context, `${label}: "${invalid.slice(0, 40)}" is not ${rule}`);
	if (!values.length) fail(context, `${label}: choose at least one for ${forEvent.name} (LeadSquared registers these webhooks one ${unit} at a time)`);
	return [...new Set(values)];
}

/** LeadSquared takes one Lead Field Update webhook per field: two registrations of the node on one field would make it refuse the second. */
function checkOneWebhookPerField(context: IHookFunctions, registrations: PlannedRegistration[]): void {
	const fieldOf = ({ event, target }: PlannedRegistration) => (event.per === 'leadField' ? target : event.leadField);
	const seen = new Map<string, PlannedRegistration>();
	for (const registration of registrations) {
		const field = fieldOf(registration);
		if (!field) continue;
		const other = seen.get(field.toLowerCase());
		if (other) {
			fail(context, `Lead Fields: ${field} is watched by ${registrationLabel(other.event, other.target)} already, and LeadSquared allows one Lead Field Update webhook per field: leave it out of Lead Fields`);
		}
		seen.set(field.toLowerCase(), registration);
	}
}

/** What to register, checked before anything is sent to LeadSquared. */
export function readSettings(this: IHookFunctions): TriggerSettings {
	// The nodes panel adds the node with one event as a plain value when the user picks it there.
	const chosen = [this.getNodeParameter('events', [])].flat() as string[];
	const events = [...new Set(chosen)].map((value) => eventByValue(value) ?? fail(this, `Unknown event "${String(value).slice(0, 60)}"`));
	if (!events.length) fail(this, 'Choose at least one event in Events');
	const registrations = events.flatMap((event) => {
		if (event.per === 'none') return [{ event, target: event.leadField ?? '' }];
		return targets(this, event.per, event).map((target) => ({ event, target }));
	});
	checkOneWebhookPerField(this, registrations);
	const landingPageUrls = events.some((event) => event.value === 'landingPageSubmission')
		? String(this.getNodeParameter('landingPageUrls', '') ?? '')
				.split(',')
				.map((url) => url.trim())
				.filter(Boolean)
		: [];
	const notUrl = landingPageUrls.find((url) => !isHttpUrl(url));
	if (notUrl) fail(this, `Landing Page URLs: "${notUrl.slice(0, 80)}" is not an http(s) URL`);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return { registrations, landingPageUrls, notifyOnFailure: options.notifyOnFailure === true };
}

/** How a registration is named in messages: "Activity Posted (activity type 201)". */
export function registrationLabel(event: TriggerEvent, target: string): string {
	if (event.per === 'activityType') return `${event.name} (activity type ${target})`;
	if (event.per === 'opportunityType') return `${event.name} (opportunity type ${target})`;
	if (event.per === 'leadField') return `${event.name} (lead field ${target})`;
	return event.name;
}
