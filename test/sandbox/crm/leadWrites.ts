import type { LeadAttribute } from '../asyncQueue';
import { applicationError } from '../asyncQueue';
import { LEAD_STAGES } from '../fixtures';
import { fail, invalidInput, isObject } from './common';
import type { CrmLead, CrmStore } from './store';
import { canonicalLeadField } from './store';
import { BUSINESS_EXCEPTION_STATUS, CAPTURE_UPDATE_FIRES_LEAD_UPDATED, DUPLICATE_ENTRY_MESSAGE } from './unconfirmed';
import { leadFieldChangePayload, leadPayload } from './webhookPayloads';

/** Lead fields sent as LeadSquared's `[{Attribute, Value}]` pairs, checked and keyed by schema name. */
export interface LeadInput {
	fields: Record<string, string>;
	searchBy?: string;
	captureBehavior?: string;
}

const CAPTURE_BEHAVIORS = ['DoNotUpdate', 'UpdateOnlyEmptyFields', 'DoNotUpdateUniqueFields'];

export function parseLeadPairs(body: unknown, store: CrmStore, what = 'Request body'): LeadInput {
	if (!Array.isArray(body) || body.length === 0) invalidInput(`${what} must be a non-empty array of {"Attribute", "Value"} pairs`);
	const pairs: LeadAttribute[] = [];
	const input: LeadInput = { fields: {} };
	for (const [index, pair] of (body as unknown[]).entries()) {
		if (!isObject(pair) || typeof pair.Attribute !== 'string' || pair.Attribute.trim() === '' || !('Value' in pair)) {
			invalidInput(`Element ${index} must be an object with a non-empty "Attribute" and a "Value"`);
		}
		const { Attribute, Value, ...rest } = pair as Record<string, unknown>;
		// Custom field sets may carry their own "Fields"; the sandbox accepts and ignores them.
		if (Object.keys(rest).some((key) => key !== 'Fields'))
			invalidInput(`Element ${index} has attributes other than "Attribute", "Value" and "Fields"`);
		if (Value !== null && typeof Value === 'object')
			invalidInput(`Element ${index} ('${String(Attribute)}') must have a text, number or boolean "Value"`);
		const name = String(Attribute);
		if (name === 'SearchBy') input.searchBy = String(Value);
		else if (name === 'LeadUpdateBehavior') input.captureBehavior = String(Value);
		else pairs.push({ Attribute: name, Value });
	}
	const problem = applicationError(input.searchBy ? [...pairs, { Attribute: 'SearchBy', Value: input.searchBy }] : pairs);
	if (problem) {
		const [type, ...message] = problem.split(': ');
		fail(400, type, message.join(': '));
	}
	for (const { Attribute, Value } of pairs)
		input.fields[canonicalLeadField(Attribute)!] = Value === null || Value === undefined ? '' : String(Value);
	if (input.searchBy) input.searchBy = canonicalLeadField(input.searchBy) ?? input.searchBy;
	if (input.captureBehavior !== undefined) checkedCaptureBehavior(input.captureBehavior);
	checkCrmRules(input.fields, store);
	return input;
}

function checkCrmRules(fields: Record<string, string>, store: CrmStore): void {
	if (fields.OwnerId && !store.user(fields.OwnerId)) invalidInput(`OwnerId '${fields.OwnerId}' is not a user of this account`);
	if (fields.ProspectStage && !LEAD_STAGES.some((stage) => stage.toLowerCase() === fields.ProspectStage.toLowerCase())) {
		invalidInput(`ProspectStage '${fields.ProspectStage}' is not a lead stage of this account`);
	}
}

export const duplicate = (): never =>
	fail(BUSINESS_EXCEPTION_STATUS.MXDuplicateEntryException, 'MXDuplicateEntryException', DUPLICATE_ENTRY_MESSAGE);

export const leadNotFound = (): never =>
	fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Lead not found');

export function createLead(store: CrmStore, fields: Record<string, string>, origin: string): CrmLead {
	if (store.uniqueClash(fields)) duplicate();
	const lead = store.insertLead(fields, origin);
	store.emit(3, leadPayload(store, lead));
	return lead;
}

/**
 * Applies `fields` to a lead. Webhooks and automations follow only when `fire` is set
 * (LeadSquared's `postUpdatedLead=true`): lead updated, and stage or owner changed when they did.
 */
