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

const TYPE_FIELDS: Record<Exclude<TargetKind, 'none'>, { parameter: string; label: string }> = {
	activityType: { parameter: 'activityTypes', label: 'Activity Types' },
	opportunityType: { parameter: 'opportunityTypes', label: 'Opportunity Types' },
};

/** Type codes from the multi-select, or an expression giving a number, a list or comma-separated text. */
function typeCodes(context: IHookFunctions, kind: Exclude<TargetKind, 'none'>, forEvent: TriggerEvent): string[] {
	const { parameter, label } = TYPE_FIELDS[kind];
	const raw = context.getNodeParameter(parameter, []) as unknown;
	const values = [raw]
		.flat()
		.flatMap((value) => (typeof value === 'string' ? value.split(',') : [value]))
		.map((value) => String(value ?? '').trim())
		.filter(Boolean);
	const notCode = values.find((value) => !/^\d+$/.test(value));
	if (notCode !== undefined) fail(context, `${label}: "${notCode.slice(0, 40)}" is not a type code (a whole number, e.g. 201)`);
	if (!values.length) {
		fail(context, `${label}: choose at least one for ${forEvent.name} (LeadSquared registers these webhooks one ${label.toLowerCase().slice(0, -1)} at a time)`);
	}
	return [...new Set(values)];
}

/** What to register, checked before anything is sent to LeadSquared. */
export function readSettings(this: IHookFunctions): TriggerSettings {
	// The nodes panel adds the node with one event as a plain value when the user picks it there.
	const chosen = [this.getNodeParameter('events', [])].flat() as string[];
	const events = [...new Set(chosen)].map((value) => eventByValue(value) ?? fail(this, `Unknown event "${String(value).slice(0, 60)}"`));
	if (!events.length) fail(this, 'Choose at least one event in Events');
	const registrations = events.flatMap((event) => {
		if (event.per === 'none') return [{ event, target: event.leadField ?? '' }];
		return typeCodes(this, event.per, event).map((target) => ({ event, target }));
	});
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
	return event.name;
}
