import type { Lead } from '../asyncQueue';
import type { SandboxAccount } from '../fixtures';
import { activityRoutes } from './activities';
import { activityBulkRoutes } from './activityBulk';
import { activityWriteRoutes } from './activityWrites';
import { MxFailure } from './common';
import { leadBulkRoutes } from './leadBulk';
import { leadRoutes } from './leads';
import { listRoutes } from './lists';
import { noteRoutes } from './notes';
import { opportunityRoutes } from './opportunities';
import { salesActivityRoutes } from './salesActivities';
import { companyRoutes } from './companies';
import { emailRoutes } from './emails';
import { fileRoutes } from './files';
import { opportunitiesByIdRoutes } from './opportunitiesById';
import { opportunityBulkRoutes } from './opportunityBulk';
import type { CrmRoutes } from './routeTypes';
import type { CrmLead } from './store';
import { CrmStore } from './store';
import { taskRecordRoutes } from './taskRecords';
import { taskRoutes } from './tasks';
import { telephonyRoutes } from './telephony';
import type { WebhookDeleteForm, WebhookEventNumbers } from './unconfirmed';
import { CAPTURE_UPDATE_FIRES_LEAD_UPDATED, DEFAULT_DELIVERY, DEFAULT_WEBHOOK_DELETE_FORM } from './unconfirmed';
import { userRoutes } from './users';
import type { DeliveryOptions } from './webhookDelivery';
import { WebhookDispatcher } from './webhookDelivery';
import { leadPayload } from './webhookPayloads';
import { webhookRoutes } from './webhooks';

export interface CrmOptions {
	accounts: SandboxAccount[];
	/** The lead table shared with the async capture queue. */
	leadTable: CrmLead[];
	now: () => number;
	/** Applies queued captures that are due (the queue's materialize). */
	materialize: () => void;
	/** When the next queued capture will be applied, if any. */
	nextCaptureFinish: () => number | undefined;
	delivery?: Partial<DeliveryOptions>;
	webhookDeleteForm?: WebhookDeleteForm;
}

const LEAD_WRITE_EVENTS = [3, 6];

/** Longest wait of the timer that applies queued captures so their webhooks go out on time. */
const MAX_CAPTURE_POLL_MS = 60_000;

/** The CRM half of the sandbox: one store per account, its API routes and its webhook deliveries. */
export class Crm {
	readonly dispatcher: WebhookDispatcher;

	private readonly stores = new Map<string, CrmStore>();

	private captureTimer?: NodeJS.Timeout;

	webhookDeleteForm: WebhookDeleteForm;

	webhookEventNumbers: WebhookEventNumbers = 'page';

	constructor(private readonly options: CrmOptions) {
		this.dispatcher = new WebhookDispatcher({ ...DEFAULT_DELIVERY, ...options.delivery });
		this.webhookDeleteForm = options.webhookDeleteForm ?? DEFAULT_WEBHOOK_DELETE_FORM;
	}

	storeFor(account: SandboxAccount): CrmStore {
		let store = this.stores.get(account.accessKey);
		if (!store) {
			store = new CrmStore(
				account,
				this.options.leadTable,
				this.options.now,
				(from, event) => this.dispatcher.dispatch(from, event),
				this.options.materialize,
			);
			store.webhookDeleteForm = this.webhookDeleteForm;
			store.webhookEventNumbers = this.webhookEventNumbers;
			this.stores.set(account.accessKey, store);
		}
		return store;
	}

	storeForKey(accessKey: string | undefined): CrmStore | undefined {
		const account = accessKey ? this.options.accounts.find((a) => a.accessKey === accessKey) : this.options.accounts[0];
		return account && this.storeFor(account);
	}

	/** Every CRM API route; a validation failure deep in a handler becomes its LeadSquared error reply. */
	routes(): CrmRoutes {
		const all: CrmRoutes = {
			...leadRoutes(),
			...leadBulkRoutes(),
			...activityRoutes(),
			...activityWriteRoutes(),
			...activityBulkRoutes(),
			...salesActivityRoutes(),
			...taskRoutes(),
			...taskRecordRoutes(),
			...opportunityRoutes(),
			...opportunitiesByIdRoutes(),
			...opportunityBulkRoutes(),
			...noteRoutes(),
			...userRoutes(),
			...webhookRoutes(),
			...companyRoutes(),
			...telephonyRoutes(),
			...listRoutes(),
			...fileRoutes(),
			...emailRoutes(),
		};
		return Object.fromEntries(
			Object.entries(all).map(([key, route]) => [
				key,
				{
					...route,
					handler: (ctx) => {
						try {
							return route.handler(ctx);
						} catch (failure) {
							if (failure instanceof MxFailure) return failure.reply;
							throw failure;
						}
					},
				},
			]),
		);
	}

	/** The async queue applied a capture: the lead joins the CRM and its webhooks fire. */
	leadWritten(accountKey: string, lead: Lead, created: boolean): void {
		const store = this.storeForKey(accountKey);
		if (!store) return;
		store.stamp(lead, created);
		if (created) store.emit(3, leadPayload(store, lead));
		else if (CAPTURE_UPDATE_FIRES_LEAD_UPDATED) store.emit(6, leadPayload(store, lead));
	}

	/**
	 * A capture was queued. The queue applies captures when someone looks; if a webhook waits for
	 * lead events, a timer looks when the capture is due so the webhook is not late.
	 */
	captureQueued(): void {
		if (this.captureTimer) return;
		const wanted = [...this.stores.values()].some((store) =>
			store.webhooks.some((w) => w.statusCode === 0 && LEAD_WRITE_EVENTS.includes(w.event)),
		);
		const next = this.options.nextCaptureFinish();
		if (!wanted || next === undefined) return;
		const delay = Math.min(Math.max(next - this.options.now(), 0), MAX_CAPTURE_POLL_MS);
		this.captureTimer = setTimeout(() => {
			this.captureTimer = undefined;
			this.options.materialize();
			this.captureQueued();
		}, delay + 1);
		this.captureTimer.unref();
	}

	/** Makes every account take this form of Webhook.svc/Delete only. */
	setWebhookDeleteForm(form: WebhookDeleteForm): void {
		if (form !== 'get' && form !== 'post') throw new Error("webhookDeleteForm must be 'get' or 'post'");
		this.webhookDeleteForm = form;
		for (const store of this.stores.values()) store.webhookDeleteForm = form;
	}

	/** Makes every account number webhook events as the Create page does ('page') or as the probe's account did ('probe'). */
	setWebhookEventNumbers(numbers: WebhookEventNumbers): void {
		if (numbers !== 'page' && numbers !== 'probe') throw new Error("webhookEventNumbers must be 'page' or 'probe'");
		this.webhookEventNumbers = numbers;
		for (const store of this.stores.values()) store.webhookEventNumbers = numbers;
	}

	setDelivery(options: Partial<DeliveryOptions>): void {
		this.dispatcher.options = { ...this.dispatcher.options, ...options };
	}

	allStores(): CrmStore[] {
		return this.options.accounts.map((account) => this.storeFor(account));
	}

	close(): void {
		if (this.captureTimer) clearTimeout(this.captureTimer);
		this.captureTimer = undefined;
		this.dispatcher.close();
	}
}
