import { randomUUID } from 'crypto';

import type { Json } from './common';
import {
	fail,
	invalidInput,
	isObject,
	lsqDate,
	mandatoryMissing,
	objectBody,
	optionalDate,
	optionalInteger,
	optionalText,
	pageIndexPaging,
	rejectUnknownKeys,
	reply,
	sameId,
	sortRows,
	sortingOf,
} from './common';
import { postActivity } from './activities';
import { OPPORTUNITY_STAGE_FIELDS } from './catalog';
import { readEntityFields } from './entityFields';
import { captureLead, leadNotFound, parseLeadPairs } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore, Opportunity } from './store';
import { UNIQUE_LEAD_FIELDS } from './store';
import { BUSINESS_EXCEPTION_STATUS, OPPORTUNITY_CAPTURE_PATH, OPPORTUNITY_TYPE_REQUIRED } from './unconfirmed';
import { opportunityPayload } from './webhookPayloads';

const BASE = '/v2/OpportunityManagement.svc';

/** PostDeDupActionPerformed: 1 a new opportunity was created, 3 a duplicate was detected and none created. */
export const DEDUP_CREATED = 1;
export const DEDUP_DUPLICATE = 3;

const opportunityNotFound = (): never =>
	fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Opportunity not found');

function typeOf(store: CrmStore, code: number) {
	const type = store.opportunityTypes.find((t) => t.Code === code);
	if (!type) invalidInput(`OpportunityEventCode ${code} is not an opportunity type of this account`);
	return type!;
}

/**
 * The sandbox's duplicate detection rule (LeadSquared's rules are set per account): an open
 * opportunity of the same type, on the same lead, with the same name.
 */
function duplicateOf(store: CrmStore, leadId: string, code: number, fields: Record<string, string>): Opportunity | undefined {
	const name = (fields.mx_Custom_1 ?? '').toLowerCase();
	return store.opportunities.find(
		(o) =>
			o.leadId === leadId &&
			o.code === code &&
			(o.fields.mx_Custom_1 ?? '').toLowerCase() === name &&
			!['won', 'lost'].includes((o.fields.Status ?? '').toLowerCase()),
	);
}

function capture(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['LeadDetails', 'Opportunity']);
	const input = parseLeadPairs(request.LeadDetails, store, 'LeadDetails');
	if (!UNIQUE_LEAD_FIELDS.some((field) => input.fields[field]) && !input.fields.ProspectID) {
		invalidInput('LeadDetails must contain at least one unique field (e.g. EmailAddress or Phone)');
	}
	const opportunity = isObject(request.Opportunity) ? (request.Opportunity as Json) : mandatoryMissing("'Opportunity' is mandatory");
	rejectUnknownKeys(
		opportunity as Json,
		[
			'OpportunityEventCode',
			'OpportunityNote',
			'OpportunityDateTime',
			'Fields',
			'UpdateEmptyFields',
			'DoNotPostDuplicateActivity',
			'DoNotChangeOwner',
		],
		'Opportunity.',
	);
	const code = optionalInteger(opportunity as Json, 'OpportunityEventCode') ?? mandatoryMissing("'OpportunityEventCode' is mandatory");
	const type = typeOf(store, code!);
	const note = optionalText(opportunity as Json, 'OpportunityNote', 2000) ?? '';
	const at = optionalDate(opportunity as Json, 'OpportunityDateTime') ?? store.now();
	const fields = readEntityFields((opportunity as Json).Fields, type.Fields, store.account.users, { requireMandatory: true });
	fields.Status ||= 'Open';
	fields.Owner ||= store.keyOwner.ID;

	const { lead } = captureLead(store, input, 'Opportunity.Capture');
	const conflict = duplicateOf(store, lead.id, code!, fields);
	let created: Opportunity | undefined;
	if (!conflict) {
		const now = store.now();
		created = { id: randomUUID(), leadId: lead.id, code: code!, note, opportunityDateTime: at, fields, createdOn: now, modifiedOn: now };
		store.opportunities.push(created);
		store.emit(31, opportunityPayload(store, created), { opportunityType: created.code });
	}
	// "An opportunity captured activity is always posted on the lead."
	const activity = postActivity(store, lead, code!, note, at, {}, fields.Owner);
	// Unconfirmed response shape, assembled from the parameters LeadSquared's page lists.
	return {
		Status: 'Success',
		CreatedOpportunityId: created?.id ?? null,
		IsUnique: !conflict,
		AdditionalDetails: [
			{
				ActivityId: activity.id,
				RelatedProspectId: lead.id,
				PostDeDupActionPerformed: conflict ? DEDUP_DUPLICATE : DEDUP_CREATED,
				ConflictedOpportunityId: conflict?.id ?? null,
			},
		],
	};
}

