import type { CrmCase } from './crmCases';
import { leadBy } from './crmFixtures';

export const FILE_UPLOAD_PATH = '/File/Upload';

export const SEND_EMAIL_PATH = '/v2/EmailMarketing.svc/SendEmailToLead';

/** File → Upload of the item's `data` file as a lead attachment to the lead the item names. */
export const FILE_UPLOAD_PARAMETERS = {
	resource: 'file',
	operation: 'upload',
	lead: leadBy('id', '={{ $json.leadId }}'),
	binaryPropertyName: 'data',
	fileType: '3',
};

/** Email → Send of an HTML e-mail to the lead the item names by e-mail (the page's RecipientType). */
export const SEND_EMAIL_PARAMETERS = {
	resource: 'email',
	operation: 'send',
	lead: leadBy('email', '={{ $json.email }}'),
	senderType: 'APICaller',
	emailType: 'Html',
	subject: 'Welcome',
	contentHtml: '={{ $json.html }}',
};

/**
 * Email → Send in the failure table: a write, so never sent again after a 5xx. (File → Upload
 * needs binary input items, so its failures are tested in fileUpload.test.ts.)
 */
export const EMAIL_CASES: CrmCase[] = [
	{
		name: 'Email → Send',
		method: 'POST',
		path: SEND_EMAIL_PATH,
		replaySafe: false,
		parameters: SEND_EMAIL_PARAMETERS,
		good: (f) => ({ email: f.email, html: '<p>Welcome</p>' }),
		bad: { email: 'not-an-email', html: '<p>Welcome</p>' },
		badError: /^'Lead' must be an e-mail address like priya@example\.com \(got "not-an-email"\) \[item 1\]$/,
	},
];
