import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bulkRowResults } from '../../helpers/bulkRows';

/**
 * How Bulk Update Opportunities answers, which its page (bulk-update-opportunities) does not
 * show: read as LeadSquared's bulk lead calls answer (BULK_LEAD_ROWS), one row per opportunity in
 * the order sent, `RowNumber` from 1, the opportunity's `OpportunityId` when it was updated, and
 * `ExceptionType` with `ExceptionMessage` when LeadSquared refused it. An answer of another shape
 * makes every item an error saying whether it was written is unknown (the update is safe to send again).
 */
export const BULK_OPPORTUNITY_ROWS = { rowNumber: 'RowNumber', firstRow: 1, opportunityId: 'OpportunityId' } as const;

export const BULK_UPDATE_CALL = 'Bulk Update Opportunities';

/** Each opportunity's own result from a bulk answer, in the order sent: `output(position)`, or why it failed. */
export function bulkOpportunityResults(
	this: IExecuteFunctions,
	answer: unknown,
	itemIndexes: number[],
	output: (position: number) => IDataObject,
): Array<IDataObject | Error> {
	return bulkRowResults.call(this, answer, itemIndexes, {
		call: BULK_UPDATE_CALL,
		record: 'opportunity',
		rowNumber: BULK_OPPORTUNITY_ROWS.rowNumber,
		firstRow: BULK_OPPORTUNITY_ROWS.firstRow,
		source: 'BULK_OPPORTUNITY_ROWS (actions/opportunity/bulkUpdateRows.ts)',
		written: (row, position) => {
			const id = row[BULK_OPPORTUNITY_ROWS.opportunityId];
			return typeof id === 'string' && id ? output(position) : undefined;
		},
	});
}