/** Page update-an-opportunity; Bulk Update Opportunities writes each of its opportunities the same way. */
export function updateOpportunity(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['ProspectOpportunityId', 'OpportunityEventCode', 'OpportunityNote', 'OpportunityDateTime', 'Fields']);
	const id = optionalText(request, 'ProspectOpportunityId') ?? mandatoryMissing("'ProspectOpportunityId' is mandatory");
	const opportunity = store.opportunities.find((o) => sameId(o.id, id)) ?? opportunityNotFound();
	const code = optionalInteger(request, 'OpportunityEventCode');
	if (code !== undefined && code !== opportunity.code) invalidInput(`Opportunity ${id} is not of type ${code}`);
	const type = typeOf(store, opportunity.code);
	const fields = readEntityFields(request.Fields, type.Fields, store.account.users, { requireMandatory: false });
	if ('mx_Custom_1' in fields && !fields.mx_Custom_1) mandatoryMissing("Field name : 'mx_Custom_1' of datatype : 'String' is mandatory.");
	const note = optionalText(request, 'OpportunityNote', 2000);
	const at = optionalDate(request, 'OpportunityDateTime');

	const changed = Object.keys(fields).filter((field) => (opportunity.fields[field] ?? '') !== fields[field]);
	Object.assign(opportunity.fields, fields);
	if (note !== undefined) opportunity.note = note;
	if (at !== undefined) opportunity.opportunityDateTime = at;
	opportunity.modifiedOn = store.now();
	const typed = { opportunityType: opportunity.code };
	store.emit(32, opportunityPayload(store, opportunity), typed);
	if (changed.length) store.emit(33, opportunityPayload(store, opportunity), typed);
	if (changed.some((field) => OPPORTUNITY_STAGE_FIELDS.includes(field))) store.emit(34, opportunityPayload(store, opportunity), typed);
	return { Status: 'Success', Message: { Id: opportunity.id, AffectedRows: 1 } };
}

/**
 * One row of GetOpportunitiesOfLead: the lead's details (page get-opportunities-by-lead-id) and
 * the opportunity's properties, flat (live probe: `mx_Custom_1`, `Status`, `Owner`,
 * `OpportunityId`, `RelatedProspectId`, `ModifiedOn`…, no `Fields[]`).
 */
export function opportunityRow(store: CrmStore, opportunity: Opportunity): Record<string, unknown> {
	const lead = store.lead(opportunity.leadId);
	const owner = store.user(opportunity.fields.Owner);
	return {
		ProspectId: opportunity.leadId,
		FirstName: lead?.fields.FirstName || null,
		LastName: lead?.fields.LastName || null,
		EmailAddress: lead?.fields.EmailAddress || null,
		Phone: lead?.fields.Phone || null,
		RelatedProspectId: opportunity.leadId,
		OpportunityId: opportunity.id,
		OpportunityEvent: String(opportunity.code),
		OpportunityEventType: '2',
		OpportunityNote: opportunity.note,
		OpportunityDateTime: lsqDate(opportunity.opportunityDateTime),
		...opportunity.fields,
		OwnerName: owner ? `${owner.FirstName} ${owner.LastName}`.trim() : null,
		CreatedOn: lsqDate(opportunity.createdOn),
		ModifiedOn: lsqDate(opportunity.modifiedOn),
	};
}

