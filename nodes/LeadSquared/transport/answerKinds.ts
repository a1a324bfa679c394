import type { IDataObject } from 'n8n-workflow';

import type { Answer } from './errors';
import type { RateLimit } from './governorTypes';

/**
 * What LeadSquared answers once the account's daily API quota is used up. Its pages say there
 * is a daily quota but not what the answer looks like (unconfirmed): a 429 naming it.
 */
export const DAILY_QUOTA_ANSWER = {
	status: 429,
	exceptionType: 'MXAPIDailyLimitExceededException',
	words: /daily (api )?(limit|quota)/i,
};

/**
 * Gateway answers: the request did not get through to LeadSquared's application (a load
 * balancer or API gateway answered), whatever the body says.
 */
const GATEWAY_STATUSES = [502, 503, 504];

/**
 * LeadSquared's application names its exceptions `MX…` (`MXInvalidEntityReferenceException`,
 * `MXDuplicateEntryException`, `MXInvalidDataTypeException`…). Its async-api page calls them
 * application errors, never retried; live probes found LeadSquared answering malformed input
 * with a 500 carrying one. Such a 5xx is LeadSquared's decision: sent again, it gets the same answer.
 */
const APPLICATION_EXCEPTION = /^MX/;

/** The 429 text, which names the account's own limit (page rate-limits): "API calls exceeded the limit of 25 in 5 second(s)". */
const NAMED_LIMIT = /limit of (\d+) in (\d+(?:\.\d+)?) second/i;

const exceptionOf = (answer: Answer): IDataObject =>
	answer.kind === 'http' && answer.body && typeof answer.body === 'object' ? (answer.body as IDataObject) : {};

export function isDailyQuotaExhausted(answer: Answer): boolean {
	if (answer.kind !== 'http' || answer.status !== DAILY_QUOTA_ANSWER.status) return false;
	const { ExceptionType, ExceptionMessage } = exceptionOf(answer);
	return ExceptionType === DAILY_QUOTA_ANSWER.exceptionType || DAILY_QUOTA_ANSWER.words.test(String(ExceptionMessage ?? ''));
}

/** A 5xx that is LeadSquared's refusal of this request (an MX exception from its application), not a failure to answer it. */
export function isDecision(answer: Answer): boolean {
	if (answer.kind !== 'http' || answer.status < 500 || GATEWAY_STATUSES.includes(answer.status)) return false;
	const type = exceptionOf(answer).ExceptionType;
	return typeof type === 'string' && APPLICATION_EXCEPTION.test(type);
}

/** The limit a 429 names, if its text names one. */
export function namedRateLimit(answer: Answer): RateLimit | undefined {
	if (answer.kind !== 'http' || answer.status !== 429) return undefined;
	const body = exceptionOf(answer);
	const text = typeof answer.body === 'string' ? answer.body : String(body.ExceptionMessage ?? body.Message ?? '');
	const match = NAMED_LIMIT.exec(text);
	if (!match) return undefined;
	const [calls, seconds] = [Number(match[1]), Number(match[2])];
	return calls >= 1 && seconds > 0 ? { calls, windowMs: Math.round(seconds * 1000) } : undefined;
}
