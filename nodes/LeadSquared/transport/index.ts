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

import { atItem } from './atItem';
import type { Account, LeadSquaredCredentials } from './account';
import { accountFrom, redact } from './account';
import { isDailyQuotaExhausted, isDecision, namedRateLimit } from './answerKinds';
import type { Answer } from './errors';
import { callError } from './errors';
import type { ApiHostKind } from './hosts';
import { budgetFor } from './budgets';
import type { CallOutcome } from './governorTypes';
import type { Failure } from './retryPolicy';
import { connectionFailure, mayRetry, retryDelayMs } from './retryPolicy';
import type { CredentialPath, UnconfirmedCall } from './unconfirmedCalls';
import { CREDENTIAL_PATHS, OVERRIDE_PATH, UNCONFIRMED_CALLS } from './unconfirmedCalls';

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
	/** A multipart/form-data body (File → Upload), sent instead of a JSON one. */
	form?: FormData;
	/** True when LeadSquared may receive this call twice without harm (reads, upserts). */
	replaySafe: boolean;
	itemIndex?: number;
	/** A call of LeadSquared's bulk APIs, paced by the account's bulk limit. */
	bulk?: boolean;
	/** What the call assumes beyond LeadSquared's page, named in the error when LeadSquared refuses or fails it. */
	assumption?: string;
	/** The call's path is on no readable LeadSquared page (a 404 or 405 then names the assumption). */
	unconfirmed?: UnconfirmedCall;
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
	const missing =
		(!options.ownUrl && !isHttpUrl(baseOf(account, host)) && `valid ${HOST_FIELD[host]} (Region is Custom)`) ||
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

const HOST_FIELD: Record<ApiHostKind, string> = { api: 'API URL', async: 'Async API URL', files: 'File Upload URL' };

const baseOf = (account: Account, host: ApiHostKind) =>
	({ api: account.apiBase, async: account.asyncBase, files: account.filesBase })[host];

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
			// n8n passes a FormData on to its HTTP client, which writes the multipart body and its boundary.
			body: (call.form as unknown as IDataObject | undefined) ?? call.body,
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

/** The credential's path for a shared lookup, checked, or undefined for the built-in one. */
function credentialPath(this: RequestContext, account: Account, call: LeadSquaredCall): string | undefined {
	if (!call.unconfirmed || !(call.unconfirmed in CREDENTIAL_PATHS)) return undefined;
	const path = account.pathOverrides[call.unconfirmed as CredentialPath];
	if (path === undefined) return undefined;
	if (!OVERRIDE_PATH.test(path)) {
		const { displayName, endpoint } = CREDENTIAL_PATHS[call.unconfirmed as CredentialPath];
		throw new NodeOperationError(
			this.getNode(),
			atItem(`The credential's ${displayName} must be a path on the API host, like ${endpoint} (got "${path.slice(0, 80)}")`, call.itemIndex),
			{ itemIndex: call.itemIndex, description: `It replaces the path of ${UNCONFIRMED_CALLS[call.unconfirmed].what}.` },
		);
	}
	return path;
}

/** How the governor counts an answer: a 429 is not counted, and tells the limit when its text names one. */
function outcomeOf(answer: Answer): CallOutcome {
	if (failureOf(answer) !== 'rateLimited') return 'counted';
	const named = namedRateLimit(answer);
	return named ? { refusedUnder: named } : 'rateLimited';
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
	const ownPath = credentialPath.call(this, account, call);
	const url = call.url ?? `${baseOf(account, call.host)}${ownPath ?? call.endpoint}`;
	const budget = budgetFor(account, call.bulk === true);

	for (let retries = 0; ; retries++) {
		const answer = await budget.run(async () => await send.call(this, call, url, account), outcomeOf);
		if (answer.kind === 'http' && answer.status >= 200 && answer.status < 300) return answer.body;

		const failure = failureOf(answer);
		if (!failure || !mayRetry(failure, call.replaySafe, retries)) {
			const failed = { ...call, url, overridden: Boolean(call.url ?? ownPath), limit: budget.limit };
			throw callError(this.getNode(), answer, failed, account, failure, retries);
		}
		await sleep(retryDelayMs(retries));
	}
}
