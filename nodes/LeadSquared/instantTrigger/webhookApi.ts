import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../transport';
import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';
import type { RegistrationBody } from './registrationBodies';

/**
 * What the trigger assumes about LeadSquared's Webhook API where its pages leave it open
 * (the README lists them under the Instant Trigger's "Unconfirmed"). The Delete address is
 * `ENDPOINTS.webhookDelete`, which the node's Delete API URL (Override) option replaces.
 */
export const WEBHOOK_API_ASSUMPTIONS = {
	/** Retrieve's StatusCode of an enabled webhook: its page says 0 (and, in an older version, 1). */
	enabledStatusCode: 0,
	/** Where Create's answer carries the new webhook's ID: a live probe read `Message.Id`; the others are fallbacks. */
	createdIdKeys: [['Message', 'Id'], ['Message', 'WebhookId'], ['Id'], ['WebhookId']],
	/**
	 * Delete's forms, tried in order. A live probe found `GET …/Delete?webhookId=` works and a
	 * POST answers 405 (its page could not be read); the other form is tried when LeadSquared
	 * answers the first with 404 or 405.
	 */
	deleteForms: ['GET', 'POST'] as IHttpRequestMethods[],
	/** Rows per Retrieve call, and how many pages a search reads at most. */
	pageSize: 100,
	maxPages: 20,
};

export interface CustomHeader {
	Key: string;
	Value: string;
}

export interface NewWebhook {
	description: string;
	url: string;
	eventCode: number;
	headers: CustomHeader[];
	notifyOnFailure: boolean;
	landingPageUrls: string[];
	/** WebhookProperties and the keys the event needs at the top level. */
	body: RegistrationBody;
}

/** A webhook as Retrieve shows it. `headers` is undefined when the answer does not list them. */
export interface RegisteredWebhook {
	id: string;
	url: string;
	enabled: boolean;
	/** Retrieve's `EventCode` (e.g. `Lead_Post_Create`) and `EventName` ("Lead Creation"), '' when absent. */
	eventCodeName: string;
	eventName: string;
	headers?: CustomHeader[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function registeredWebhook(row: IDataObject): RegisteredWebhook {
	return {
		id: text(row.WebhookId),
		url: text(row.URL),
		enabled: Number(row.StatusCode) === WEBHOOK_API_ASSUMPTIONS.enabledStatusCode,
		eventCodeName: text(row.EventCode),
		eventName: text(row.EventName),
		headers: Array.isArray(row.CustomHeaders) ? (row.CustomHeaders as CustomHeader[]) : undefined,
	};
}

function createdId(answer: unknown): string | undefined {
	for (const keys of WEBHOOK_API_ASSUMPTIONS.createdIdKeys) {
		const value = keys.reduce<unknown>((found, key) => (found as IDataObject | undefined)?.[key], answer);
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}

/** Registers one webhook (Create takes one event) and returns its ID. Never retried: a repeat would register it twice. */
export async function createWebhook(this: RequestContext, webhook: NewWebhook): Promise<string> {
	const answer = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.webhookCreate,
		replaySafe: false,
		body: {
			Description: webhook.description,
			URL: webhook.url,
			Method: 'POST',
			ContentType: 'application/json',
			WebhookEvent: String(webhook.eventCode),
			IsSpecificLandingPage: webhook.landingPageUrls.length > 0,
			...(webhook.landingPageUrls.length ? { LandingPageUrls: webhook.landingPageUrls.join(',') } : {}),
			NotifyOnFailure: webhook.notifyOnFailure,
			...(webhook.body as IDataObject),
			CustomHeaders: webhook.headers as unknown as IDataObject[],
		},
	});
	const id = createdId(answer);
	if (!id) throw new NodeOperationError(this.getNode(), "LeadSquared's answer to Webhook.svc/Create carried no webhook ID");
	return id;
}

async function retrievePage(this: RequestContext, parameter: IDataObject, pageIndex: number): Promise<{ rows: RegisteredWebhook[]; total: number }> {
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.webhookRetrieve,
		replaySafe: true,
		body: {
			Parameter: { Type: 'Webhook', ...parameter },
			Sorting: { ColumnName: 'CreatedOn', Direction: '0' },
			Paging: { PageIndex: pageIndex, PageSize: WEBHOOK_API_ASSUMPTIONS.pageSize },
		},
	})) as IDataObject | undefined;
	const rows = Array.isArray(answer?.Response) ? (answer.Response as IDataObject[]) : [];
	return { rows: rows.map(registeredWebhook), total: Number(answer?.RecordCount) || 0 };
}

/** The webhook with this ID, or undefined when LeadSquared no longer has it. */
export async function retrieveWebhook(this: RequestContext, id: string): Promise<RegisteredWebhook | undefined> {
	const { rows } = await retrievePage.call(this, { WebhookId: id }, 1);
	return rows.find((row) => row.id.toLowerCase() === id.toLowerCase());
}

/** Every webhook whose name or description contains `searchText`, all pages. */
export async function searchWebhooks(this: RequestContext, searchText: string): Promise<RegisteredWebhook[]> {
	const found: RegisteredWebhook[] = [];
	for (let page = 1; page <= WEBHOOK_API_ASSUMPTIONS.maxPages; page++) {
		const { rows, total } = await retrievePage.call(this, { SearchText: searchText }, page);
		found.push(...rows);
		if (rows.length < WEBHOOK_API_ASSUMPTIONS.pageSize || found.length >= total) break;
	}
	return found;
}

/** The Delete form that worked in one clean-up, so its other deletes send only that one. */
export interface DeleteSession {
	form?: IHttpRequestMethods;
}

const refusesForm = (error: unknown) => ['404', '405'].includes(String((error as { httpCode?: unknown }).httpCode));

/**
 * Deletes one webhook, in the first form LeadSquared accepts (WEBHOOK_API_ASSUMPTIONS.deleteForms).
 * Safe to repeat, so each form is retried like a read. Whether it is gone is for the caller to
 * confirm with Retrieve: nothing publishes what Delete answers.
 */
export async function deleteWebhook(this: RequestContext, id: string, overrideUrl: string, session: DeleteSession): Promise<void> {
	const forms = session.form ? [session.form] : WEBHOOK_API_ASSUMPTIONS.deleteForms;
	let refused: unknown;
	for (const method of forms) {
		try {
			await leadSquaredRequest.call(this, {
				host: 'api',
				method,
				endpoint: ENDPOINTS.webhookDelete,
				...(overrideUrl ? { url: overrideUrl } : {}),
				replaySafe: true,
				...(method === 'GET' ? { qs: { webhookId: id } } : { body: { WebhookId: id } }),
			});
			session.form = method;
			return;
		} catch (error) {
			// The transport's errors are NodeApiErrors already, which NodeApiError hands back as they are.
			if (!refusesForm(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
			refused = error;
		}
	}
	// Every form was answered 404 or 405: LeadSquared's words on the last one.
	throw new NodeApiError(this.getNode(), refused as JsonObject);
}
