import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { atItem } from './atItem';
import type { Account } from './account';
import { perWindow, redact } from './account';
import { isDailyQuotaExhausted, isDecision, namedRateLimit } from './answerKinds';
import type { RateLimit } from './governorTypes';
import type { ApiHostKind } from './hosts';
import type { Failure } from './retryPolicy';
import { notRetriedReason, RATE_LIMIT_PATIENCE_WINDOWS } from './retryPolicy';
import type { UnconfirmedCall } from './unconfirmedCalls';
import { UNCONFIRMED_CALLS } from './unconfirmedCalls';

/** What came back for one call: an HTTP answer, or a connection that failed. */
export type Answer =
	| { kind: 'http'; status: number; body: unknown }
	| { kind: 'connection'; code: string };

export interface FailedCall {
	method: string;
	url: string;
	host: ApiHostKind;
	replaySafe: boolean;
	itemIndex?: number;
	/** The call's path is on no readable LeadSquared page. */
	unconfirmed?: UnconfirmedCall;
	/** The user gave the path or URL (an override) rather than the built-in one. */
	overridden?: boolean;
	/** The limit the account's governor kept to. */
	limit?: RateLimit;
	/** What the call assumes beyond LeadSquared's page, named when LeadSquared refuses or fails the call. */
	assumption?: string;
}

/** Answers that may be LeadSquared refusing the call's assumption (not the keys, not the rate). */
const mayRefuseAssumption = (answer: Answer) => answer.kind === 'http' && answer.status >= 400 && ![401, 429].includes(answer.status);

const HTML_TITLE = /<title[^>]*>([^<]*)<\/title>/i;

/** A page a gateway or web server answered with: its title ("502 Bad Gateway"), or its text without tags. */
function pageText(html: string): string {
	const title = HTML_TITLE.exec(html)?.[1];
	return (title ?? html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** LeadSquared's own words from an error body (`ExceptionMessage` in v2 APIs). */
function leadSquaredMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return (/<[a-z!]/i.test(body) ? pageText(body) : body.trim()).slice(0, 500) || undefined;
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

/** A 404 or 405 to a call whose path no readable page shows: the path is what LeadSquared refused. */
function unconfirmedPathRefused(answer: Answer & { kind: 'http' }, call: FailedCall, said: string | undefined): [string, string] {
	const { what, overrideIn } = UNCONFIRMED_CALLS[call.unconfirmed!];
	const where = `${call.method} ${new URL(call.url).pathname}`;
	const words = said ? ` LeadSquared said: ${said}.` : '';
	if (call.overridden) {
		return [
			`LeadSquared did not accept ${what} at ${where} (${answer.status}); this is the address set in ${overrideIn}`,
			`Check that address: LeadSquared has no such API there.${words}`,
		];
	}
	return [
		`LeadSquared did not accept ${what} at ${where} (${answer.status}); this path is not on LeadSquared's pages; override it in ${overrideIn}`,
		`The node's built-in path is an assumption. If other operations work with this credential, its host is right and only this path is wrong (LeadSquared's support can tell you the right one); if none do, check the Region (or Custom URLs) of the credential.${words}`,
	];
}

/** The 429 that outlasted the patience: what LeadSquared names as the account's limit, and what the credential says. */
function rateLimitAdvice(answer: Answer, account: Account): string {
	const named = namedRateLimit(answer);
	const credential = `The credential says ${account.limitLabel}`;
	const differs = named && (named.calls !== account.limit.calls || named.windowMs !== account.limit.windowMs);
	return differs
		? `${credential}; LeadSquared names ${perWindow(named)} for this account, which the node kept to: pick the matching plan in the credential.`
		: `${credential}, as LeadSquared names it.`;
}

function headline(answer: Answer, call: FailedCall, hostName: string, account: Account): [string, string] {
	if (answer.kind === 'connection') {
		return [`No answer from LeadSquared at ${hostName} (${answer.code})`, ''];
	}
	const said = leadSquaredMessage(answer.body);
	const quoted = said ? `: ${said}` : '';
	const windowMs = (call.limit ?? account.limit).windowMs;
	switch (true) {
		case call.unconfirmed !== undefined && (answer.status === 404 || answer.status === 405):
			return unconfirmedPathRefused(answer, call, said);
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
				`LeadSquared's rate limit stayed full for ${duration(RATE_LIMIT_PATIENCE_WINDOWS * windowMs)} (429)${quoted}`,
				`The call was sent again until then; LeadSquared handled none of the attempts. Every LeadSquared node on every n8n instance (main and workers) shares the account's limit and adapts to the others, so something kept the account busy all that time: a large run elsewhere, or another client with the same keys. ${rateLimitAdvice(answer, account)}`,
			];
		case isDecision(answer):
			return [
				`LeadSquared refused the request (${answer.status})${quoted}`,
				'LeadSquared answers a request it will not carry out this way (an MX exception), so it was not sent again: it would get the same answer.',
			];
		case answer.status >= 500:
			return [`LeadSquared failed to handle the request (${answer.status})${quoted}`, ''];
		default:
			return [`LeadSquared answered ${answer.status}${quoted}`, ''];
	}
}

/**
 * Marks the error of a call LeadSquared may have carried out although no success came back (a
 * write that is not harmless twice, with no answer or a 5xx): it was not sent again, and
 * whether it took effect is unknown.
 */
const OUTCOME_UNKNOWN = 'outcomeUnknown';

export const outcomeUnknown = (error: unknown): boolean => (error as { context?: IDataObject } | undefined)?.context?.[OUTCOME_UNKNOWN] === true;

export function markOutcomeUnknown<E extends { context: IDataObject }>(error: E): E {
	error.context[OUTCOME_UNKNOWN] = true;
	return error;
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
		call.assumption && mayRefuseAssumption(answer) ? call.assumption : undefined,
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
	return failure && notRetriedReason(failure, call.replaySafe) ? markOutcomeUnknown(error) : error;
}

