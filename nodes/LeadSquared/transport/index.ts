import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { atItem } from '../helpers/atItem';
import type { Account, LeadSquaredCredentials } from './account';
import { accountFrom, redact } from './account';
import { isDailyQuotaExhausted, isDecision } from './answerKinds';
import type { Answer } from './errors';
import { callError } from './errors';
import type { ApiHostKind } from './hosts';
import { governorFor } from './rateGovernor';
import type { Failure } from './retryPolicy';
import { connectionFailure, mayRetry, RATE_LIMIT_PATIENCE_WINDOWS, retryDelayMs } from './retryPolicy';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export const CREDENTIAL_TYPE = 'leadSquaredApi';

const REQUEST_TIMEOUT_MS = 30_000;

export interface LeadSquaredCall {
	host: ApiHostKind;
	method: IHttpRequestMethods;
	/** Where on the host, e.g. `/v2/Notifier.svc/Browser.Push`. */
	endpoint: string;
	/** A full URL that replaces host + endpoint (for endpoints whose address the user overrides). */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** True when LeadSquared may receive this call twice without harm (reads, upserts). */
	replaySafe: boolean;
	itemIndex?: number;
}

export async function getAccount(this: RequestContext): Promise<Account> {
	return accountFrom(await this.getCredentials<LeadSquaredCredentials>(CREDENTIAL_TYPE));
}

/** Fails before any request when the credential lacks what a call to `host` needs. */
export function assertAccountReaches(
	this: RequestContext,
	account: Account,
	host: ApiHostKind,
	options: { itemIndex?: number; ownUrl?: boolean } = {},
): void {
	const base = host === 'api' ? account.apiBase : account.asyncBase;
	const missing =
		(!options.ownUrl && !isHttpUrl(base) && `valid ${host === 'api' ? 'API URL' : 'Async API URL'} (Region is Custom)`) ||
		(host === 'async' && !account.asyncApiKey && 'Async API Key (x-api-key)');
	if (missing) {
		throw new NodeOperationError(
			this.getNode(),
			atItem(`The LeadSquared credential has no ${missing}, which this operation needs`, options.itemIndex),
			{
				itemIndex: options.itemIndex,
				description: 'Add it to the credential: LeadSquared shows it under My Account > Settings > API and Webhooks.',
			},
		);
	}
}

export function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

async function send(
	this: RequestContext,
	call: LeadSquaredCall,
	url: string,
	account: Account,
): Promise<Answer> {
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: call.method,
			url,
			qs: call.qs,
			body: call.body,
			headers: call.host === 'async' ? { 'x-api-key': account.asyncApiKey } : {},
			json: true,
			timeout: REQUEST_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		return { kind: 'http', status: response.statusCode, body: response.body };
	} catch (error) {
		const code = networkErrorCode(error);
		if (code !== undefined) return { kind: 'connection', code };
		// n8n's error keeps the request (with its key headers) as its cause: pass on only the words.
		throw new NodeOperationError(this.getNode(), redact((error as Error).message, account), {
			itemIndex: call.itemIndex,
		});
	}
}

/**
 * The socket-level error code (ECONNRESET, ETIMEDOUT…) of a failed call, if that is what
 * failed. n8n wraps the HTTP client's error in a NodeApiError that keeps the code in
 * `httpCode`, and, depending on the runtime, the original error in `cause`.
 */
function networkErrorCode(error: unknown): string | undefined {
	for (let current = error as IDataObject | undefined; current; current = current.cause as IDataObject | undefined) {
		for (const code of [current.code, current.httpCode]) {
			if (typeof code === 'string' && /^E(?!RR_)[A-Z]+$/.test(code)) {
				return code === 'ECONNABORTED' ? 'ETIMEDOUT' : code;
			}
		}
	}
	return undefined;
}

function failureOf(answer: Answer): Failure | undefined {
	if (answer.kind === 'connection') return connectionFailure(answer.code);
	if (isDailyQuotaExhausted(answer)) return 'dailyQuota';
	if (answer.status === 429) return 'rateLimited';
	if (answer.status >= 500 && !isDecision(answer)) return 'serverError';
	return undefined;
}

/**
 * One LeadSquared API call: authenticated by the credential's headers, paced by the
 * account's rate governor (which sends a 429 again until LeadSquared accepts it), retried as
 * the retry policy allows, and turned into a NodeApiError carrying LeadSquared's message
 * (never a key) when it fails.
 */
export async function leadSquaredRequest(this: RequestContext, call: LeadSquaredCall): Promise<unknown> {
	const account = await getAccount.call(this);
	assertAccountReaches.call(this, account, call.host, { itemIndex: call.itemIndex, ownUrl: Boolean(call.url) });
	const url = call.url ?? `${call.host === 'api' ? account.apiBase : account.asyncBase}${call.endpoint}`;
	const governor = governorFor(account.id, account.limit);
	const rateLimited = (answer: Answer) => (failureOf(answer) === 'rateLimited' ? 'rateLimited' : 'counted');

	for (let retries = 0; ; retries++) {
		const patienceMs = RATE_LIMIT_PATIENCE_WINDOWS * account.limit.windowMs;
		const answer = await governor.run(async () => await send.call(this, call, url, account), rateLimited, patienceMs);
		if (answer.kind === 'http' && answer.status >= 200 && answer.status < 300) return answer.body;

		const failure = failureOf(answer);
		if (!failure || !mayRetry(failure, call.replaySafe, retries)) {
			throw callError(this.getNode(), answer, { ...call, url }, account, failure, retries);
		}
		await sleep(retryDelayMs(retries));
	}
}
