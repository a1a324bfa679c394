import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bulkRowResults } from '../../helpers/bulkRows';

/**
 * How Company/Bulk/CreateOrUpdate answers, which its page (create-or-update-accounts-in-bulk) does
 * not show: one row per company, `RowNumber` counting from 1 within the call, with `CompanyId`,
 * `CompanyCreated` and `CompanyUpdated`, as a live probe read it. How a row LeadSquared refused
 * reads is not shown either: the node takes a row without a CompanyId as refused, with its
 * `ExceptionType` and `ExceptionMessage` (or `ErrorMessage`, `Message`) if it has them, as the
 * bulk lead calls answer.
 */
export const BULK_ACCOUNT_ROWS = {
	rowNumber: 'RowNumber',
	firstRow: 1,
	accountId: 'CompanyId',
	created: 'CompanyCreated',
	updated: 'CompanyUpdated',
} as const;

/** Each account's result from one answer, in the order sent: its ID and whether it was created or updated, or why not. */
export function bulkAccountResults(this: IExecuteFunctions, answer: unknown, itemIndexes: number[]): Array<IDataObject | Error> {
	return bulkRowResults.call(this, answer, itemIndexes, {
		call: 'Create or Update Accounts in Bulk',
		record: 'account',
		rowNumber: BULK_ACCOUNT_ROWS.rowNumber,
		firstRow: BULK_ACCOUNT_ROWS.firstRow,
		source: 'BULK_ACCOUNT_ROWS (actions/account/bulkAccountRows.ts, as a live probe found; the page shows no answer)',
		written: (row) => {
			const accountId = row[BULK_ACCOUNT_ROWS.accountId];
			if (typeof accountId !== 'string' || !accountId) return undefined;
			return { accountId, created: row[BULK_ACCOUNT_ROWS.created] === true, updated: row[BULK_ACCOUNT_ROWS.updated] === true };
		},
	});
}
