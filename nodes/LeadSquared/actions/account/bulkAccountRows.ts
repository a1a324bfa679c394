import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../../transport/atItem';

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

const CALL = 'Create or Update Accounts in Bulk';

function refusal(row: IDataObject): string {
	const type = row.ExceptionType ? ` (${String(row.ExceptionType)})` : '';
	const reason = String(row.ExceptionMessage ?? row.ErrorMessage ?? row.Message ?? '');
	return `LeadSquared refused this account in its ${CALL} call${type}${reason ? `: ${reason}` : ''}`;
}

/** Each account's result from one answer, in the order sent: its ID and whether it was created or updated, or why not. */
export function bulkAccountResults(this: IExecuteFunctions, answer: unknown, itemIndexes: number[]): Array<IDataObject | Error> {
	const rows = Array.isArray(answer) ? (answer as IDataObject[]) : [];
	const byNumber = new Map(rows.map((row) => [Number(row[BULK_ACCOUNT_ROWS.rowNumber]), row]));
	return itemIndexes.map((itemIndex, position) => {
		const row = byNumber.get(position + BULK_ACCOUNT_ROWS.firstRow);
		const accountId = row?.[BULK_ACCOUNT_ROWS.accountId];
		if (row && typeof accountId === 'string' && accountId) {
			return { accountId, created: row[BULK_ACCOUNT_ROWS.created] === true, updated: row[BULK_ACCOUNT_ROWS.updated] === true };
		}
		if (row) return new NodeOperationError(this.getNode(), atItem(refusal(row), itemIndex), { itemIndex });
		const missing = `LeadSquared's ${CALL} answer has no row for this account (row ${position + BULK_ACCOUNT_ROWS.firstRow} of ${itemIndexes.length}), so whether it was written is unknown`;
		return new NodeOperationError(this.getNode(), atItem(missing, itemIndex), {
			itemIndex,
			description: `The node reads the answer as a list of rows with RowNumber, CompanyId, CompanyCreated and CompanyUpdated (BULK_ACCOUNT_ROWS in actions/account/bulkAccountRows.ts, as a live probe found; the page shows no answer). It got: ${JSON.stringify(answer).slice(0, 200)}`,
		});
	});
}
