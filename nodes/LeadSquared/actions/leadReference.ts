import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ItemInput, quote } from '../helpers/itemInput';
import { phoneForLookup } from '../helpers/phoneNumber';
import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';
import type { UnconfirmedCall } from '../transport/unconfirmedCalls';

/** A lead as the Lead field gives it: by ID (also what the list gives), email or phone. */
export interface LeadReference {
	by: 'id' | 'email' | 'phone';
	value: string;
}

const LOOKUPS: Record<LeadReference['by'], { endpoint: string; param: string; what: string; unconfirmed?: UnconfirmedCall }> = {
	id: { endpoint: ENDPOINTS.leadById, param: 'id', what: 'ID', unconfirmed: 'leadById' },
	email: { endpoint: ENDPOINTS.leadByEmail, param: 'emailaddress', what: 'email' },
	phone: { endpoint: ENDPOINTS.leadByPhone, param: 'phone', what: 'phone number' },
};

/** Reads and checks the Lead field (a resource locator, or plain text taken as an ID). */
export function readLeadReference(input: ItemInput, field = 'Lead'): LeadReference {
	const raw = input.raw('lead', '');
	const locator = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as IDataObject) : { mode: 'id', value: raw };
	const by = locator.mode === 'email' || locator.mode === 'phone' ? locator.mode : 'id';
	const shape = by === 'email' ? 'email' : by === 'phone' ? 'phone' : 'id';
	const value = input.text('lead', field, { required: true, shape }, locator.value);
	return { by, value: by === 'phone' ? phoneForLookup(value) : value };
}

/** Every lead LeadSquared finds by the reference (it answers [] for none). */
export async function findLeads(this: IExecuteFunctions, lead: LeadReference, itemIndex: number): Promise<IDataObject[]> {
	const lookup = LOOKUPS[lead.by];
	const found = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: lookup.endpoint,
		qs: { [lookup.param]: lead.value },
		replaySafe: true,
		itemIndex,
		unconfirmed: lookup.unconfirmed,
	});
	return Array.isArray(found) ? (found as unknown[]).filter((entry): entry is IDataObject => Boolean(entry) && typeof entry === 'object') : [];
}

/** The lead itself, or undefined when LeadSquared has none. */
export async function findLead(this: IExecuteFunctions, lead: LeadReference, itemIndex: number): Promise<IDataObject | undefined> {
	return (await findLeads.call(this, lead, itemIndex))[0];
}

export function leadNotFound(this: IExecuteFunctions, lead: LeadReference, itemIndex: number): Error {
	return new ItemInput(this, itemIndex).error(
		'Lead',
		`${quote(lead.value)} matches no LeadSquared lead by ${LOOKUPS[lead.by].what}`,
	);
}

/** The lead's ID: as given, or looked up by email or phone (one read). */
export async function resolveLeadId(this: IExecuteFunctions, lead: LeadReference, itemIndex: number): Promise<string> {
	if (lead.by === 'id') return lead.value;
	const found = await findLead.call(this, lead, itemIndex);
	if (typeof found?.ProspectID !== 'string') throw leadNotFound.call(this, lead, itemIndex);
	return found.ProspectID;
}
