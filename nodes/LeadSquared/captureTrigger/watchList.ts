import { isRequestId } from '../helpers/captureStatus';
import {
	AFTER_UNAVAILABLE_MS,
	EXPIRY_GRACE_MS,
	firstCheckAt,
	nextCheckAfterError,
	nextCheckWhileInQueue,
} from './checkSchedule';
import type { HarvestedCapture } from './capturesInExecution';
import type { TriggerState } from './triggerState';
import type { CheckResult } from './statusCheck';
import { malformedReason } from './statusCheck';
import type { FinishedRequest, FinishedStatus, WatchedRequest } from './watchedRequest';

const REMEMBERED_EMITTED_IDS = 1000;

const hours = (ms: number) => `${Number((ms / 3_600_000).toFixed(2))} h`;

/**
 * The requests one trigger watches, and what finished during this poll. Every change is
 * made in memory; the poll saves it (state and emission together) or drops it.
 */
export class WatchList {
	readonly finished: FinishedRequest[] = [];

	changed = false;

	private readonly watched: Map<string, WatchedRequest>;

	private readonly emitted: string[];

	constructor(
		private readonly state: TriggerState,
		private readonly giveUpAfterMs: number,
	) {
		this.watched = new Map(state.watched.map((request) => [request.requestId, request]));
		this.emitted = [...state.emittedIds];
	}

	get size(): number {
		return this.watched.size;
	}

	toState(feed = this.state.feed): TriggerState {
		return {
			...this.state,
			feed,
			watched: [...this.watched.values()],
			emittedIds: this.emitted.slice(-REMEMBERED_EMITTED_IDS),
		};
	}

	private knows(requestId: string): boolean {
		return this.watched.has(requestId) || this.emitted.includes(requestId);
	}

	private add(request: WatchedRequest): void {
		this.watched.set(request.requestId, request);
		this.changed = true;
	}

	watchCapture(capture: HarvestedCapture, time: number): void {
		if (this.knows(capture.requestId)) return;
		this.add({
			requestId: capture.requestId,
			source: 'capture',
			submittedAt: capture.submittedAt,
			registeredAt: time,
			workflowId: capture.workflowId,
			executionId: capture.executionId,
			nodeName: capture.nodeName,
			nextCheckAt: firstCheckAt(capture.submittedAt),
			checks: 0,
			inQueueAnswers: 0,
			firstErrorAt: null,
			leadSquaredStatus: null,
			reason: null,
		});
	}

	/** Takes in the typed Request IDs not seen before; a malformed one finishes at once. */
	watchTyped(requestIds: string[], time: number): void {
		const seen = new Set(this.state.typedSeen);
		for (const requestId of requestIds.filter((id) => !seen.has(id))) {
			this.changed = true;
			if (this.knows(requestId)) continue;
			this.add({
				requestId,
				source: 'requestIdList',
				submittedAt: null,
				registeredAt: time,
				workflowId: null,
				executionId: null,
				nodeName: null,
				nextCheckAt: time,
				checks: 0,
				inQueueAnswers: 0,
				firstErrorAt: null,
				leadSquaredStatus: null,
				reason: null,
			});
			if (!isRequestId(requestId)) this.finish(this.watched.get(requestId)!, 'invalid', time, malformedReason(requestId));
		}
		// Only IDs still in the list are remembered, so the list bounds this.
		if (this.state.typedSeen.length !== requestIds.length) this.changed = true;
		this.state.typedSeen = requestIds;
	}

	/** Over the cap, the oldest requests are emitted as Timed Out rather than silently dropped. */
	enforceCap(maxWatched: number, time: number): void {
		if (this.watched.size <= maxWatched) return;
		const oldestFirst = [...this.watched.values()].sort(
			(a, b) => (a.submittedAt ?? a.registeredAt) - (b.submittedAt ?? b.registeredAt),
		);
		for (const request of oldestFirst.slice(0, this.watched.size - maxWatched)) {
			this.finish(request, 'timedOut', time, `Stopped watching: more than ${maxWatched} requests were pending (Max Watched Requests)`);
		}
	}

	/** Requests past expiry whose status has not been readable (or checkable) for the grace period. */
	expireUnreadable(time: number): void {
		for (const request of this.watched.values()) {
			if (time < this.expiresAt(request) + EXPIRY_GRACE_MS) continue;
			this.finish(request, 'timedOut', time, `${this.expiredReason(request)}; then its status could not be read for an hour`);
		}
	}

	/** Requests due for a check, the longest overdue first, so none is starved by a small budget. */
	due(time: number): WatchedRequest[] {
		const dueAt = (request: WatchedRequest) => Math.min(request.nextCheckAt, this.expiresAt(request));
		return [...this.watched.values()]
			.filter((request) => dueAt(request) <= time)
			.sort((a, b) => dueAt(a) - dueAt(b) || (a.submittedAt ?? a.registeredAt) - (b.submittedAt ?? b.registeredAt));
	}

	record(request: WatchedRequest, result: CheckResult, time: number): void {
		if (!this.watched.has(request.requestId)) return;
		this.changed = true;
		request.checks++;
		if (result.kind === 'unavailable') {
			request.nextCheckAt = time + AFTER_UNAVAILABLE_MS;
			return;
		}
		if (result.kind === 'invalid') return this.finish(request, 'invalid', time, result.reason);

		const { summary } = result;
		request.leadSquaredStatus = summary.leadSquaredStatus;
		request.reason = summary.reason;
		const expired = time >= this.expiresAt(request);
		if (summary.status === 'success' || summary.status === 'failure') {
			return this.finish(request, summary.status, time, summary.reason, summary);
		}
		if (summary.status === 'error') {
			request.firstErrorAt ??= time;
			const next = nextCheckAfterError(request.firstErrorAt, time);
			if (next === undefined || expired) return this.finish(request, 'error', time, summary.reason, summary);
			request.nextCheckAt = next;
			return;
		}
		if (expired) return this.finish(request, 'timedOut', time, this.expiredReason(request), summary);
		request.inQueueAnswers++;
		request.nextCheckAt = nextCheckWhileInQueue(request.inQueueAnswers, time);
	}

	/** Computed, not stored, so a changed Give Up After applies to requests already watched. */
	private expiresAt(request: WatchedRequest): number {
		return (request.submittedAt ?? request.registeredAt) + this.giveUpAfterMs;
	}

	private expiredReason(request: WatchedRequest): string {
		const last = request.leadSquaredStatus ? `; LeadSquared's last status: ${request.leadSquaredStatus}` : '';
		return `No final status within ${hours(this.giveUpAfterMs)} (Give Up After)${last}`;
	}

	private finish(
		request: WatchedRequest,
		status: FinishedStatus,
		time: number,
		reason: string | null,
		summary?: FinishedRequest['summary'],
	): void {
		this.watched.delete(request.requestId);
		this.emitted.push(request.requestId);
		this.finished.push({ request, status, reason, seenFinishedAt: time, summary });
		this.changed = true;
	}
}
