import type { IDataObject } from 'n8n-workflow';

import { useCrmNodeTests } from '../harness/crmNodeTests';
import { leadBy } from '../harness/crmFixtures';
import { runNode } from '../harness/engine';
import { SEND_EMAIL_PARAMETERS, SEND_EMAIL_PATH } from '../harness/fileEmailCases';
import { DEMO_USERS } from '../sandbox/fixtures';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

const send = async (parameters: IDataObject, items: IDataObject[] = [{ email: fixtures().email, html: '<p>Hi</p>' }]) =>
	await runNode({ parameters: { ...SEND_EMAIL_PARAMETERS, ...parameters }, credentials: credentials(), items });

const bodies = () => sandbox().requestsTo(SEND_EMAIL_PATH).map((request) => request.body);

describe('Email → Send', () => {
	it('sends an HTML e-mail to the lead named by e-mail, in the page’s form, and outputs the answer with what was sent', async () => {
		const { items, error } = await send({});
		expect(error).toBeUndefined();
		const sent = {
			SenderType: 'APICaller',
			RecipientType: 'LeadEmailAddress',
			Recipient: fixtures().email,
			EmailType: 'Html',
			Subject: 'Welcome',
			ContentHTML: '<p>Hi</p>',
		};
		expect(bodies()).toEqual([sent]);
		expect(items[0].json).toMatchObject({ response: { Status: 'Success' }, sent });
		expect(crm().emails.at(-1)).toMatchObject({ leadId: fixtures().leadId, request: sent });
	});

	it('sends a template from a chosen user to a lead given by ID, with the additional fields', async () => {
		const [asha] = DEMO_USERS;
		const { error } = await send({
			lead: leadBy('id', fixtures().leadId),
			senderType: 'UserId',
			senderUserId: asha.ID,
			emailType: 'Template',
			subject: '',
			emailLibraryName: 'Welcome Series',
			additionalFields: {
				ccEmailAddress: asha.EmailAddress,
				emailCategory: 'Newsletter',
				includeEmailFooter: false,
				recipientEmailFields: 'mx_Secondary_Email',
				schedule: '2030-01-31T20:00:00+05:30',
				contentText: 'Hi',
			},
		});
		expect(error).toBeUndefined();
		expect(bodies()).toEqual([
			{
				SenderType: 'UserId',
				Sender: asha.ID,
				RecipientType: 'LeadId',
				Recipient: fixtures().leadId,
				EmailType: 'Template',
				EmailLibraryName: 'Welcome Series',
				ContentText: 'Hi',
				CCEmailAddress: asha.EmailAddress,
				RecipientEmailFields: 'mx_Secondary_Email',
				Schedule: '2030-01-31 14:30:00',
				EmailCategory: 'Newsletter',
				IncludeEmailFooter: false,
			},
		]);
	});

	it('refuses a bad sender address, a missing subject and a bad CC before anything is sent', async () => {
		const sender = await send({ senderType: 'UserEmailAddress', senderEmail: 'marketeer' });
		expect(sender.error?.message).toBe(`'Sender E-Mail Address' must be an e-mail address like priya@example.com (got "marketeer") [item 0]`);
		const subject = await send({ subject: '={{ "" }}' });
		expect(subject.error?.message).toBe("'Subject' is required [item 0]");
		const cc = await send({ additionalFields: { ccEmailAddress: 'nobody' } });
		expect(cc.error?.message).toBe(`'CC E-Mail Address' must be an e-mail address like priya@example.com (got "nobody") [item 0]`);
		expect(sandbox().requests).toEqual([]);
	});

	it('when LeadSquared refuses a lead sent by ID, the error names that assumption; by e-mail it does not', async () => {
		sandbox().setFaults([{ kind: 'status400', path: SEND_EMAIL_PATH }]);
		const byId = await send({ lead: leadBy('id', fixtures().leadId) });
		expect(byId.error?.description).toContain('The lead was sent as RecipientType LeadId, an assumption');
		const byEmail = await send({});
		expect(byEmail.error?.message).toMatch(/^LeadSquared refused the request \(400\)/);
		expect(byEmail.error?.description).not.toContain('RecipientType');
	});
});
