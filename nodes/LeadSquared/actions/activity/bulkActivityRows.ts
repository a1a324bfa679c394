import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BulkRows } from '../../helpers/bulkRows';
import { bulkRowResults } from '../../helpers/bulkRows';
import { atItem } from '../../transport/atItem';
import { markOutcomeUnknown } from '../../transport/errors';

/** LeadSquared's name of the call, in messages. */
export const BULK_ACTIVITY_CALL = 'Post Activities on Leads in Bulk';

/**
 * How Post Activities on Leads in Bulk answers. Its page (post-bulk-activities-on-leads) shows
 * `{Response: [...]}` and each row's `ProspectActivityId`; the rest of a row is as public client
 * code reads it: `RowNumber` counting from 1 within the call, `ActivityCreated`, and for an
 * activity LeadSquared refused no ID but `ExceptionMessage`.
 */
export const BULK_ACTIVITY_ROWS = { list: 'Response', rowNumber: 'RowNumber', firstRow: 1, activityId: 'ProspectActivityId', created: 'ActivityCreated' } as const;

const RE_RUN = 'Posting an activity again writes it again, so the node did not resend it: look at the lead’s activities (Activity → Get Many, filtered by this type) before you run this item again.';

const ACTIVITY_ROWS: BulkRows = {
	call: BULK_ACTIVITY_CALL,
	record: 'activity',
	rowNumber: BULK_ACTIVITY_ROWS.rowNumber,
	firstRow: BULK_ACTIVITY_ROWS.firstRow,
	written: (row) => {
		const activityId = row[BULK_ACTIVITY_ROWS.activityId];
		if (row[BULK_ACTIVITY_ROWS.created] === false || typeof activityId !== 'string' || !activityId) return undefined;
		return { activityId };
	},
	source: 'BULK_ACTIVITY_ROWS (actions/activity/bulkActivityRows.ts; the page shows rows only up to ProspectActivityId)',
	unknownAdvice: RE_RUN,
};

/** Each activity's ID from a bulk answer, in the order sent, or why LeadSquared refused it, or that whether it was written is unknown. */
export function bulkActivityResults(this: IExecuteFunctions, answer: unknown, itemIndexes: number[]): Array<IDataObject | Error> {
	const rows = answer && typeof answer === 'object' ? (answer as IDataObject)[BULK_ACTIVITY_ROWS.list] : undefined;
	return bulkRowResults.call(this, rows, itemIndexes, ACTIVITY_ROWS);
}

/**
 * An item of a bulk call that got no answer, or a 5xx that was no decision of LeadSquared's: it
 * may have written any of the call's activities. Nothing tells which (see README, Activity →
 * Post, "In bulk"), so none is sent again and each says so.
 */
export function unknownOutcome(this: IExecuteFunctions, failure: Error, itemIndex: number, batchSize: number): Error {
	const cause = failure.message.replace(/ \[item \d+\]$/, '');
	const message = atItem(`Unknown whether LeadSquared posted this activity: its ${BULK_ACTIVITY_CALL} call (${batchSize} activities) failed after it was sent: ${cause}`, itemIndex);
	const error = new NodeOperationError(this.getNode(), message, {
		itemIndex,
		description: `LeadSquared may have written some, all or none of that call's activities. ${RE_RUN}`,
	});
	// n8n swaps a message naming ECONNRESET & co. for a generic one; keep this one, which says more.
	error.message = message;
	return markOutcomeUnknown(error);
}
