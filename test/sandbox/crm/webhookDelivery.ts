import { request as httpRequest } from 'http';
import { request as httpsRequest } from 'https';

import type { CrmEvent, CrmStore, WebhookRegistration } from './store';
import { BATCHED_WEBHOOK_EVENTS, DEFAULT_DELIVERY, WEBHOOK_EVENTS } from './unconfirmed';

export interface DeliveryOptions {
	/** Waits before each retry of a failed delivery (LeadSquared: 3 retries; waits unpublished). */
	retryDelaysMs: number[];
	/** Consecutive answers other than 200 (or no answer) after which a webhook is disabled (StatusCode 2): 10, per the probe. */
	disableAfterFailures: number;
	/** How long one attempt waits for the receiver's answer. */
	timeoutMs: number;
	/** How long batched events (BATCHED_WEBHOOK_EVENTS) are gathered into one delivery: a minute, per the probe. */
	batchWindowMs: number;
}

export interface DeliveryAttempt {
	seq: number;
	deliveryId: number;
	webhookId: string;
	accountKey: string;
	event: number;
	eventName: string;
	/** 1 for the first try, 2… for retries. */
	attempt: number;
	/** A verification (a POST with no payload) rather than a delivery. */
	verification?: boolean;
	at: number;
	url: string;
	method: 'POST';
	headers: Record<string, string | string[]>;
	body: string;
	status?: number;
	error?: string;
	ok: boolean;
}

