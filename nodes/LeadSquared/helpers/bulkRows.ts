import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../transport/atItem';

/** How one bulk API answers: a row per record sent, numbered within the call. */
export interface BulkRows {
	/** What a row stands for, in messages: "lead", "activity". */
	noun: string;
	rowNumber: string;
	firstRow: number;
	/** The record's own result from its row, or undefined when the row says LeadSquared refused it. */
	written(row: IDataObject): IDataObject | undefined;
	/** Said of an item whose row is missing: where the node's reading of the rows is kept, and what the user can do. */
	noRowDetails: string;
}

/** Each record's own result from a bulk answer's rows, in the order sent: its output, or why LeadSquared refused it, or that it is unknown. */
export function bulkRowResults(this: IExecuteFunctions, answerRows: unknown, itemIndexes: number[], call: string, rows: BulkRows): Array<IDataObject | Error> {
	const list = Array.isArray(answerRows) ? (answerRows as IDataObject[]) : [];
	const byNumber = new Map(list.filter((row) => row && typeof row === 'object').map((row) => [Number(row[rows.rowNumber]), row]));
	return itemIndexes.map((itemIndex, position) => {
		const row = byNumber.get(position + rows.firstRow);
		const written = row && rows.written(row);
		if (written) return written;
		const reason = row && String(row.ExceptionMessage ?? row.ErrorMessage ?? row.Message ?? '');
		const message = row
			? `LeadSquared refused this ${rows.noun} in its ${call} call${row.ExceptionType ? ` (${String(row.ExceptionType)})` : ''}${reason ? `: ${reason}` : ''}`
			: `LeadSquared's ${call} answer has no row for this ${rows.noun} (row ${position + rows.firstRow} of ${itemIndexes.length}), so whether it was written is unknown`;
		return new NodeOperationError(this.getNode(), atItem(message, itemIndex), { itemIndex, description: row ? undefined : rows.noRowDetails });
	});
}
