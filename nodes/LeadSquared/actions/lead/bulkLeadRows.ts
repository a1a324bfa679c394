import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../../transport/atItem';

/**
 * How the bulk lead calls answer, which their pages (create-leads-in-bulk, bulk-create-or-update)
 * do not show: one row per lead, `RowNumber` counting from 1 within the call, as public client code
 * reads them: `{RowNumber, LeadId, LeadCreated, LeadUpdated, AffectedRows}`, and for a lead
 * LeadSquared refused, no LeadId but `ExceptionType` and `ExceptionMessage` (or `ErrorMessage`).
 */
export const BULK_LEAD_ROWS = { rowNumber: 'RowNumber', firstRow: 1, leadId: 'LeadId', created: 'LeadCreated', updated: 'LeadUpdated' } as const;

const flag = (value: unknown) => (typeof value === 'boolean' ? value : null);

/** Each lead's own result from a bulk answer, in the order sent: its ID and whether it was created or updated, or why it failed. */
export function bulkLeadResults(this: IExecuteFunctions, answer: unknown, itemIndexes: number[], call: string): Array<IDataObject | Error> {
	const rows = Array.isArray(answer) ? (answer as IDataObject[]) : [];
	const byNumber = new Map(rows.map((row) => [Number(row[BULK_LEAD_ROWS.rowNumber]), row]));
	return itemIndexes.map((itemIndex, position) => {
		const row = byNumber.get(position + BULK_LEAD_ROWS.firstRow);
		const leadId = row?.[BULK_LEAD_ROWS.leadId];
		if (row && typeof leadId === 'string' && leadId) {
			return { leadId, created: flag(row[BULK_LEAD_ROWS.created]), updated: flag(row[BULK_LEAD_ROWS.updated]), affectedRows: row.AffectedRows ?? null };
		}
		const reason = row && String(row.ExceptionMessage ?? row.ErrorMessage ?? row.Message ?? '');
		const message = row
			? `LeadSquared refused this lead in its ${call} call${row.ExceptionType ? ` (${String(row.ExceptionType)})` : ''}${reason ? `: ${reason}` : ''}`
			: `LeadSquared's ${call} answer has no row for this lead (row ${position + BULK_LEAD_ROWS.firstRow} of ${itemIndexes.length}), so whether it was written is unknown`;
		return new NodeOperationError(this.getNode(), atItem(message, itemIndex), {
			itemIndex,
			description: row
				? undefined
				: 'The rows of a bulk answer are not on LeadSquared\'s pages; the node reads them as BULK_LEAD_ROWS (actions/lead/bulkLeadRows.ts) says. Send One Call per Item avoids the bulk call.',
		});
	});
}
