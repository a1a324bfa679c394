import type { Json } from './common';
import { invalidInput, isObject, MxFailure, objectBody, rejectUnknownKeys, reply } from './common';
import { parseLeadPairs, updateLead } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmLead, CrmStore } from './store';
import { canonicalLeadField } from './store';
import { BULK_UPDATE_SUCCESS_MESSAGE } from './unconfirmed';

/** Page update-lead-in-bulk-v2: "You can update a maximum of 25 leads." */
export const BULK_UPDATE_MAX = 25;

/** The page's words for a lead it cannot find (or may not update). */
export const LEAD_NOT_UPDATABLE = 'Lead does not exist in the system or You do not have permission to update the lead';

interface Outcome {
	failed?: { Identifier: string; IdentifierValue: string; Reason: string };
	unprocessed?: boolean;
}

/** One lead of the list: found by SearchByKey's field, or without one by its ProspectId, and updated as Lead.Update would (no automations). */
function updateOne(store: CrmStore, entry: unknown, index: number, searchByKey: string | undefined, pushUnprocessed: boolean): Outcome {
	const what = `LeadPropertiesList[${index}]`;
	if (!isObject(entry) || !Array.isArray(entry.Fields)) invalidInput(`${what} must be an object with a "Fields" array`);
	const identifier = searchByKey ?? 'ProspectId';
	const pair = ((entry as Json).Fields as unknown[]).find(
		(field) => isObject(field) && String(field.Attribute ?? '').toLowerCase() === identifier.toLowerCase(),
	) as Json | undefined;
	const value = pair ? String(pair.Value ?? '') : '';
	const failed = (Reason: string) => ({ failed: { Identifier: identifier, IdentifierValue: value, Reason } });
	let input;
	try {
		input = parseLeadPairs((entry as Json).Fields, store, `${what}.Fields`);
	} catch (error) {
		if (error instanceof MxFailure) return failed(String((error.reply.body as Json).ExceptionMessage));
		throw error;
	}
	const lead: CrmLead | undefined = !value
		? undefined
		: identifier.toLowerCase() === 'prospectid'
			? store.lead(value)
			: store.leadBy(canonicalLeadField(identifier) ?? identifier, value);
	// "If you don't pass the ProspectId for a particular lead, that lead won't be updated."
	if (!lead) return { ...failed(LEAD_NOT_UPDATABLE), unprocessed: pushUnprocessed && Boolean(value) };
	const { ProspectID: _id, ...fields } = input.fields;
	try {
		updateLead(store, lead, fields, false, 'Lead/Bulk/UpdateV2');
	} catch (error) {
		if (error instanceof MxFailure) return failed(String((error.reply.body as Json).ExceptionMessage));
		throw error;
	}
	return {};
}

function bulkUpdate(store: CrmStore, body: unknown): Json {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['SearchByKey', 'Options', 'LeadPropertiesList']);
	const list = request.LeadPropertiesList;
	if (!Array.isArray(list) || list.length === 0) invalidInput('LeadPropertiesList must be a non-empty array');
	if ((list as unknown[]).length > BULK_UPDATE_MAX) invalidInput(`At most ${BULK_UPDATE_MAX} leads can be updated in one call`);
	const searchByKey = typeof request.SearchByKey === 'string' && request.SearchByKey.trim() ? request.SearchByKey.trim() : undefined;
	const pushUnprocessed = isObject(request.Options) && request.Options.PushNonExistentLeadsToUnProcessedList === true;
	const outcomes = (list as unknown[]).map((entry, index) => updateOne(store, entry, index, searchByKey, pushUnprocessed));
	const failedLeads = outcomes.filter((outcome) => outcome.failed && !outcome.unprocessed).map((outcome) => outcome.failed);
	const unprocessedLeads = outcomes.filter((outcome) => outcome.unprocessed).map((outcome) => outcome.failed);
	const successCount = outcomes.filter((outcome) => !outcome.failed).length;
	return {
		Status: {
			TotalCount: outcomes.length,
			SuccessCount: successCount,
			FailureCount: failedLeads.length,
			...(pushUnprocessed ? { UnProcessedCount: unprocessedLeads.length } : {}),
			Message: successCount === outcomes.length ? BULK_UPDATE_SUCCESS_MESSAGE : 'Error',
		},
		Details: {
			...(failedLeads.length ? { FailedLeads: failedLeads } : {}),
			...(unprocessedLeads.length ? { UnProcessedLeads: unprocessedLeads } : {}),
		},
	};
}

export function leadBulkUpdateRoutes(): CrmRoutes {
	return {
		'POST /v2/LeadManagement.svc/Lead/Bulk/UpdateV2': { bulk: true, handler: ({ store, body }) => reply(bulkUpdate(store, body)) },
	};
}
