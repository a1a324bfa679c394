import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bulkRowResults } from '../../helpers/bulkRows';

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
	return bulkRowResults.call(this, answer, itemIndexes, {
		call,
		record: 'lead',
		rowNumber: BULK_LEAD_ROWS.rowNumber,
		firstRow: BULK_LEAD_ROWS.firstRow,
		source: 'BULK_LEAD_ROWS (actions/lead/bulkLeadRows.ts)',
		written: (row) => {
			const leadId = row[BULK_LEAD_ROWS.leadId];
			if (typeof leadId !== 'string' || !leadId) return undefined;
			return { leadId, created: flag(row[BULK_LEAD_ROWS.created]), updated: flag(row[BULK_LEAD_ROWS.updated]), affectedRows: row.AffectedRows ?? null };
		},
	});
}
