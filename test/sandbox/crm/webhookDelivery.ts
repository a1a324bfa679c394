import { request as httpRequest } from 'http';
import { request as httpsRequest } from 'https';

import type { CrmEvent, CrmStore, WebhookRegistration } from './store';
import { DEFAULT_DELIVERY, WEBHOOK_EVENTS } from './unconfirmed';

export interface DeliveryOptions {
	/** Waits before each retry of a failed delivery (LeadSquared: 3 retries; waits unpublished). */
	retryDelaysMs: number[];
	/** Consecutive failed deliveries (every retry spent) after which a webhook is disabled (StatusCode 2). */
	disableAfterFailures: number;
	/** How long one attempt waits for the receiver's answer. */
	timeoutMs: number;
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
export function encodePayload(contentType: string, payload: Record<string, unknown>): string {
	if (contentType === 'application/x-www-form-urlencoded') {
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
 * Posts events to the webhooks registered for them, off the API call's path: each delivery is
 * tried, retried after the configured waits on a non-2xx answer or a connection error, and
 * recorded attempt by attempt. Webhooks are not signed, as LeadSquared's are not.
 */
export class WebhookDispatcher {
	readonly attempts: DeliveryAttempt[] = [];

	private readonly timers = new Set<NodeJS.Timeout>();

	private readonly pending = new Set<Promise<void>>();

	private nextDelivery = 1;

	private closed = false;

	constructor(public options: DeliveryOptions = { ...DEFAULT_DELIVERY }) {}

	dispatch(store: CrmStore, event: CrmEvent): void {
		const targets = store.webhooks.filter(
			(webhook) =>
				webhook.statusCode === 0 &&
				webhook.event === event.code &&
				(event.code !== 1 || !webhook.isSpecificLandingPage || webhook.landingPageUrls.some((url) => sameUrl(url, event.landingPageUrl))),
		);
		for (const webhook of targets) {
			const body = encodePayload(webhook.contentType, event.payload);
			this.schedule(store, webhook, event.code, body, this.nextDelivery++, 1, 0);
		}
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
	}

	private schedule(
		store: CrmStore,
		webhook: WebhookRegistration,
		event: number,
		body: string,
		deliveryId: number,
		attempt: number,
		delayMs: number,
	): void {
		if (this.closed) return;
		const run = () => {
			const attemptDone = this.attempt(store, webhook, event, body, deliveryId, attempt);
			this.pending.add(attemptDone);
			void attemptDone.finally(() => this.pending.delete(attemptDone));
		};
		// Never on the API call's own path: even a first try waits for the next turn of the event loop.
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, delayMs);
		this.timers.add(timer);
	}

	private async attempt(
		store: CrmStore,
		webhook: WebhookRegistration,
		event: number,
		body: string,
		deliveryId: number,
		attempt: number,
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
		};
		this.attempts.push(record);
		try {
			record.status = await post(webhook.url, headers, body, this.options.timeoutMs);
			record.ok = record.status >= 200 && record.status < 300;
		} catch (error) {
			record.error = (error as Error).message;
		}
		if (record.ok) {
			webhook.consecutiveFailures = 0;
			return;
		}
		const retryDelay = this.options.retryDelaysMs[attempt - 1];
		if (retryDelay !== undefined) {
			this.schedule(store, webhook, event, body, deliveryId, attempt + 1, retryDelay);
			return;
		}
		webhook.consecutiveFailures++;
		if (webhook.statusCode === 0 && webhook.consecutiveFailures >= this.options.disableAfterFailures) {
			webhook.statusCode = 2;
			webhook.modifiedOn = store.now();
		}
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
