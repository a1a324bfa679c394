import type { IDataObject, JsonObject } from 'n8n-workflow';

import type { RequestContext } from '../transport';
import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';

/** LeadSquared's async task statuses, normalised for mapping in n8n. */
export type CaptureOutcome = 'pending' | 'success' | 'failure' | 'error';

const OUTCOMES: Record<string, CaptureOutcome> = {
	'in-queue': 'pending',
	success: 'success',
	failure: 'failure',
	error: 'error',
};

export interface CaptureStatusSummary extends IDataObject {
	requestId: string;
	status: CaptureOutcome;
	/** LeadSquared's own value: In-Queue, Success, FAILURE or ERROR. */
	leadSquaredStatus: string | null;
	/**
	 * Success and FAILURE are final. ERROR is a system failure LeadSquared retries
	 * for about 10 hours, so it may still turn into Success.
	 */
	final: boolean;
	reason: string | null;
	leadId: string | null;
	leadCreated: boolean | null;
	currentStep: string | null;
	lastStep: string | null;
	searchBy: string | null;
	submitted: IDataObject | null;
	raw: IDataObject;
}

/** LeadSquared sends RequestBody and Message as JSON inside strings. */
function parseJsonText(value: unknown): unknown {
	if (typeof value !== 'string') return value ?? null;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** A capture's lead fields as `{ SchemaName: value }` and its Search By, from LeadSquared's `[{Attribute, Value}]`. */
export function fieldsFromPairs(pairs: unknown): { fields: IDataObject | null; searchBy: string | null } {
	if (!Array.isArray(pairs)) return { fields: null, searchBy: null };
	const fields: IDataObject = {};
	let searchBy: string | null = null;
	for (const pair of pairs as IDataObject[]) {
		if (!pair || typeof pair.Attribute !== 'string') continue;
		if (pair.Attribute === 'SearchBy') searchBy = String(pair.Value);
		else fields[pair.Attribute] = pair.Value as JsonObject[string];
	}
	return { fields, searchBy };
}

/** Flattens a `GET /lead/status` answer into fields a no-code user can map. */
export function summarizeCaptureStatus(response: IDataObject, requestId: string): CaptureStatusSummary {
	const task = (response?.TaskStatus ?? {}) as IDataObject;
	const leadSquaredStatus = text(task.Status);
	const status = OUTCOMES[(leadSquaredStatus ?? '').toLowerCase()] ?? 'pending';
	const message = parseJsonText(task.Message) as IDataObject | string | null;
	const result = (message && typeof message === 'object' ? message.Message : undefined) as IDataObject | undefined;
	const request = fieldsFromPairs(parseJsonText(task.RequestBody));
	return {
		requestId: text(response?.RequestId) ?? requestId,
		status,
		leadSquaredStatus,
		final: status === 'success' || status === 'failure',
		reason: text(task.StatusReason),
		leadId: status === 'success' ? text(result?.Id) : null,
		leadCreated: status === 'success' && typeof result?.IsCreated === 'boolean' ? result.IsCreated : null,
		currentStep: text(task.TaskCurrentStep),
		lastStep: text(task.TaskLastStep),
		searchBy: request.searchBy,
		submitted: request.fields,
		raw: response,
	};
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRequestId(value: string): boolean {
	return REQUEST_ID.test(value);
}

export async function fetchCaptureStatus(
	this: RequestContext,
	requestId: string,
	itemIndex?: number,
): Promise<CaptureStatusSummary> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'async',
		method: 'GET',
		endpoint: ENDPOINTS.captureStatus,
		qs: { RequestID: requestId },
		replaySafe: true,
		itemIndex,
	})) as IDataObject;
	return summarizeCaptureStatus(response, requestId);
}
