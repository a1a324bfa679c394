import type { Json } from './common';
import { invalidInput, reply } from './common';
import type { LeadInput } from './leadWrites';
import { createLead, createOrUpdateLead, parseLeadPairs } from './leadWrites';
import { leadBulkUpdateRoutes } from './leadBulkUpdate';
import type { CrmRoutes } from './routeTypes';
import type { CrmLead, CrmStore } from './store';

const BASE = '/v2/LeadManagement.svc';

/** Pages create-leads-in-bulk ("up to 50 leads in a single API call") and bulk-create-or-update ("up to 25 records"). */
export const BULK_LEAD_MAX = { create: 50, createOrUpdate: 25 };

type LeadWrite = (store: CrmStore, input: LeadInput, origin: string) => { lead: CrmLead; created: boolean };

/**
 * One call for many leads: each lead is written as its single call would write it (the same
 * payload rules, duplicates and webhooks), and answers in its own row (`BULK_LEAD_ROW_FIELDS`
 * in unconfirmed.ts); a lead LeadSquared refuses does not stop the others.
 */
function bulkWrite(store: CrmStore, body: unknown, max: number, origin: string, write: LeadWrite): Json[] {
	if (!Array.isArray(body) || body.length === 0) invalidInput('Request body must be a non-empty array of leads');
	if ((body as unknown[]).length > max) invalidInput(`At most ${max} leads can be sent in one call`);
	return (body as unknown[]).map((pairs, index) => {
		const row = { RowNumber: index + 1 };
		try {
			const { lead, created } = write(store, parseLeadPairs(pairs, store, `Lead ${index + 1}`), origin);
			return { ...row, LeadId: lead.id, LeadCreated: created, LeadUpdated: !created, AffectedRows: 1 };
		} catch (failure) {
			const error = (failure as { reply?: { body: Json } }).reply?.body;
			if (!error) throw failure;
			return { ...row, LeadId: null, LeadCreated: false, LeadUpdated: false, AffectedRows: 0, ExceptionType: error.ExceptionType, ExceptionMessage: error.ExceptionMessage };
		}
	});
}

const create: LeadWrite = (store, input, origin) => ({ lead: createLead(store, input.fields, origin), created: true });

/** The bulk form of create or update runs no automations (it has no postUpdatedLead). */
const upsert: LeadWrite = (store, input, origin) => createOrUpdateLead(store, input, false, origin);

export function leadBulkRoutes(): CrmRoutes {
	return {
		[`POST ${BASE}/Lead/Bulk/Create`]: {
			bulk: true,
			handler: ({ store, body }) => reply(bulkWrite(store, body, BULK_LEAD_MAX.create, 'Lead/Bulk/Create', create)),
		},
		[`POST ${BASE}/Lead/Bulk/CreateOrUpdate`]: {
			bulk: true,
			handler: ({ store, body }) => reply(bulkWrite(store, body, BULK_LEAD_MAX.createOrUpdate, 'Lead/Bulk/CreateOrUpdate', upsert)),
		},
		...leadBulkUpdateRoutes(),
	};
}
