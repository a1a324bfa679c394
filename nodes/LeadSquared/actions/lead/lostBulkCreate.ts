import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { settle } from '../../helpers/perItem';
import { phoneForLookup } from '../../helpers/phoneNumber';
import { atItem } from '../../transport/atItem';
import { outcomeUnknown } from '../../transport/errors';
import type { LeadReference } from '../leadReference';
import { findLeads } from '../leadReference';
import type { LeadCapture } from './leadFields';

/**
 * A bulk create whose answer was lost (a dropped connection, a timeout, a 5xx that was no
 * refusal) may have written some of its leads, all or none: it is not sent again blindly.
 * Each lead is looked up by the first of these fields it has a value for (unique in
 * LeadSquared by default, page create-leads-in-bulk): a lead found is taken as written, a
 * lead not found is sent again, a lead with neither is reported as unknown.
 */
export const LOST_ANSWER_LOOKUPS: Array<{ field: string; by: LeadReference['by'] }> = [
	{ field: 'EmailAddress', by: 'email' },
	{ field: 'Phone', by: 'phone' },
];

/** How many times a chunk is sent in all, lost answers included, before its leads are reported as unknown. */
const MAX_ROUNDS = 3;

/** The output field that says a lead was found by its unique field after the answer to its bulk create was lost. */
export const FOUND_AFTER_LOST_ANSWER = 'foundAfterLostAnswer';

type Result = IDataObject | Error;

/** Sends `rows` (positions in the chunk) in one bulk create: each row's output or error, in order. */
export type BulkCreate = (rows: number[]) => Promise<Result[]>;

/** An error's message without the item it named. */
const words = (error: Error) => error.message.replace(/ \[item \d+\]$/, '');

function referenceOf(lead: LeadCapture): LeadReference | undefined {
	for (const { field, by } of LOST_ANSWER_LOOKUPS) {
		const value = lead.pairs.find((pair) => pair.Attribute.toLowerCase() === field.toLowerCase())?.Value.trim();
		if (value) return { by, value: by === 'phone' ? phoneForLookup(value) : value };
	}
	return undefined;
}

function unknown(this: IExecuteFunctions, itemIndex: number, lost: Error, why: string): Error {
	return new NodeOperationError(this.getNode(), atItem(`Whether LeadSquared created this lead is unknown: ${why}`, itemIndex), {
		itemIndex,
		description: `The answer to its Create Leads in Bulk call was lost (${words(lost)}), so LeadSquared may have written it. It was not sent again, as a repeat could create it twice. Look for it in LeadSquared before running this item again.`,
	});
}

function notWritten(this: IExecuteFunctions, itemIndex: number, lost: Error): Error {
	return new NodeOperationError(this.getNode(), atItem(`LeadSquared did not create this lead: the answer to its Create Leads in Bulk call was lost ${MAX_ROUNDS} times`, itemIndex), {
		itemIndex,
		description: `Each time, a look-up by its email or phone found no lead, so it was sent again. Last: ${words(lost)}.`,
	});
}

/** What one lead of a lost chunk is: written (its output), unknown (an error), or not written (undefined: to send again). */
async function lookUp(this: IExecuteFunctions, lead: LeadCapture, itemIndex: number, lost: Error): Promise<Result | undefined> {
	const reference = referenceOf(lead);
	if (!reference) return unknown.call(this, itemIndex, lost, 'it has no EmailAddress or Phone to look it up by');
	const found = await settle(async () => await findLeads.call(this, reference, itemIndex));
	if (!found.ok) return unknown.call(this, itemIndex, lost, `looking it up by ${reference.by} failed (${words(found.error)})`);
	if (found.value.length === 0) return undefined;
	const ids = found.value.map((entry) => entry.ProspectID).filter((id): id is string => typeof id === 'string' && id !== '');
	if (ids.length !== 1) return unknown.call(this, itemIndex, lost, `LeadSquared has ${found.value.length} leads with its ${reference.by}`);
	return { leadId: ids[0], [FOUND_AFTER_LOST_ANSWER]: true };
}

/**
 * Sends a chunk of leads with `create`; when its answer is lost, looks each lead up and sends
 * again only those not found. A 429 never reaches here (the transport sends it again, as
 * LeadSquared did not act on it); other failures are every lead's error.
 */
export async function createRecovering(
	this: IExecuteFunctions,
	leads: LeadCapture[],
	itemIndexes: number[],
	create: BulkCreate,
): Promise<Result[]> {
	const results: Array<Result | undefined> = new Array(leads.length);
	let pending = leads.map((_, row) => row);
	for (let round = 1; pending.length > 0; round++) {
		const sent = pending;
		const answer = await settle(async () => await create(sent));
		if (answer.ok) {
			sent.forEach((row, k) => (results[row] = answer.value[k]));
			break;
		}
		if (!outcomeUnknown(answer.error)) {
			sent.forEach((row) => (results[row] = answer.error));
			break;
		}
		const looked = await Promise.all(sent.map(async (row) => await lookUp.call(this, leads[row], itemIndexes[row], answer.error)));
		pending = sent.filter((row, k) => {
			results[row] = looked[k] ?? (round === MAX_ROUNDS ? notWritten.call(this, itemIndexes[row], answer.error) : undefined);
			return results[row] === undefined;
		});
	}
	return results as Result[];
}
