import { randomUUID } from 'crypto';

import { LEAD_FIELDS } from './fixtures';

/**
 * LeadSquared's async capture queue, modelled as timelines: each request's whole
 * future (when it is picked up, which attempts fail, when it ends) is fixed when it
 * is submitted, and its status is read off the clock. No timers, so a virtual clock
 * can run LeadSquared's 10-hour retry horizon in a test.
 */

export interface QueueOptions {
	/** Time a request waits before its first processing attempt. */
	delayMs: number;
	/** Processing capacity: LeadSquared caps async throughput. */
	ratePerMinute: number;
	/** Waits before each retry of a system failure (LeadSquared: 30 s, 2 m, 7 m, 15 m, 30 m, 45 m, 60 m, 1.5 h, 2 h, 3 h). */
	retryDelaysMs: number[];
	/** Multiplies every duration above. */
	timeScale: number;
}

const MINUTE = 60_000;

export const LEADSQUARED_RETRY_DELAYS_MS = [0.5, 2, 7, 15, 30, 45, 60, 90, 120, 180].map((m) => m * MINUTE);

export const DEFAULT_QUEUE: QueueOptions = {
	delayMs: 3_000,
	ratePerMinute: 600,
	retryDelaysMs: LEADSQUARED_RETRY_DELAYS_MS,
	timeScale: 1,
};

export type CaptureStatus = 'In-Queue' | 'Success' | 'FAILURE' | 'ERROR';

export interface LeadAttribute {
	Attribute: string;
	Value: unknown;
}

export interface Lead {
	id: string;
	fields: Record<string, string>;
	createdBy: string;
	updatedBy: string[];
	/** The account the lead belongs to (set when the CRM or the queue writes it). */
	accountKey?: string;
}

/** Told about every lead a capture created or updated, when the capture is applied. */
export type LeadWritten = (accountKey: string, lead: Lead, created: boolean) => void;

export interface CaptureRequest {
	requestId: string;
	accountKey: string;
	submittedAt: number;
	body: LeadAttribute[];
	rawBody: string;
	/** When each processing attempt happens; all but the last fail with a system error unless `gaveUp`. */
	attempts: number[];
	gaveUp: boolean;
	/** An application error: the request ends FAILURE at its first attempt. */
	failure?: string;
	leadId?: string;
	created?: boolean;
}

/** Marker a test puts in any lead value to make the request fail with system errors first. */
const SYSTEM_ERROR_MARKER = /\[sandbox:system-error:(\d+|always)\]/;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** LeadSquared's validation of lead attribute pairs, as "MXExceptionType: message" (shared with the CRM's lead APIs). */
export function applicationError(body: LeadAttribute[]): string | undefined {
	const known = new Map(LEAD_FIELDS.map((field) => [field.SchemaName.toLowerCase(), field]));
	const searchBy = body.find((pair) => pair.Attribute === 'SearchBy');
	for (const { Attribute, Value } of body) {
		if (Attribute === 'SearchBy') continue;
		const field = known.get(Attribute.toLowerCase());
		if (!field) return `MXInvalidAttributeException: Lead field '${Attribute}' does not exist`;
		const text = String(Value ?? '');
		if (field.DataType === 'Email' && text && !EMAIL.test(text)) {
			return `MXInvalidEmailAddressException: Invalid Email Address '${text}'`;
		}
		if (field.DataType === 'Number' && text && Number.isNaN(Number(text))) {
			return `MXInvalidInputException: '${Attribute}' must be a number`;
		}
		if (field.MaxLength && text.length > field.MaxLength) {
			return `MXInvalidInputException: '${Attribute}' is longer than ${field.MaxLength} characters`;
		}
	}
	if (searchBy) {
		const key = String(searchBy.Value);
		if (!body.some((pair) => pair.Attribute.toLowerCase() === key.toLowerCase() && pair.Attribute !== 'SearchBy')) {
			return `MXInvalidInputException: SearchBy field '${key}' has no value in the request`;
		}
	}
	return undefined;
}

export class AsyncQueue {
	readonly requests = new Map<string, CaptureRequest>();

	readonly leads: Lead[] = [];

	private lastPickUp = Number.NEGATIVE_INFINITY;

	private materialized = new Set<string>();

	onLeadWritten?: LeadWritten;

	constructor(
		public options: QueueOptions,
		private readonly now: () => number,
	) {}

	/** When the next accepted capture will be applied to the leads, if one is pending. */
	nextFinish(): number | undefined {
		let next: number | undefined;
		for (const request of this.requests.values()) {
			if (this.materialized.has(request.requestId) || request.failure || request.gaveUp) continue;
			const end = this.finishedAt(request);
			if (next === undefined || end < next) next = end;
		}
		return next;
	}

