import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../transport/atItem';

/**
 * How one bulk call's answer is read, which the bulk pages do not show: one row per record in
 * the order sent, numbered by `rowNumber` from `firstRow`; a record LeadSquared refused carries
 * `ExceptionType` and `ExceptionMessage` (or `ErrorMessage`).
 */
export interface BulkRows {
	/** The bulk API's name, as the errors give it ("Create or Update Leads in Bulk"). */
	call: string;
	/** What one row is about ("lead", "opportunity"). */
	record: string;
	rowNumber: string;
	firstRow: number;
	/** Where the node keeps this reading, named when an answer does not fit it. */
	source: string;
	/** What the user can do about an item whose outcome is unknown; by default, avoid the bulk call. */
	unknownAdvice?: string;
	/** The output of the item at `position` in the call when its row says the record was written, else undefined. */
	written(row: IDataObject, position: number): IDataObject | undefined;
}

const reasonOf = (row: IDataObject) => String(row.ExceptionMessage ?? row.ErrorMessage ?? '');

/** Each record's own result from a bulk answer, in the order sent: its output, or why it failed, or that whether it was written is unknown. */
export function bulkRowResults(this: IExecuteFunctions, answer: unknown, itemIndexes: number[], rows: BulkRows): Array<IDataObject | Error> {
	const byNumber = new Map((Array.isArray(answer) ? (answer as IDataObject[]) : []).map((row) => [Number(row?.[rows.rowNumber]), row]));
	return itemIndexes.map((itemIndex, position) => {
		const number = position + rows.firstRow;
		const row = byNumber.get(number);
		const output = row && rows.written(row, position);
		if (output) return output;
		const refused = row && (row.ExceptionType || reasonOf(row));
		const message = refused
			? `LeadSquared refused this ${rows.record} in its ${rows.call} call${row.ExceptionType ? ` (${String(row.ExceptionType)})` : ''}${reasonOf(row) ? `: ${reasonOf(row)}` : ''}`
			: `LeadSquared's ${rows.call} answer has ${row ? `a row for this ${rows.record} (row ${number}) that says neither that it was written nor why not` : `no row for this ${rows.record} (row ${number} of ${itemIndexes.length})`}, so whether it was written is unknown`;
		return new NodeOperationError(this.getNode(), atItem(message, itemIndex), {
			itemIndex,
			description: refused
				? undefined
				: `The rows of a bulk answer are not on LeadSquared's pages; the node reads them as ${rows.source} says. ${rows.unknownAdvice ?? 'Send One Call per Item avoids the bulk call.'}`,
		});
	});
}
