import { randomUUID } from 'crypto';

import { fail, invalidInput, objectBody, optionalBoolean, optionalDate, optionalText, rejectUnknownKeys, reply, requiredText } from './common';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BUSINESS_EXCEPTION_STATUS, EMAIL_RECIPIENT_TYPES, SEND_EMAIL_REPLY } from './unconfirmed';

const KEYS = [
	'SenderType',
	'Sender',
	'CCEmailAddress',
	'RecipientType',
	'RecipientEmailFields',
	'Recipient',
	'EmailType',
	'EmailLibraryName',
	'ContentHTML',
	'ContentText',
	'Subject',
	'IncludeEmailFooter',
	'Schedule',
	'EmailCategory',
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkSender(store: CrmStore, request: Record<string, unknown>): void {
	const type = requiredText(request, 'SenderType');
	if (type === 'UserId' && !store.user(requiredText(request, 'Sender'))) {
		fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Sender user not found');
	} else if (type === 'UserEmailAddress' && !EMAIL.test(requiredText(request, 'Sender'))) {
		invalidInput('Sender must be an email address');
	} else if (!['UserId', 'UserEmailAddress', 'APICaller', 'LeadOwner'].includes(type)) {
		invalidInput('SenderType must be UserId, UserEmailAddress, APICaller or LeadOwner');
	}
}

/**
 * Send an Email to a Lead (page send-an-email-to-a-lead): the sender as SenderType/Sender, the
 * lead as RecipientType/Recipient, EmailType Html (ContentHTML, Subject) or Template
 * (EmailLibraryName), optional CC, custom e-mail fields, footer, schedule and category.
 */
function sendEmail(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, KEYS);
	checkSender(store, request);
	const recipientType = requiredText(request, 'RecipientType') as keyof typeof EMAIL_RECIPIENT_TYPES;
	const by = EMAIL_RECIPIENT_TYPES[recipientType];
	if (!by) invalidInput(`RecipientType must be one of ${Object.keys(EMAIL_RECIPIENT_TYPES).join(', ')}`);
	const recipient = requiredText(request, 'Recipient');
	const lead = by === 'id' ? store.lead(recipient) : store.leadBy('EmailAddress', recipient);
	if (!lead) fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Lead not found');
	const emailType = requiredText(request, 'EmailType');
	if (emailType === 'Html') {
		requiredText(request, 'ContentHTML');
		requiredText(request, 'Subject');
	} else if (emailType === 'Template') {
		requiredText(request, 'EmailLibraryName');
	} else {
		invalidInput('EmailType must be Html or Template');
	}
	for (const key of ['CCEmailAddress', 'RecipientEmailFields', 'ContentText', 'EmailCategory']) optionalText(request, key);
	if (request.CCEmailAddress && !EMAIL.test(String(request.CCEmailAddress))) invalidInput('CCEmailAddress must be an email address');
	optionalBoolean(request, 'IncludeEmailFooter');
	optionalDate(request, 'Schedule');
	const id = randomUUID();
	store.emails.push({ id, leadId: lead!.id, request });
	return SEND_EMAIL_REPLY(id);
}

export function emailRoutes(): CrmRoutes {
	return { 'POST /v2/EmailMarketing.svc/SendEmailToLead': { handler: ({ store, body }) => reply(sendEmail(store, body)) } };
}
