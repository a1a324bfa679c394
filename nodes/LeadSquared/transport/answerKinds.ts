import type { IDataObject } from 'n8n-workflow';

import type { Answer } from './errors';

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
 * 5xx answers that carry LeadSquared's decision about the request rather than a failure
 * ("Lead not found", a duplicate): sending the request again gets the same answer.
 */
const DECISIONS = ['MXInvalidEntityReferenceException', 'MXDuplicateEntryException'];

const exceptionOf = (answer: Answer): IDataObject =>
	answer.kind === 'http' && answer.body && typeof answer.body === 'object' ? (answer.body as IDataObject) : {};

export function isDailyQuotaExhausted(answer: Answer): boolean {
	if (answer.kind !== 'http' || answer.status !== DAILY_QUOTA_ANSWER.status) return false;
	const { ExceptionType, ExceptionMessage } = exceptionOf(answer);
	return ExceptionType === DAILY_QUOTA_ANSWER.exceptionType || DAILY_QUOTA_ANSWER.words.test(String(ExceptionMessage ?? ''));
}

export function isDecision(answer: Answer): boolean {
	return answer.kind === 'http' && answer.status >= 500 && DECISIONS.includes(String(exceptionOf(answer).ExceptionType));
}
