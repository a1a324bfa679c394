import type { Json } from './common';
import { invalidInput, mandatoryMissing, objectBody, optionalInteger, rejectUnknownKeys, reply } from './common';
import { updateOpportunity } from './opportunities';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';

/** Page bulk-update-opportunities: "You can update up to 25 opportunities in a single call." */
export const BULK_OPPORTUNITY_MAX = 25;

/**
 * Each opportunity of the call is written as Update writes it (same checks, same webhooks), and
 * answers in its own row (BULK_OPPORTUNITY_ROW_FIELDS in unconfirmed.ts); one LeadSquared refuses
 * does not stop the others. The page's body per opportunity: ProspectOpportunityId,
 * OpportunityEventCode (the example always passes it) and Fields.
 */
function bulkUpdate(store: CrmStore, body: unknown): Json[] {
	if (!Array.isArray(body) || body.length === 0) invalidInput('Request body must be a non-empty array of opportunities');
	if ((body as unknown[]).length > BULK_OPPORTUNITY_MAX) invalidInput(`At most ${BULK_OPPORTUNITY_MAX} opportunities can be updated in one call`);
	return (body as unknown[]).map((entry, index) => {
		const row = { RowNumber: index + 1 };
		try {
			const request = objectBody(entry, `Opportunity ${index + 1}`);
			rejectUnknownKeys(request, ['ProspectOpportunityId', 'OpportunityEventCode', 'Fields']);
			if (optionalInteger(request, 'OpportunityEventCode') === undefined) mandatoryMissing("'OpportunityEventCode' is mandatory");
			const answer = updateOpportunity(store, request);
			return { ...row, OpportunityId: answer.Message.Id, AffectedRows: 1 };
		} catch (failure) {
			const error = (failure as { reply?: { body: Json } }).reply?.body;
			if (!error) throw failure;
			return { ...row, OpportunityId: null, AffectedRows: 0, ExceptionType: error.ExceptionType, ExceptionMessage: error.ExceptionMessage };
		}
	});
}

/** Not among the rate-limits page's bulk APIs: counted against the ordinary limit. */
export function opportunityBulkRoutes(): CrmRoutes {
	return {
		'POST /v2/OpportunityManagement.svc/Bulk/Update/ByOpportunityId': { handler: ({ store, body }) => reply(bulkUpdate(store, body)) },
	};
}