	submit(accountKey: string, body: LeadAttribute[], rawBody: string): CaptureRequest {
		const { delayMs, ratePerMinute, retryDelaysMs, timeScale } = this.options;
		const submittedAt = this.now();
		const firstAttempt = Math.max(submittedAt + delayMs * timeScale, this.lastPickUp + (MINUTE / ratePerMinute) * timeScale);
		this.lastPickUp = firstAttempt;

		const marker = rawBody.match(SYSTEM_ERROR_MARKER)?.[1];
		const failing = marker === undefined ? 0 : marker === 'always' ? Infinity : Number(marker);
		const attempts = [firstAttempt];
		for (let retry = 0; retry < Math.min(failing, retryDelaysMs.length); retry++) {
			attempts.push(attempts[attempts.length - 1] + retryDelaysMs[retry] * timeScale);
		}
		const request: CaptureRequest = {
			requestId: randomUUID(),
			accountKey,
			submittedAt,
			body,
			rawBody,
			attempts,
			gaveUp: failing > retryDelaysMs.length,
			failure: failing === 0 ? applicationError(body) : undefined,
		};
		this.requests.set(request.requestId, request);
		return request;
	}

	/** The time a request reached its final status. */
	finishedAt(request: CaptureRequest): number {
		return request.failure ? request.attempts[0] : request.attempts[request.attempts.length - 1];
	}

	statusOf(request: CaptureRequest): { status: CaptureStatus; reason: string; step: string | null; lastStep: string } {
		const now = this.now();
		this.materialize();
		if (now < request.attempts[0]) {
			return { status: 'In-Queue', reason: 'Request is in queue', step: 'In-Queue', lastStep: 'Received' };
		}
		if (request.failure) {
			return { status: 'FAILURE', reason: request.failure, step: null, lastStep: 'In-Process-Queue' };
		}
		const done = now >= this.finishedAt(request);
		if (done && !request.gaveUp) {
			return { status: 'Success', reason: 'Request was successfully completed', step: null, lastStep: 'In-Process-Queue' };
		}
		const failedAttempts = request.attempts.filter((time) => time <= now).length;
		const retries = this.options.retryDelaysMs.length;
		return done
			? { status: 'ERROR', reason: `System failure: gave up after ${retries} retries`, step: null, lastStep: 'Retry-Queue' }
			: {
					status: 'ERROR',
					reason: `System failure: retry ${failedAttempts} of ${retries} scheduled`,
					step: 'Retry-Queue',
					lastStep: 'In-Process-Queue',
				};
	}

	/** Applies every capture that has succeeded by now to the lead store, in the order they finished. */
	materialize(): void {
		const now = this.now();
		const due = [...this.requests.values()]
			.filter((r) => !this.materialized.has(r.requestId) && !r.failure && !r.gaveUp && this.finishedAt(r) <= now)
			.sort((a, b) => this.finishedAt(a) - this.finishedAt(b));
		for (const request of due) {
			this.materialized.add(request.requestId);
			this.upsert(request);
		}
	}

	private upsert(request: CaptureRequest): void {
		const fields: Record<string, string> = {};
		let searchBy: string | undefined;
		for (const { Attribute, Value } of request.body) {
			if (Attribute === 'SearchBy') searchBy = String(Value);
			else fields[Attribute] = String(Value ?? '');
		}
		const key = searchBy && Object.keys(fields).find((name) => name.toLowerCase() === searchBy!.toLowerCase());
		const existing = key
			? this.leads.find(
					(lead) =>
						(lead.accountKey ?? request.accountKey) === request.accountKey && lead.fields[key]?.toLowerCase() === fields[key].toLowerCase()
			  )
			: undefined;
		if (existing) {
			Object.assign(existing.fields, fields);
			existing.updatedBy.push(request.requestId);
			request.leadId = existing.id;
			request.created = false;
			this.onLeadWritten?.(request.accountKey, existing, false);
		} else {
			const lead: Lead = { id: randomUUID(), fields, createdBy: request.requestId, updatedBy: [], accountKey: request.accountKey };
			this.leads.push(lead);
			request.leadId = lead.id;
			request.created = true;
			this.onLeadWritten?.(request.accountKey, lead, true);
		}
	}

	metrics(accountKey: string) {
		const now = this.now();
		const mine = [...this.requests.values()].filter((r) => r.accountKey === accountKey);
		const pending = mine.filter((r) => this.finishedAt(r) > now);
		const finishedLastMinute = mine.filter((r) => {
			const end = this.finishedAt(r);
			return end <= now && end > now - MINUTE;
		}).length;
		return {
			PendingMessages: pending.length,
			MaxDelayInSeconds: pending.length ? Math.round(Math.max(...pending.map((r) => now - r.submittedAt)) / 1000) : 0,
			ProcessingRatePerMinute: finishedLastMinute,
		};
	}
}
