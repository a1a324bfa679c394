import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { CaptureStatusSummary } from '../helpers/captureStatus';
import { fetchCaptureStatus, isRequestId } from '../helpers/captureStatus';
import { quote } from '../helpers/itemInput';
import type { Account } from '../transport/account';
import type { WatchedRequest } from './watchedRequest';

export type CheckResult =
	| { kind: 'answer'; summary: CaptureStatusSummary }
	/** LeadSquared does not know the ID (404) or refuses it (400), or it is not an ID at all. */
	| { kind: 'invalid'; reason: string }
	/** 429, 5xx or no answer, after the transport's own retries: ask again later. */
	| { kind: 'unavailable'; reason: string };

export function malformedReason(requestId: string): string {
	return `${quote(requestId)} is not a LeadSquared request ID (like 8eca6fa6-262c-43eb-8cfe-6e3325e2dc73)`;
}

/** One status call; only a credential problem (401/403) is thrown, since it concerns every request. */
export async function checkStatus(this: IPollFunctions, requestId: string): Promise<CheckResult> {
	if (!isRequestId(requestId)) return { kind: 'invalid', reason: malformedReason(requestId) };
	try {
		return { kind: 'answer', summary: await fetchCaptureStatus.call(this, requestId) };
	} catch (error) {
		const httpCode = Number((error as { httpCode?: unknown }).httpCode);
		if (httpCode === 401 || httpCode === 403) throw new NodeOperationError(this.getNode(), error as Error);
		if (httpCode === 404 || httpCode === 400) return { kind: 'invalid', reason: (error as Error).message };
		return { kind: 'unavailable', reason: (error as Error).message };
	}
}

/** Stop starting checks after this much time, so a poll ends well before the next (at least a minute later). */
const POLL_TIME_BUDGET_MS = 40_000;

/** Status calls one poll may make: a share of the account's rate limit, spread evenly over its window. */
export interface CheckBudget {
	maxChecks: number;
	/** Time between the starts of two checks. */
	paceMs: number;
	deadline: number;
}

export function checkBudget(account: Account, share: number): CheckBudget {
	const perWindow = Math.max(1, Math.floor(account.limit.calls * share));
	const windowsPerMinute = Math.max(1, Math.floor(60_000 / account.limit.windowMs));
	return {
		maxChecks: perWindow * windowsPerMinute,
		paceMs: account.limit.windowMs / perWindow,
		deadline: Date.now() + POLL_TIME_BUDGET_MS,
	};
}

/**
 * Checks `requests` in the given order (the longest overdue first) within the budget, one
 * every `paceMs`; inside leadSquaredRequest each call also goes through the account's governor.
 */
export async function checkInOrder(
	this: IPollFunctions,
	requests: WatchedRequest[],
	budget: CheckBudget,
	onResult: (request: WatchedRequest, result: CheckResult) => void,
): Promise<void> {
	const checks: Array<Promise<void>> = [];
	for (const [index, request] of requests.slice(0, budget.maxChecks).entries()) {
		if (index > 0) await sleep(budget.paceMs);
		if (Date.now() >= budget.deadline) break;
		checks.push(checkStatus.call(this, request.requestId).then((result) => onResult(request, result)));
	}
	await Promise.all(checks);
}
