import type { Json } from './common';
import { invalidInput, isObject, mandatoryMissing, objectBody, optionalText, reply, sameId } from './common';
import { opportunityRow } from './opportunities';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';

/** Page get-opportunities-in-bulk-by-ids: "You can retrieve a maximum of 2,000 opportunities". */
export const OPPORTUNITIES_BY_ID_MAX = 2000;

const ALWAYS = ['ProspectId', 'EmailAddress', 'ProspectActivityId'];

/**
 * Page get-opportunities-in-bulk-by-ids: `SearchParameters: [{EventCode, ProspectActivityId[],
 * Columns{Include_CSV}}]`, all three mandatory → `[{EventCode, RecordCount, Opportunities}]`.
 */
function byIds(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const searches = Array.isArray(request.SearchParameters) ? request.SearchParameters : mandatoryMissing("'SearchParameters' is mandatory");
	const parsed = searches.map((search: unknown) => {
		const parameter = isObject(search) ? search : invalidInput('Each of SearchParameters must be an object');
		const code = String(parameter.EventCode ?? mandatoryMissing("'EventCode' is mandatory"));
		const ids = Array.isArray(parameter.ProspectActivityId) ? parameter.ProspectActivityId.map(String) : mandatoryMissing("'ProspectActivityId' is mandatory");
		const csv = (isObject(parameter.Columns) ? optionalText(parameter.Columns as Json, 'Include_CSV') : undefined) ?? mandatoryMissing("'Include_CSV' is mandatory");
		return { code, ids, columns: csv.split(',').map((c) => c.trim()).filter(Boolean) };
	});
	if (parsed.reduce((sum, search) => sum + search.ids.length, 0) > OPPORTUNITIES_BY_ID_MAX)
		invalidInput(`You can retrieve a maximum of ${OPPORTUNITIES_BY_ID_MAX} opportunities`);
	return parsed.map(({ code, ids, columns }) => {
		const found = store.opportunities
			.filter((o) => String(o.code) === code && ids.some((id) => sameId(id, o.id)))
			.map((o) => {
				const row = { ...opportunityRow(store, o), ProspectActivityId: o.id };
				return Object.fromEntries(Object.entries(row).filter(([key]) => ALWAYS.includes(key) || columns.includes(key)));
			});
		return { EventCode: code, RecordCount: found.length, Opportunities: found };
	});
}

export function opportunitiesByIdRoutes(): CrmRoutes {
	return { ['POST /v2/OpportunityManagement.svc/GetOpportunitiesById']: { handler: ({ store, body }) => reply(byIds(store, body)) } };
}