function ofLead(store: CrmStore, body: unknown, query: URLSearchParams) {
	const leadId = query.get('leadId') ?? mandatoryMissing("'leadId' is mandatory");
	if (!store.lead(leadId)) leadNotFound();
	const typeText = query.get('opportunityType');
	// Its page calls opportunityType optional; a live probe found it required.
	if (!typeText) fail(OPPORTUNITY_TYPE_REQUIRED.status, OPPORTUNITY_TYPE_REQUIRED.type, OPPORTUNITY_TYPE_REQUIRED.message);
	const code = Number(typeText);
	if (!Number.isInteger(code)) invalidInput(`opportunityType '${typeText}' must be an opportunity type code`);
	typeOf(store, code);
	const request = body === undefined ? {} : objectBody(body);
	const csv = isObject(request.Columns) ? optionalText(request.Columns as Json, 'Include_CSV') : undefined;
	const columns = csv
		?.split(',')
		.map((c) => c.trim())
		.filter(Boolean);
	const { skip, take } = pageIndexPaging(request, 100);
	const { column, descending } = sortingOf(request);
	const rows = store.opportunities
		.filter((o) => sameId(o.leadId, leadId) && o.code === code)
		.map((o) => opportunityRow(store, o));
	const always = ['ProspectId', 'OpportunityId', 'OpportunityEvent'];
	const list = sortRows(rows, column, descending)
		.slice(skip, skip + take)
		.map((row) =>
			columns?.length ? Object.fromEntries(Object.entries(row).filter(([key]) => always.includes(key) || columns.includes(key))) : row,
		);
	return { RecordCount: rows.length, List: list };
}

function details(store: CrmStore, id: string | null) {
	const opportunity = store.opportunities.find((o) => sameId(o.id, id)) ?? opportunityNotFound();
	const type = typeOf(store, opportunity.code);
	return {
		OpportunityId: opportunity.id,
		RelatedProspectId: opportunity.leadId,
		OpportunityEvent: opportunity.code,
		OpportunityType: type.Name,
		OpportunityNote: opportunity.note,
		OpportunityDateTime: lsqDate(opportunity.opportunityDateTime),
		CreatedOn: lsqDate(opportunity.createdOn),
		ModifiedOn: lsqDate(opportunity.modifiedOn),
		Fields: type.Fields.map((field) => ({
			SchemaName: field.SchemaName,
			DisplayName: field.DisplayName,
			DataType: field.DataType,
			Value: opportunity.fields[field.SchemaName] ?? null,
		})),
	};
}

/** Page delete-an-opportunity: GET …/Delete?Id= → {Status, Message: {IsSuccessful}}. */
function remove(store: CrmStore, id: string | null) {
	const opportunity = store.opportunities.find((o) => sameId(o.id, id)) ?? opportunityNotFound();
	store.opportunities.splice(store.opportunities.indexOf(opportunity), 1);
	return { Status: 'Success', Message: { IsSuccessful: true } };
}

export function opportunityRoutes(): CrmRoutes {
	return {
		[`POST ${OPPORTUNITY_CAPTURE_PATH}`]: { handler: ({ store, body }) => reply(capture(store, body)) },
		[`POST ${BASE}/Update`]: { handler: ({ store, body }) => reply(updateOpportunity(store, body)) },
		[`POST ${BASE}/GetOpportunitiesOfLead`]: { optionalBody: true, handler: ({ store, body, query }) => reply(ofLead(store, body, query)) },
		[`GET ${BASE}/GetOpportunityTypes`]: {
			handler: ({ store }) => reply(store.opportunityTypes.map(({ Code, Name }) => ({ Code, Name, DisplayName: Name }))),
		},
		[`GET ${BASE}/Delete`]: { handler: ({ store, query }) => reply(remove(store, query.get('Id'))) },
		[`GET ${BASE}/GetOpportunityDetails`]: {
			handler: ({ store, query }) => reply(details(store, query.get('OpportunityId') ?? query.get('opportunityId'))),
		},
	};
}
