import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../../transport/atItem';
import type { LeadAttribute } from './leadFields';

/**
 * Page update-lead-in-bulk-v2: up to 25 leads a call, `{SearchByKey, Options, LeadPropertiesList:
 * [{Fields: [{Attribute, Value}]}]}`. Without SearchByKey LeadSquared finds each lead by the
 * ProspectId among its fields, which is how the node sends them (it has every lead's ID).
 * With PushNonExistentLeadsToUnProcessedList, a lead that does not exist is named in
 * UnProcessedLeads rather than FailedLeads; the node reads both.
 */
export const BULK_UPDATE = { size: 25, idAttribute: 'ProspectId', pushNonExistentToUnprocessed: true } as const;

export function bulkUpdateBody(leads: Array<{ leadId: string; pairs: LeadAttribute[] }>): IDataObject {
	return {
		Options: { PushNonExistentLeadsToUnProcessedList: BULK_UPDATE.pushNonExistentToUnprocessed },
		LeadPropertiesList: leads.map(({ leadId, pairs }) => ({ Fields: [{ Attribute: BULK_UPDATE.idAttribute, Value: leadId }, ...pairs] })),
	};
}

/** Each lead's verdict: updated, refused (its error), or not accounted for by the answer (to be sent alone). */
export type BulkUpdateVerdict = 'updated' | 'unaccounted' | Error;

const isObject = (value: unknown): value is IDataObject => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const entries = (value: unknown) => (Array.isArray(value) ? value.filter(isObject) : []);

/**
 * Reads the answer `{Status: {TotalCount, SuccessCount, FailureCount, UnProcessedCount?, Message},
 * Details: {FailedLeads | UnProcessedLeads: [{Identifier, IdentifierValue, Reason}]}}`: a lead
 * named there failed; the others were updated when SuccessCount covers them all. When it does
 * not (LeadSquared counted a failure it did not name), the unnamed leads are not accounted for.
 */
export function bulkUpdateVerdicts(this: IExecuteFunctions, answer: unknown, leadIds: string[], itemIndexes: number[]): BulkUpdateVerdict[] {
	const body = isObject(answer) ? answer : {};
	const details = isObject(body.Details) ? body.Details : {};
	const named = new Map<string, { reason: string; unprocessed: boolean }>();
	for (const [list, unprocessed] of [['FailedLeads', false], ['UnProcessedLeads', true]] as const) {
		for (const entry of entries(details[list])) {
			const value = String(entry.IdentifierValue ?? '').trim().toLowerCase();
			if (value && !named.has(value)) named.set(value, { reason: String(entry.Reason ?? '').trim(), unprocessed });
		}
	}
	const status = isObject(body.Status) ? body.Status : {};
	const successes = typeof status.SuccessCount === 'number' ? status.SuccessCount : -1;
	const unnamed = leadIds.filter((id) => !named.has(id.toLowerCase())).length;
	const covered = unnamed <= successes;
	return leadIds.map((leadId, row) => {
		const failure = named.get(leadId.toLowerCase());
		if (!failure) return covered ? 'updated' : 'unaccounted';
		const itemIndex = itemIndexes[row];
		const list = failure.unprocessed ? 'UnProcessedLeads' : 'FailedLeads';
		return new NodeOperationError(
			this.getNode(),
			atItem(`LeadSquared did not update lead ${leadId} in its Update Leads in Bulk call${failure.reason ? `: ${failure.reason}` : ''}`, itemIndex),
			{ itemIndex, description: `LeadSquared named this lead in the answer's ${list}.` },
		);
	});
}
