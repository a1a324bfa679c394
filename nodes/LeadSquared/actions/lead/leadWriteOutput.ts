import type { IDataObject } from 'n8n-workflow';

import type { LeadCapture } from './leadFields';

/** What a lead write outputs besides LeadSquared's answer: what was sent, what was cleared, and what was left out as empty. */
export const submittedFields = (lead: LeadCapture): IDataObject => ({
	submitted: lead.fields,
	...(lead.cleared.length ? { clearedFields: lead.cleared } : {}),
	...(lead.skipped.length ? { skippedEmptyFields: lead.skipped } : {}),
});
