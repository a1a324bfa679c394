import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getAccount } from '../transport';
import { bulkIsFaster } from '../transport/budgets';
import type { ItemOperation, Outcome, Output } from './perItem';
import { finishItems, mapInParallel, PARALLEL_ITEMS, prepareItems, runPerItem, settle } from './perItem';

export interface BatchOperation<Prepared> extends ItemOperation<Prepared> {
	/** The most items one bulk call takes (its page's limit). */
	batchSize: number;
	/**
	 * Whether the rate-limits page lists this bulk call among the bulk APIs, which have their own,
	 * lower limit (then its calls are sent with `bulk: true`). Default true; the task, opportunity
	 * and account bulk calls are not on that list and are paced by the ordinary limit.
	 */
	underBulkLimit?: boolean;
	/** Whether the bulk API can express what this item asks; if not, the item is sent alone. */
	batchable(prepared: Prepared): boolean;
	/** One bulk call for `batch`: each item's output, or the Error LeadSquared gave for it, in order. */
	sendBatch(this: IExecuteFunctions, batch: Prepared[], itemIndexes: number[]): Promise<Array<IDataObject | Error>>;
}

export const ONE_CALL_PER_ITEM = 'oneCallPerItem';

/** The option that turns batching off, for an operation's Options (`underBulkLimit` as in BatchOperation). */
export function oneCallPerItemOption(bulkApi: string, batchSize: number, underBulkLimit = true): INodeProperties {
	const limit = underBulkLimit
		? `which has a limit of its own (lower than the ordinary one, but ${batchSize} items a call)`
		: `which counts as one call of the ordinary limit`;
	return {
		displayName: 'Send One Call per Item',
		name: ONE_CALL_PER_ITEM,
		type: 'boolean',
		default: false,
		description: `Whether to send each item in a call of its own. By default the node sends up to ${batchSize} items in one call of LeadSquared's ${bulkApi}, ${limit}.`,
	};
}

type Unit = { batch: number[] } | { single: number };

/** Consecutive batchable items in groups of `size`; the others alone. Input order is kept within each group. */
function unitsOf<Prepared>(prepared: Array<Outcome<Prepared>>, operation: BatchOperation<Prepared>): Unit[] {
	const units: Unit[] = [];
	let open: number[] = [];
	prepared.forEach((outcome, i) => {
		if (!outcome.ok) return;
		if (!operation.batchable(outcome.value)) {
			units.push({ single: i });
			return;
		}
		if (open.length === 0) units.push({ batch: (open = []) });
		open.push(i);
		if (open.length === operation.batchSize) open = [];
	});
	return units;
}

/**
 * Runs an operation over all items as `runPerItem` does (validation of every item first, paired
 * output in input order, Continue On Fail, the report of what was sent when the node stops), but
 * sends the items the bulk API can take in bulk calls of up to `batchSize`. One item, the option
 * Send One Call per Item, or a plan whose bulk limit moves no more items than single calls, sends
 * item by item.
 */
export async function runBatched<Prepared>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: BatchOperation<Prepared>,
): Promise<INodeExecutionData[]> {
	const oneCallPerItem = (this.getNodeParameter('options', 0, {}) as IDataObject)[ONE_CALL_PER_ITEM] === true;
	if (items.length < 2 || oneCallPerItem) return await runPerItem.call(this, items, operation);
	const underBulkLimit = operation.underBulkLimit ?? true;
	if (underBulkLimit && !bulkIsFaster(await getAccount.call(this), operation.batchSize)) return await runPerItem.call(this, items, operation);

	const prepared = await prepareItems<Prepared>(this, items, operation);
	const sent: Array<Outcome<Output> | undefined> = prepared.map((outcome) => (outcome.ok ? undefined : outcome));
	let failed = false;
	const record = (i: number, outcome: Outcome<Output>) => {
		sent[i] = outcome;
		failed ||= !outcome.ok;
	};
	const value = (i: number) => (prepared[i] as { value: Prepared }).value;
	await mapInParallel(
		unitsOf(prepared, operation),
		PARALLEL_ITEMS,
		async (unit) => {
			if ('single' in unit) return record(unit.single, await settle(() => operation.send.call(this, value(unit.single), unit.single)));
			const answer = await settle(() => operation.sendBatch.call(this, unit.batch.map(value), unit.batch));
			unit.batch.forEach((i, row) => {
				const result = answer.ok ? answer.value[row] : answer.error;
				record(i, result instanceof Error ? { ok: false, error: result } : { ok: true, value: result });
			});
		},
		() => this.continueOnFail() || !failed,
	);
	return finishItems.call(this, sent);
}
