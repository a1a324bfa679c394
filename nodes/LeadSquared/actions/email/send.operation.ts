import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor, userField } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import { readLeadReference } from '../leadReference';

/** The SenderType values of the page send-an-email-to-a-lead, each with what "Sender" holds. */
const SENDER_TYPES = ['APICaller', 'LeadOwner', 'UserId', 'UserEmailAddress'] as const;

/** The page's example: RecipientType LeadEmailAddress with the lead's e-mail address as Recipient. */
const RECIPIENT_BY_EMAIL = 'LeadEmailAddress';

/**
 * An assumption: the page's list of RecipientType values is not readable (only its example,
 * LeadEmailAddress, is). A lead chosen from the list or by ID is sent as RecipientType LeadId;
 * choosing the lead By Email sends the page's own form instead.
 */
export const RECIPIENT_BY_ID = 'LeadId';

const EMAIL_TYPES = { html: 'Html', template: 'Template' } as const;

const properties: INodeProperties[] = [
	leadLocator(['list', 'id', 'email'], 'The lead who receives the e-mail'),
	{
		displayName: 'Sender',
		name: 'senderType',
		type: 'options',
		options: [
			{ name: 'API Caller', value: 'APICaller', description: 'The user whose keys the credential holds' },
			{ name: 'Lead Owner', value: 'LeadOwner', description: "The lead's owner" },
			{ name: 'User', value: 'UserId', description: 'A LeadSquared user, chosen below' },
			{ name: 'User E-Mail Address', value: 'UserEmailAddress', description: 'The e-mail address of a LeadSquared user' },
		],
		default: 'APICaller',
		description: 'Who the lead sees the e-mail from',
	},
	{
		...userField,
		displayName: 'Sender User Name or ID',
		name: 'senderUserId',
		required: true,
		default: '',
		displayOptions: { show: { senderType: ['UserId'] } },
	},
	{
		displayName: 'Sender E-Mail Address',
		name: 'senderEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. marketeer@example.com',
		displayOptions: { show: { senderType: ['UserEmailAddress'] } },
	},
	{
		displayName: 'Content',
		name: 'emailType',
		type: 'options',
		options: [
			{ name: 'HTML', value: EMAIL_TYPES.html, description: 'The subject and content given here' },
			{ name: 'Template', value: EMAIL_TYPES.template, description: "A template of the account's Email Library" },
		],
		default: 'Html',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'e.g. Welcome to Example Brand',
		description: 'Required for HTML content',
	},
	{
		displayName: 'HTML Content',
		name: 'contentHtml',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
		displayOptions: { show: { emailType: [EMAIL_TYPES.html] } },
	},
	{
		displayName: 'Email Library Name',
		name: 'emailLibraryName',
		type: 'string',
		required: true,
		default: '',
		description: 'The name of a template saved in the account’s Email Library',
		displayOptions: { show: { emailType: [EMAIL_TYPES.template] } },
	},
	collection('Additional Fields', [
		{ displayName: 'CC E-Mail Address', name: 'ccEmailAddress', type: 'string', default: '', description: 'A LeadSquared user to copy' },
		{ displayName: 'Email Category', name: 'emailCategory', type: 'string', default: '', description: 'An e-mail category of the account (Settings > Email Settings)' },
		{ displayName: 'Include Email Footer', name: 'includeEmailFooter', type: 'boolean', default: true, description: 'Whether the account’s e-mail footer is added' },
		{
			displayName: 'Recipient Email Field',
			name: 'recipientEmailFields',
			type: 'string',
			default: '',
			placeholder: 'e.g. mx_Secondary_Email',
			description: "Schema name of a custom e-mail field of the lead to send to. Without it LeadSquared sends to every e-mail address in the lead's custom fields.",
		},
		{ displayName: 'Schedule', name: 'schedule', type: 'dateTime', default: '', description: 'When to send; sent to LeadSquared in UTC. Empty: now.' },
		{ displayName: 'Text Content', name: 'contentText', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The plain-text version of the e-mail' },
	]),
];

export const description = showOnlyFor('email', 'send', properties);

function readSender(input: ItemInput): IDataObject {
	const SenderType = input.text('senderType', 'Sender', { required: true, oneOf: SENDER_TYPES });
	if (SenderType === 'UserId') return { SenderType, Sender: input.text('senderUserId', 'Sender User Name or ID', { required: true, shape: 'id' }) };
	if (SenderType === 'UserEmailAddress') return { SenderType, Sender: input.text('senderEmail', 'Sender E-Mail Address', { required: true, shape: 'email' }) };
	return { SenderType };
}

function readContent(input: ItemInput): IDataObject {
	const EmailType = input.text('emailType', 'Content', { required: true, oneOf: Object.values(EMAIL_TYPES) });
	const html = EmailType === EMAIL_TYPES.html;
	const Subject = input.text('subject', 'Subject', { required: html }).trim();
	if (html) return { EmailType, Subject, ContentHTML: input.text('contentHtml', 'HTML Content', { required: true }) };
	return { EmailType, EmailLibraryName: input.text('emailLibraryName', 'Email Library Name', { required: true }).trim(), ...(Subject ? { Subject } : {}) };
}

function readExtras(input: ItemInput): IDataObject {
	const extra = input.collection('additionalFields');
	const given: IDataObject = {
		ContentText: input.text('contentText', 'Text Content', {}, extra.contentText),
		CCEmailAddress: input.text('ccEmailAddress', 'CC E-Mail Address', { shape: 'email' }, extra.ccEmailAddress),
		RecipientEmailFields: input.text('recipientEmailFields', 'Recipient Email Field', { shape: 'schemaName' }, extra.recipientEmailFields),
		Schedule: input.dateTime('schedule', 'Schedule', {}, extra.schedule),
		EmailCategory: input.text('emailCategory', 'Email Category', {}, extra.emailCategory).trim(),
		...(typeof extra.includeEmailFooter === 'boolean' ? { IncludeEmailFooter: extra.includeEmailFooter } : {}),
	};
	return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== ''));
}

function prepare(input: ItemInput): IDataObject {
	const lead = readLeadReference(input);
	const recipient = { RecipientType: lead.by === 'email' ? RECIPIENT_BY_EMAIL : RECIPIENT_BY_ID, Recipient: lead.value };
	return { ...readSender(input), ...recipient, ...readContent(input), ...readExtras(input) };
}

const ASSUMED_RECIPIENT = `The lead was sent as RecipientType ${RECIPIENT_BY_ID}, an assumption (the page send-an-email-to-a-lead shows only ${RECIPIENT_BY_EMAIL}): if LeadSquared refuses it, choose the lead By Email.`;

async function send(this: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.sendEmailToLead,
		body,
		// Not replay-safe: a repeat after a 5xx could send the e-mail twice.
		replaySafe: false,
		itemIndex,
		...(body.RecipientType === RECIPIENT_BY_ID ? { assumption: ASSUMED_RECIPIENT } : {}),
	});
	return { response: response as IDataObject, sent: body };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