/** The body as the webhook's content type wants it. LeadSquared's text/plain body is not published: JSON text here. */
export function encodePayload(contentType: string, payload: Record<string, unknown> | Array<Record<string, unknown>>): string {
	if (contentType === 'application/x-www-form-urlencoded' && !Array.isArray(payload)) {
		const form = new URLSearchParams();
		for (const [key, value] of Object.entries(payload)) {
			form.append(key, value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
		}
		return form.toString();
	}
	return JSON.stringify(payload);
}

function headersFor(webhook: WebhookRegistration, body: string): Record<string, string | string[]> {
	const headers: Record<string, string | string[]> = {};
	for (const { Key, Value } of webhook.customHeaders) {
		const existing = headers[Key];
		headers[Key] = existing === undefined ? Value : [...(Array.isArray(existing) ? existing : [existing]), Value];
	}
	headers['Content-Type'] = `${webhook.contentType}; charset=utf-8`;
	headers['Content-Length'] = String(Buffer.byteLength(body));
	return headers;
}

/**
 * Whether the registration watches this event (its type, the landing page, a changed field). A
 * Lead Field Update webhook is posted only when its own field changed: the sandbox's reading of
 * the event and of its one-field registration; the probe's receiver compared Before and After
 * itself, so it does not show whether other changes are posted too.
 */
function watches(webhook: WebhookRegistration, event: CrmEvent): boolean {
	if (webhook.statusCode !== 0 || webhook.event !== event.code) return false;
	if (event.code === 1) return !webhook.isSpecificLandingPage || webhook.landingPageUrls.some((url) => sameUrl(url, event.landingPageUrl));
	if (webhook.activityEvent !== undefined) return webhook.activityEvent === event.activityEvent;
	if (webhook.changedLeadField !== undefined) return (event.changedLeadFields ?? []).includes(webhook.changedLeadField);
	if (webhook.opportunityEvents !== undefined) return event.opportunityType !== undefined && webhook.opportunityEvents.includes(event.opportunityType);
	return true;
}

/**
 * Posts events to the webhooks registered for them, off the API call's path: each delivery is
 * tried, retried after the configured waits on an answer other than 200 or a connection error,
 * and recorded attempt by attempt. Activity (and opportunity) events are gathered for
 * `batchWindowMs` and posted as one array. Webhooks are not signed, as LeadSquared's are not.
 */
export class WebhookDispatcher {
	readonly attempts: DeliveryAttempt[] = [];

	private readonly timers = new Set<NodeJS.Timeout>();

	private readonly pending = new Set<Promise<void>>();

	/** Batched events waiting for their window to close, by webhook. */
	private readonly batches = new Map<string, Array<Record<string, unknown>>>();

	private nextDelivery = 1;

	private closed = false;

	constructor(public options: DeliveryOptions = { ...DEFAULT_DELIVERY }) {}

	dispatch(store: CrmStore, event: CrmEvent): void {
		for (const webhook of store.webhooks.filter((candidate) => watches(candidate, event))) {
			if (!BATCHED_WEBHOOK_EVENTS.includes(event.code)) {
				this.schedule(store, webhook, event.code, encodePayload(webhook.contentType, event.payload), this.nextDelivery++, 1, 0);
				continue;
			}
			const batch = this.batches.get(webhook.id);
			if (batch) {
				batch.push(event.payload);
				continue;
			}
			this.batches.set(webhook.id, [event.payload]);
			this.later(this.options.batchWindowMs, () => {
				const payloads = this.batches.get(webhook.id) ?? [];
				this.batches.delete(webhook.id);
				this.schedule(store, webhook, event.code, encodePayload(webhook.contentType, payloads), this.nextDelivery++, 1, 0);
			});
		}
	}

	/** A verification of the webhook's URL: a POST with no payload (what the probe found LeadSquared sends), not retried. */
	verify(store: CrmStore, webhook: WebhookRegistration): void {
		this.schedule(store, webhook, webhook.event, '', this.nextDelivery++, 1, 0, true);
	}

	/** Resolves once no delivery is in flight or waiting for a retry. */
	async idle(): Promise<void> {
		while (this.pending.size || this.timers.size) {
			await Promise.all([...this.pending]);
			if (this.timers.size) await new Promise((resolve) => setTimeout(resolve, 5));
		}
	}

	close(): void {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.batches.clear();
	}

	private later(delayMs: number, run: () => void): void {
		if (this.closed) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, delayMs);
		this.timers.add(timer);
	}

	private schedule(
		store: CrmStore,
		webhook: WebhookRegistration,
		event: number,
		body: string,
		deliveryId: number,
		attempt: number,
		delayMs: number,
		verification = false,
	): void {
		// Never on the API call's own path: even a first try waits for the next turn of the event loop.
		this.later(delayMs, () => {
			// A webhook disabled (or deleted) meanwhile gets nothing more.
			if (webhook.statusCode !== 0 || !store.webhooks.includes(webhook)) return;
			const attemptDone = this.attempt(store, webhook, event, body, deliveryId, attempt, verification);
			this.pending.add(attemptDone);
			void attemptDone.finally(() => this.pending.delete(attemptDone));
		});
	}

	private async attempt(
		store: CrmStore,
		webhook: WebhookRegistration,
		event: number,
		body: string,
		deliveryId: number,
		attempt: number,
		verification: boolean,
	): Promise<void> {
		const headers = headersFor(webhook, body);
		const record: DeliveryAttempt = {
			seq: this.attempts.length + 1,
			deliveryId,
			webhookId: webhook.id,
			accountKey: webhook.accountKey,
			event,
			eventName: WEBHOOK_EVENTS[event]?.name ?? String(event),
			attempt,
			at: Date.now(),
			url: webhook.url,
			method: 'POST',
			headers,
			body,
			ok: false,
			...(verification ? { verification } : {}),
		};
		this.attempts.push(record);
		try {
			record.status = await post(webhook.url, headers, body, this.options.timeoutMs);
			// The probe: "ten consecutive non-200s disable the webhook".
			record.ok = record.status === 200;
		} catch (error) {
			record.error = (error as Error).message;
		}
		if (record.ok) {
			webhook.consecutiveFailures = 0;
			return;
		}
		webhook.consecutiveFailures++;
		if (webhook.statusCode === 0 && webhook.consecutiveFailures >= this.options.disableAfterFailures) {
			webhook.statusCode = 2;
			webhook.modifiedOn = store.now();
		}
		const retryDelay = this.options.retryDelaysMs[attempt - 1];
		if (retryDelay !== undefined && !verification) this.schedule(store, webhook, event, body, deliveryId, attempt + 1, retryDelay);
	}
}

function sameUrl(a: string, b: string | undefined): boolean {
	const normal = (url: string) => url.trim().toLowerCase().replace(/\/+$/, '');
	return b !== undefined && normal(a) === normal(b);
}

/** One POST with a fresh connection (no keep-alive), so nothing stays open after it. */
async function post(url: string, headers: Record<string, string | string[]>, body: string, timeoutMs: number): Promise<number> {
	const target = new URL(url);
	const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
	return await new Promise<number>((resolve, reject) => {
		const req = send(target, { method: 'POST', headers, agent: false, timeout: timeoutMs }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error(`No answer within ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}
