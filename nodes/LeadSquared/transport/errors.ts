import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { atItem } from '../helpers/atItem';
import type { Account } from './account';
import { redact } from './account';
import { isDailyQuotaExhausted, isDecision } from './answerKinds';
import type { Failure } from './retryPolicy';
import { notRetriedReason, RATE_LIMIT_PATIENCE_WINDOWS } from './retryPolicy';

/** What came back for one call: an HTTP answer, or a connection that failed. */
export type Answer =
	| { kind: 'http'; status: number; body: unknown }
	| { kind: 'connection'; code: string };

export interface FailedCall {
	method: string;
	url: string;
	host: 'api' | 'async';
	replaySafe: boolean;
	itemIndex?: number;
}

/** LeadSquared's own words from an error body (`ExceptionMessage` in v2 APIs). */
function leadSquaredMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim().slice(0, 500) || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const fields = body as IDataObject;
	for (const key of ['ExceptionMessage', 'Message', 'message', 'Status']) {
		const value = fields[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (value && typeof value === 'object') {
			const nested = leadSquaredMessage(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

const duration = (ms: number) => (ms >= 60_000 ? `${Number((ms / 60_000).toFixed(1))} minutes` : `${Number((ms / 1000).toFixed(1))} s`);

function headline(answer: Answer, call: FailedCall, hostName: string, account: Account): [string, string] {
	if (answer.kind === 'connection') {
		return [`No answer from LeadSquared at ${hostName} (${answer.code})`, ''];
	}
	const said = leadSquaredMessage(answer.body);
	const quoted = said ? `: ${said}` : '';
	switch (true) {
		case answer.status === 401:
			return [
				`LeadSquared rejected the credentials (401) at ${hostName}${quoted}`,
				`Check the Access Key and Secret Key${call.host === 'async' ? ' and the Async API Key' : ''}, and that the credential's Region matches your account: LeadSquared refuses keys sent to another region's host.`,
			];
		case answer.status === 400:
			return [`LeadSquared refused the request (400)${quoted}`, ''];
		case answer.status === 404:
			return [
				`LeadSquared answered 404 Not Found${quoted}`,
				'The API or record does not exist at this host. Check the Region (or Custom URLs) of the credential.',
			];
		case isDailyQuotaExhausted(answer):
			return [
				`LeadSquared's daily API quota for this account is used up (429)${quoted}`,
				'LeadSquared refuses every further call of the account until its quota resets, so the call was not sent again. Your LeadSquared plan sets the quota (on newer plans 10,000 or 100,000 calls a day plus 1,000 per user); run the rest later, or ask LeadSquared for a higher quota.',
			];
		case answer.status === 429:
			return [
				`LeadSquared's rate limit stayed full for ${duration(RATE_LIMIT_PATIENCE_WINDOWS * account.limit.windowMs)} (429)${quoted}`,
				"The call was sent again until then; LeadSquared handled none of the attempts. Every LeadSquared node on every n8n instance (main and workers) shares the account's limit and adapts to the others, so something kept the account busy all that time: a large run elsewhere, or another client with the same keys. Check that the credential's Rate Limit matches your LeadSquared plan.",
			];
		case isDecision(answer):
			return [`LeadSquared refused the request (${answer.status})${quoted}`, ''];
		case answer.status >= 500:
			return [`LeadSquared failed to handle the request (${answer.status})${quoted}`, ''];
		default:
			return [`LeadSquared answered ${answer.status}${quoted}`, ''];
	}
}

export function callError(
	node: INode,
	answer: Answer,
	call: FailedCall,
	account: Account,
	failure: Failure | undefined,
	retries: number,
): NodeApiError {
	const hostName = new URL(call.url).host;
	const [headlineText, advice] = headline(answer, call, hostName, account);
	const message = atItem(headlineText, call.itemIndex);
	const { pathname } = new URL(call.url);
	const notes = [
		advice,
		failure ? notRetriedReason(failure, call.replaySafe) : undefined,
		retries > 0 && failure !== 'rateLimited' ? `Tried ${retries + 1} times.` : undefined,
		`Request: ${call.method} ${pathname}`,
	].filter(Boolean);
	const status = answer.kind === 'http' ? String(answer.status) : undefined;
	const body = answer.kind === 'http' ? answer.body : undefined;
	const details: JsonObject = {
		httpCode: status ?? null,
		connectionError: answer.kind === 'connection' ? answer.code : null,
		leadSquaredResponse: body === undefined ? null : JSON.parse(redact(JSON.stringify(body), account)),
	};
	const error = new NodeApiError(node, details, {
		message: redact(message, account),
		description: redact(notes.join(' '), account),
		httpCode: status,
		itemIndex: call.itemIndex,
	});
	// NodeApiError swaps a message naming ECONNRESET & co. for a generic one; keep ours, which says more.
	error.message = redact(message, account);
	return error;
}
