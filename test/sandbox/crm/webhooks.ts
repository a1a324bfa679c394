import { randomUUID } from 'crypto';

import type { Json } from './common';
import {
	fail,
	invalidInput,
	isObject,
	lsqDate,
	mandatoryMissing,
	objectBody,
	optionalBoolean,
	optionalInteger,
	optionalText,
	pageIndexPaging,
	rejectUnknownKeys,
	reply,
	sameId,
	sortRows,
	sortingOf,
} from './common';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore, CustomHeader, WebhookRegistration } from './store';
import { PROBE_ACCOUNT_EVENT_NUMBERS, WEBHOOK_EVENTS } from './unconfirmed';
import { webhookDeleteRoutes, webhookNotFound } from './webhookDelete';
import { eventSettings, TOP_LEVEL_KEYS } from './webhookRules';

const BASE = '/v2/Webhook.svc';

export const WEBHOOK_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'];

const WRITE_KEYS = [
	'Description',
	'URL',
	'Method',
	'ContentType',
	'WebhookEvent',
	'LandingPageUrls',
	'IsSpecificLandingPage',
	'NotifyOnFailure',
	'WebhookProperties',
	'CustomHeaders',
	...TOP_LEVEL_KEYS,
];


function webhookUrl(value: string): string {
	let url: URL | undefined;
	try {
		url = new URL(value.trim());
	} catch {
		invalidInput(`URL '${value}' is not a valid HTTP or HTTPS URL`);
	}
	if (url!.protocol !== 'http:' && url!.protocol !== 'https:') invalidInput(`URL '${value}' is not a valid HTTP or HTTPS URL`);
	return url!.toString();
}

function eventCode(value: unknown): number {
	const code = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isInteger(code) || !WEBHOOK_EVENTS[code]) invalidInput(`WebhookEvent '${String(value)}' is not a webhook event code`);
	return code;
}

/** The event an account files a Create or Update `WebhookEvent` number under (see PROBE_ACCOUNT_EVENT_NUMBERS). */
function accountEvent(store: CrmStore, value: unknown): number {
	if (store.webhookEventNumbers === 'page') return eventCode(value);
	const number = Number(value);
	const mapped = PROBE_ACCOUNT_EVENT_NUMBERS[number];
	if (typeof mapped === 'number') return mapped;
	if (mapped) return fail(mapped.status, mapped.type, mapped.message);
	return eventCode(value);
}

function customHeaders(value: unknown): CustomHeader[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) invalidInput('CustomHeaders must be an array of {"Key", "Value"}');
	return (value as unknown[]).map((header, index) => {
		if (!isObject(header) || typeof header.Key !== 'string' || typeof header.Value !== 'string') {
			invalidInput(`CustomHeaders[${index}] must be {"Key": text, "Value": text}`);
		}
		const { Key, Value } = header as { Key: string; Value: string };
		if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(Key)) invalidInput(`CustomHeaders[${index}].Key '${Key}' is not a valid header name`);
		if (/[\r\n]/.test(Value)) invalidInput(`CustomHeaders[${index}].Value must be on one line`);
		return { Key, Value };
	});
}

function landingPageUrls(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value)
		? value
		: typeof value === 'string'
		? value.split(',')
		: invalidInput('LandingPageUrls must be a list of URLs');
	return (list as unknown[])
		.map((url) => {
			if (typeof url !== 'string') invalidInput('LandingPageUrls must contain URLs');
			return (url as string).trim();
		})
		.filter(Boolean);
}

/** Reads the writable settings; on update, what is left out keeps its value. */
function applySettings(store: CrmStore, request: Json, target: Partial<WebhookRegistration>, creating: boolean): void {
	const url = optionalText(request, 'URL', 2000);
	if (url !== undefined && url.trim() !== '') target.url = webhookUrl(url);
	else if (creating) mandatoryMissing("'URL' is mandatory");
	const method = optionalText(request, 'Method');
	if (method !== undefined && method.toUpperCase() !== 'POST') invalidInput('Method must be POST');
	const contentType = optionalText(request, 'ContentType');
	if (contentType !== undefined) {
		if (!WEBHOOK_CONTENT_TYPES.includes(contentType.toLowerCase()))
			invalidInput(`ContentType must be one of ${WEBHOOK_CONTENT_TYPES.join(', ')}`);
		target.contentType = contentType.toLowerCase();
	} else if (creating) target.contentType = 'application/json';
	if (request.WebhookEvent !== undefined && request.WebhookEvent !== null) target.event = accountEvent(store, request.WebhookEvent);
	else if (creating) mandatoryMissing("'WebhookEvent' is mandatory");
	const description = optionalText(request, 'Description', 500);
	if (description !== undefined || creating) target.description = description ?? '';
	if ('LandingPageUrls' in request || creating) target.landingPageUrls = landingPageUrls(request.LandingPageUrls);
	const specific = optionalBoolean(request, 'IsSpecificLandingPage');
	if (specific !== undefined || creating) target.isSpecificLandingPage = specific ?? false;
	const notify = optionalBoolean(request, 'NotifyOnFailure');
	if (notify !== undefined || creating) target.notifyOnFailure = notify ?? false;
	if (creating || ['WebhookEvent', 'WebhookProperties', ...TOP_LEVEL_KEYS].some((key) => key in request)) {
		Object.assign(target, { activityEvent: undefined, changedLeadField: undefined, opportunityEvents: undefined });
		Object.assign(target, eventSettings(store, request, target.event!, target.id));
	}
	if ('CustomHeaders' in request || creating) target.customHeaders = customHeaders(request.CustomHeaders);
	const event = target.event;
	if (target.isSpecificLandingPage && event === 1 && !target.landingPageUrls?.length) {
		invalidInput('LandingPageUrls is required when IsSpecificLandingPage is true');
	}
}