export function updateLead(store: CrmStore, lead: CrmLead, fields: Record<string, string>, fire: boolean, origin: string): number {
	if (store.uniqueClash(fields, lead)) duplicate();
	const before = { ...lead.fields };
	Object.assign(lead.fields, fields);
	lead.updatedBy.push(origin);
	store.stamp(lead, false);
	if (!fire) return 1;
	const changed = (field: string) => (before[field] ?? '') !== (lead.fields[field] ?? '');
	const payload = leadPayload(store, lead);
	const changedFields = Object.keys(fields).filter(changed);
	if (changedFields.length) store.emit(6, payload);
	if (changed('ProspectStage')) store.emit(5, { ...payload, PreviousProspectStage: before.ProspectStage ?? null });
	if (changed('OwnerId')) store.emit(4, { ...payload, PreviousOwnerId: before.OwnerId ?? null });
	if (changedFields.length) {
		const beforePayload = leadPayload(store, { ...lead, fields: before });
		store.emit(26, leadFieldChangePayload(beforePayload, payload), { changedLeadFields: changedFields });
	}
	return 1;
}

/** LeadUpdateBehavior, one of the values page capture-lead names. */
export function checkedCaptureBehavior(behavior: string): string {
	if (!CAPTURE_BEHAVIORS.includes(behavior)) invalidInput(`LeadUpdateBehavior must be one of ${CAPTURE_BEHAVIORS.join(', ')}`);
	return behavior;
}

/** Lead.Capture: matches ProspectID, then e-mail, then phone (or the SearchBy field), and applies LeadUpdateBehavior. */
export function captureLead(store: CrmStore, input: LeadInput, origin: string): { lead: CrmLead; created: boolean } {
	const { fields } = input;
	const existing = input.searchBy
		? store.leadBy(input.searchBy, fields[input.searchBy]) ?? (input.searchBy === 'ProspectID' ? store.lead(fields.ProspectID) : undefined)
		: store.lead(fields.ProspectID) ?? store.leadBy('EmailAddress', fields.EmailAddress) ?? store.leadBy('Phone', fields.Phone);
	if (!existing) return { lead: createLead(store, fields, origin), created: true };
	const { ProspectID: _ignored, ...writable } = fields;
	let update: Record<string, string> = writable;
	if (input.captureBehavior === 'DoNotUpdate') update = {};
	if (input.captureBehavior === 'UpdateOnlyEmptyFields') {
		update = Object.fromEntries(Object.entries(writable).filter(([field]) => !existing.fields[field]));
	}
	if (input.captureBehavior === 'DoNotUpdateUniqueFields') {
		update = Object.fromEntries(Object.entries(writable).filter(([field]) => !['EmailAddress', 'Phone'].includes(field)));
	}
	if (Object.keys(update).length) updateLead(store, existing, update, CAPTURE_UPDATE_FIRES_LEAD_UPDATED, origin);
	return { lead: existing, created: false };
}

/**
 * Lead.CreateOrUpdate: SearchBy picks the matching field; by default e-mail, then phone. A phone
 * match whose lead has another e-mail is a duplicate, as LeadSquared answers.
 */
export function createOrUpdateLead(store: CrmStore, input: LeadInput, fire: boolean, origin: string): { lead: CrmLead; created: boolean } {
	const { fields } = input;
	let existing: CrmLead | undefined;
	if (input.searchBy) {
		existing = input.searchBy === 'ProspectID' ? store.lead(fields.ProspectID) : store.leadBy(input.searchBy, fields[input.searchBy]);
	} else {
		existing = store.leadBy('EmailAddress', fields.EmailAddress);
		if (!existing) {
			existing = store.leadBy('Phone', fields.Phone);
			const otherEmail = existing?.fields.EmailAddress;
			if (existing && fields.EmailAddress && otherEmail && otherEmail.toLowerCase() !== fields.EmailAddress.toLowerCase()) duplicate();
		}
	}
	if (!existing) return { lead: createLead(store, fields, origin), created: true };
	const { ProspectID: _ignored, ...writable } = fields;
	updateLead(store, existing, writable, fire, origin);
	return { lead: existing, created: false };
}
