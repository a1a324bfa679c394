import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outcomeUnknown } from '../transport/errors';
import { DELIVERED_REQUEST_IDS } from './deliveredRequestIds';
import { ItemInput } from './itemInput';

export interface ItemOperation<Prepared> {
	/** Reads and validates one item's input and builds what will be sent. Sends nothing (it may read, e.g. find a lead). */
	prepare(this: IExecuteFunctions, input: ItemInput): Promise<Prepared> | Prepared;
	/** Sends one prepared item and returns its output: one item, or a list (Get Many), each paired with the input item. */
	send(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

export type Output = IDataObject | IDataObject[];

/** How many items of one execution may wait on LeadSquared at once (the rate governor paces them). */
export const PARALLEL_ITEMS = 5;

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const description = (error as { description?: unknown }).description;
	return {
		json: { error: error.message, ...(typeof description === 'string' && description ? { details: description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

export async function settle<T>(run: () => Promise<T> | T): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		return { ok: false, error: error as Error };
	}
}

export async function mapInParallel<T, R>(
	values: T[],
	limit: number,
	map: (value: T, index: number) => Promise<R>,
	keepGoing: () => boolean,
): Promise<Array<R | undefined>> {
	const results = new Array<R | undefined>(values.length);
	let next = 0;
	const worker = async () => {
		while (next < values.length && keepGoing()) {
			const index = next++;
			results[index] = await map(values[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
	return results;
}

/**
 * Runs an operation over all items in two passes: first every item is validated, so
 * that a bad item stops the node before anything was sent (or, with Continue On
 * Fail, becomes an error item); then the valid items are sent. Output items keep
 * input order and each names the input item it came from.
 */
export async function runPerItem<Prepared>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: ItemOperation<Prepared>,
): Promise<INodeExecutionData[]> {
	const prepared = await prepareItems<Prepared>(this, items, operation);
	let failed = false;
	const sent = await mapInParallel(
		prepared,
		PARALLEL_ITEMS,
		async (outcome, i) => {
			if (!outcome.ok) return outcome;
			const result = await settle(() => operation.send.call(this, outcome.value, i));
			failed ||= !result.ok;
			return result;
		},
		() => this.continueOnFail() || !failed,
	);
	return finishItems.call(this, sent);
}

/** The first pass: every item validated and prepared; without Continue On Fail, a bad item stops the node here. */
export async function prepareItems<Prepared>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: Pick<ItemOperation<Prepared>, 'prepare'>,
): Promise<Array<Outcome<Prepared>>> {
	const prepared = await Promise.all(
		items.map(async (_, i) => await settle(() => operation.prepare.call(context, new ItemInput(context, i)))),
	);
	const firstInvalid = prepared.find((outcome) => !outcome.ok);
	if (firstInvalid && !firstInvalid.ok && !context.continueOnFail()) throw firstInvalid.error;
	return prepared;
}

/** The output: one item (or list) per sent item, paired with it; a failure stops the node unless Continue On Fail. */
export function finishItems(this: IExecuteFunctions, sent: Array<Outcome<Output> | undefined>): INodeExecutionData[] {
	const failed = sent.some((outcome) => outcome && !outcome.ok);
	if (failed && !this.continueOnFail()) throw withDeliveryReport(sent);
	return sent.flatMap((outcome, i) => {
		if (!outcome!.ok) return [errorItem(outcome!.error, i)];
		return ([] as IDataObject[]).concat(outcome!.value).map((json) => ({ json, pairedItem: { item: i } }));
	});
}

/**
 * The node stops at a failed item, but items sent in parallel before it did reach
 * LeadSquared: say which, so that a re-run can leave them out rather than send them twice.
 */
function withDeliveryReport(sent: Array<Outcome<Output> | undefined>): Error {
	const { error } = sent.find((outcome) => outcome && !outcome.ok) as { error: Error & { description?: string; context?: IDataObject } };
	const delivered = sent.flatMap((outcome, i) => (outcome?.ok ? [i] : []));
	const requestIds = sent.flatMap((outcome) =>
		outcome?.ok && !Array.isArray(outcome.value) && typeof outcome.value.requestId === 'string' ? [outcome.value.requestId] : [],
	);
	// Captures LeadSquared accepted before the stop: the LeadSquared Trigger reads them from the stored error.
	if (requestIds.length > 0 && error.context) error.context[DELIVERED_REQUEST_IDS] = requestIds;
	const unknown = sent.flatMap((outcome, i) => (outcome && !outcome.ok && outcomeUnknown(outcome.error) ? [i] : []));
	if (delivered.length > 0 || unknown.length > 1) {
		const unsent = sent.flatMap((outcome, i) => (outcome === undefined ? [i] : []));
		error.description = [
			error.description,
			delivered.length ? `Items sent successfully before the node stopped (numbered from 0): ${delivered.join(', ')}.` : '',
			unknown.length ? `Items LeadSquared may or may not have written (not sent again): ${unknown.join(', ')}.` : '',
			unsent.length ? `Items not sent: ${unsent.join(', ')}.` : '',
		]
			.filter(Boolean)
			.join(' ');
	}
	return error;
}
