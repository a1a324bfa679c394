import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { flatLead } from '../helpers/answers';
import { toLeadSquaredText } from '../helpers/leadSquaredDate';
import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';

/** Leads shown before anything is typed: the recently modified ones, a page at a time. */
const RECENT_LEADS_PAGE_SIZE = 50;
const RECENT_DAYS = 30;
/** Reaches past now, so leads modified this very second (LeadSquared's dates have whole seconds) or on a clock a little ahead are listed too. */
const CLOCK_MARGIN_MS = 60_000;

function leadOption(lead: IDataObject) {
	const name = [lead.FirstName, lead.LastName].filter((part) => typeof part === 'string' && part.trim()).join(' ');
	const contact = lead.EmailAddress ?? lead.Phone ?? lead.Mobile;
	const label = [name, contact ? `(${String(contact)})` : ''].filter(Boolean).join(' ') || String(lead.ProspectID);
	return { name: label, value: String(lead.ProspectID) };
}

/** Leads for the Lead field's list: LeadSquared's quick search (name, email, phone, company) for what is typed. */
export async function searchLeads(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (filter?.trim()) {
		const found = await leadSquaredRequest.call(this, {
			host: 'api',
			method: 'GET',
			endpoint: ENDPOINTS.leadQuickSearch,
			qs: { key: filter.trim() },
			replaySafe: true,
			unconfirmed: 'leadQuickSearch',
		});
		return { results: (Array.isArray(found) ? (found as IDataObject[]) : []).filter((lead) => lead.ProspectID).map(leadOption) };
	}
	const page = Number(paginationToken ?? 1) || 1;
	const now = Date.now();
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.leadsRecentlyModified,
		body: {
			Parameter: {
				FromDate: toLeadSquaredText(now - RECENT_DAYS * 86_400_000),
				ToDate: toLeadSquaredText(now + CLOCK_MARGIN_MS),
			},
			Columns: { Include_CSV: 'ProspectID,FirstName,LastName,EmailAddress,Phone,Mobile' },
			Sorting: { ColumnName: 'ModifiedOn', Direction: '1' },
			Paging: { PageIndex: page, PageSize: RECENT_LEADS_PAGE_SIZE },
		},
		replaySafe: true,
	})) as IDataObject;
	const leads = (Array.isArray(answer?.Leads) ? (answer.Leads as IDataObject[]) : []).map(flatLead);
	return {
		results: leads.filter((lead) => lead.ProspectID).map(leadOption),
		paginationToken: leads.length === RECENT_LEADS_PAGE_SIZE ? String(page + 1) : undefined,
	};
}