function create(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, WRITE_KEYS);
	const settings: Partial<WebhookRegistration> = {};
	applySettings(store, request, settings, true);
	const now = store.now();
	const webhook = {
		...settings,
		id: randomUUID(),
		accountKey: store.account.accessKey,
		method: 'POST',
		statusCode: 0,
		consecutiveFailures: 0,
		createdOn: now,
		modifiedOn: now,
	} as WebhookRegistration;
	store.webhooks.push(webhook);
	// Unconfirmed response shape (the page shows only the request).
	return { Status: 'Success', Message: { Id: webhook.id } };
}

function update(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	// StatusCode (0 enable, 1 disable) is the sandbox's way to switch a webhook by API: unconfirmed.
	rejectUnknownKeys(request, [...WRITE_KEYS, 'WebhookId', 'StatusCode']);
	const id = optionalText(request, 'WebhookId') ?? mandatoryMissing("'WebhookId' is mandatory");
	const webhook = store.webhooks.find((w) => sameId(w.id, id)) ?? webhookNotFound();
	const settings: Partial<WebhookRegistration> = { ...webhook };
	applySettings(store, request, settings, false);
	const status = optionalInteger(request, 'StatusCode');
	if (status !== undefined && status !== 0 && status !== 1) invalidInput('StatusCode must be 0 (enabled) or 1 (disabled)');
	Object.assign(webhook, settings, { modifiedOn: store.now() });
	if (status !== undefined) {
		webhook.statusCode = status as 0 | 1;
		webhook.consecutiveFailures = 0;
	}
	return { Status: 'Success', Message: { AffectedRows: 1 } };
}

export function webhookRow(webhook: WebhookRegistration): Record<string, unknown> {
	const event = WEBHOOK_EVENTS[webhook.event];
	return {
		WebhookId: webhook.id,
		EventName: event.displayName,
		EventCode: event.name,
		Description: webhook.description,
		URL: webhook.url,
		Method: webhook.method,
		ContentType: webhook.contentType,
		StatusCode: webhook.statusCode,
		IsSpecificLandingPage: webhook.isSpecificLandingPage,
		LandingPageUrls: webhook.landingPageUrls.join(','),
		NotifyOnFailure: webhook.notifyOnFailure,
		WebhookProperties: webhook.properties,
		CustomHeaders: webhook.customHeaders,
		CreatedOn: lsqDate(webhook.createdOn),
		ModifiedOn: lsqDate(webhook.modifiedOn),
	};
}

function eventFilter(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const byName = Object.entries(WEBHOOK_EVENTS).find(([, event]) => event.name.toLowerCase() === String(value).toLowerCase());
	return byName ? Number(byName[0]) : eventCode(value);
}

function retrieve(store: CrmStore, body: unknown) {
	const request = body === undefined ? {} : objectBody(body);
	const parameter = isObject(request.Parameter) ? (request.Parameter as Json) : {};
	const type = optionalText(parameter, 'Type');
	if (type && !['webhook', 'lapp'].includes(type.toLowerCase())) invalidInput("Type must be 'Webhook' or 'Lapp'");
	const event = eventFilter(parameter.WebhookEvent);
	const status = optionalInteger(parameter, 'StatusCode');
	if (status !== undefined && ![0, 1, 2].includes(status))
		invalidInput('StatusCode must be 0 (enabled), 1 (disabled by hand) or 2 (disabled after failures)');
	const id = optionalText(parameter, 'WebhookId')?.trim();
	const text = optionalText(parameter, 'SearchText')?.trim().toLowerCase();
	const { skip, take } = pageIndexPaging(request, 25);
	const { column, descending } = sortingOf(request);
	const rows = store.webhooks
		// The sandbox has no Lapps: every registration is of type Webhook.
		.filter(() => !type || type.toLowerCase() === 'webhook')
		.filter((w) => event === undefined || w.event === event)
		.filter((w) => status === undefined || w.statusCode === status)
		.filter((w) => !id || sameId(w.id, id))
		.filter((w) => !text || w.description.toLowerCase().includes(text) || WEBHOOK_EVENTS[w.event].displayName.toLowerCase().includes(text))
		.map(webhookRow);
	return { RecordCount: rows.length, Response: sortRows(rows, column, descending).slice(skip, skip + take) };
}

export function webhookRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/Create`]: { handler: ({ store, body }) => reply(create(store, body)) },
		[`POST ${BASE}/Update`]: { handler: ({ store, body }) => reply(update(store, body)) },
		[`POST ${BASE}/Retrieve`]: { optionalBody: true, handler: ({ store, body }) => reply(retrieve(store, body)) },
		...webhookDeleteRoutes(),
	};
}
