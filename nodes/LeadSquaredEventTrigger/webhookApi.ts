import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../LeadSquared/transport';
import { leadSquaredRequest } from '../LeadSquared/transport';
import { ENDPOINTS } from '../LeadSquared/transport/endpoints';

/**
 * What the trigger assumes about LeadSquared's Webhook API where its pages leave it open
 * (the README lists them under the Instant Trigger's "Unconfirmed"). The Delete address is
 * `ENDPOINTS.webhookDelete`, which the node's Delete API URL (Override) option replaces.
 */
export const WEBHOOK_API_ASSUMPTIONS = {
	/** Retrieve's StatusCode of an enabled webhook: its page says 0 (and, in an older version, 1). */
	enabledStatusCode: 0,
	/** Where Create's answer carries the new webhook's ID: the page shows only the request. */
	createdIdKeys: [['Message', 'Id'], ['Message', 'WebhookId'], ['Id'], ['WebhookId']],
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
}

/** A webhook as Retrieve shows it. `headers` is undefined when the answer does not list them. */
export interface RegisteredWebhook {
	id: string;
	url: string;
	enabled: boolean;
	headers?: CustomHeader[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function registeredWebhook(row: IDataObject): RegisteredWebhook {
	return {
		id: text(row.WebhookId),
		url: text(row.URL),
		enabled: Number(row.StatusCode) === WEBHOOK_API_ASSUMPTIONS.enabledStatusCode,
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
			WebhookProperties: null,
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

/** Deletes one webhook. Safe to repeat, so it is retried like a read. */
export async function deleteWebhook(this: RequestContext, id: string, overrideUrl: string): Promise<void> {
	await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.webhookDelete,
		...(overrideUrl ? { url: overrideUrl } : {}),
		replaySafe: true,
		body: { WebhookId: id },
	});
}
