import type { IDataObject } from 'n8n-workflow';

/** The Message of LeadSquared's `{"Status":"Success","Message":{…}}` answers to writes. */
export const successMessage = (response: unknown): IDataObject =>
	((response as IDataObject | undefined)?.Message ?? {}) as IDataObject;

/** Leads.RecentlyModified lists each lead's fields as `[{Attribute, Value}]`: one flat object, as the other lead APIs give. */
export const flatLead = (lead: IDataObject): IDataObject =>
	Object.fromEntries(
		((lead.LeadPropertyList as IDataObject[] | undefined) ?? []).map((pair) => [
			String(pair.Attribute),
			pair.Value as IDataObject[string],
		]),
	);
