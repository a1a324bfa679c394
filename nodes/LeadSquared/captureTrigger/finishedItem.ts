import type { IDataObject } from 'n8n-workflow';

import type { FinishedRequest, FinishedStatus } from './watchedRequest';

export type OutcomeFilter = 'any' | 'success' | 'failed';

export function matchesOutcome(status: FinishedStatus, outcome: OutcomeFilter): boolean {
	if (outcome === 'any') return true;
	return outcome === 'success' ? status === 'success' : status !== 'success';
}

const isoOrNull = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** The trigger's output item for one finished request: flat, for mapping. */
export function finishedJson({ request, status, reason, seenFinishedAt, summary }: FinishedRequest): IDataObject {
	return {
		requestId: request.requestId,
		status,
		leadSquaredStatus: summary?.leadSquaredStatus ?? request.leadSquaredStatus,
		reason,
		leadId: summary?.leadId ?? null,
		leadCreated: summary?.leadCreated ?? null,
		submittedAt: isoOrNull(request.submittedAt),
		seenFinishedAt: isoOrNull(seenFinishedAt),
		searchBy: summary?.searchBy ?? null,
		submitted: summary?.submitted ?? null,
		source: request.source,
		workflowId: request.workflowId,
		executionId: request.executionId,
		nodeName: request.nodeName,
		statusChecks: request.checks,
	};
}
