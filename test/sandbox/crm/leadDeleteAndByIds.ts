import type { Json } from './common';
import { fail, invalidInput, isObject, objectBody, pageIndexPaging, reply } from './common';
import { includeColumns, pick } from './leads';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { leadView } from './store';
import { BUSINESS_EXCEPTION_STATUS, DELETE_UNKNOWN_LEAD_ANSWER } from './unconfirmed';

const BASE = '/v2/LeadManagement.svc';

/** Page get-leads-in-bulk-by-ids: "You can retrieve a maximum of 10,000 leads." */
export const LEADS_BY_IDS_MAX = 10_000;

/** Leads/Retrieve/ByIds (page get-leads-in-bulk-by-ids): LeadIds and Include_CSV are mandatory; leads LeadSquared has are listed, flat. */
function leadsByIds(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	const search = request.SearchParameters;
	const ids = isObject(search) ? (search as Json).LeadIds : undefined;
	if (!Array.isArray(ids) || ids.length === 0) invalidInput('SearchParameters.LeadIds is mandatory');
	if ((ids as unknown[]).length > LEADS_BY_IDS_MAX) invalidInput(`At most ${LEADS_BY_IDS_MAX} leads can be retrieved`);
	const columns = includeColumns(request);
	if (!columns) invalidInput('Columns.Include_CSV is mandatory');
	const { skip, take } = pageIndexPaging(request, 100);
	const leads = (ids as unknown[]).map((id) => store.lead(String(id))).filter((lead) => lead !== undefined);
	const rows = [...new Set(leads)].map((lead) => pick(leadView(store, lead), columns));
	return { RecordCount: rows.length, Leads: rows.slice(skip, skip + take) };
}

export function leadDeleteAndByIdsRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/Leads/Retrieve/ByIds`]: { handler: ({ store, body }) => reply(leadsByIds(store, body)) },
		// Page lead-delete: GET …/Lead/Delete/ById?leadId=, answers {"Status": "Success"}.
		[`GET ${BASE}/Lead/Delete/ById`]: {
			handler: ({ store, query }) => {
				const lead =
					store.lead(query.get('leadId')) ??
					fail(BUSINESS_EXCEPTION_STATUS[DELETE_UNKNOWN_LEAD_ANSWER], DELETE_UNKNOWN_LEAD_ANSWER, 'Lead not found');
				store.removeLead(lead);
				return reply({ Status: 'Success' });
			},
		},
	};
}
