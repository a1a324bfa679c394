import type { CaptureStatusSummary } from '../helpers/captureStatus';

/** One request the trigger waits on, as kept in its state. */
export interface WatchedRequest {
	requestId: string;
	source: 'capture' | 'requestIdList';
	/** When the capture was made (ms); null for a typed Request ID. */
	submittedAt: number | null;
	registeredAt: number;
	workflowId: string | null;
	executionId: string | null;
	nodeName: string | null;
	nextCheckAt: number;
	/** Status calls made for it (each after the transport's own retries). */
	checks: number;
	inQueueAnswers: number;
	firstErrorAt: number | null;
	/** The last status LeadSquared gave, and its reason. */
	leadSquaredStatus: string | null;
	reason: string | null;
}

/** The trigger's statuses: Get Capture Status's final ones, plus timedOut and invalid. */
export type FinishedStatus = 'success' | 'failure' | 'error' | 'timedOut' | 'invalid';

export interface FinishedRequest {
	request: WatchedRequest;
	status: FinishedStatus;
	reason: string | null;
	seenFinishedAt: number;
	summary?: CaptureStatusSummary;
}
