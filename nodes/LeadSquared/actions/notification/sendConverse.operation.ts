import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { quote } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, endpointOverride, showOnlyFor, userField } from '../common.descriptions';

/** LeadSquared's documented limits for a Converse card. */
export const CONVERSE_LIMITS = { message: 200, description: 500, ctaLabel: 120 } as const;

const COLOR = /^(#[0-9a-f]{3,8}|rgba?\(\s*[\d.%\s,/]+\))$/i;

const properties: INodeProperties[] = [
	{
		displayName: 'Notification Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Activity', value: 'Activity' },
			{ name: 'Lead', value: 'Lead' },
			{ name: 'Opportunity', value: 'Opportunity' },
			{ name: 'Task', value: 'Task' },
		],
		default: 'Lead',
		description: 'Sets the icon of the card. Other types LeadSquared supports can be given by expression.',
	},
	{
		...userField,
		displayName: 'To User Name or ID',
		name: 'toUserId',
		required: true,
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. New lead assigned: Priya Sharma',
		description: `At most ${CONVERSE_LIMITS.message} characters`,
	},
	collection('Additional Fields', [
		{
			displayName: 'Button Label',
			name: 'ctaLabel',
			type: 'string',
			default: '',
			placeholder: 'e.g. View Lead',
			description: `Label of the card's call-to-action button, at most ${CONVERSE_LIMITS.ctaLabel} characters. Needs 'Button Link'.`,
		},
		{
			displayName: 'Button Link',
			name: 'ctaLink',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://in21.leadsquared.com/LeadManagement/LeadDetails?LeadID=…',
			description: "Where the button leads, inside or outside LeadSquared. Needs 'Button Label'.",
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: `At most ${CONVERSE_LIMITS.description} characters`,
		},
		{
			displayName: 'External Reference ID',
			name: 'externalReferenceId',
			type: 'string',
			default: '',
			description: 'Your own ID for this notification, to help LeadSquared support trace it',
		},
		{
			displayName: 'Icon Colour',
			name: 'iconColor',
			type: 'color',
			default: '',
			description: 'Background of the type icon, like #f74f67 or rgb(247, 79, 103). Empty keeps the default.',
		},
		{
			displayName: 'Invocation Source',
			name: 'invocationSource',
			type: 'string',
			default: 'n8n',
			description: 'What sent the notification, e.g. Platform or a Lapp name',
		},
	]),
	collection('Options', [endpointOverride('Converse API URL (Override)', ENDPOINTS.converseNotification)]),
];

export const description = showOnlyFor('notification', 'sendConverse', properties);

interface Converse {
	url?: string;
	body: IDataObject;
}

function prepare(this: IExecuteFunctions, input: ItemInput): Converse {
	const extra = input.collection('additionalFields', 'Additional Fields');
	const options = input.collection('options', 'Options');
	const ctaLabel = input.text('ctaLabel', 'Button Label', { maxChars: CONVERSE_LIMITS.ctaLabel }, extra.ctaLabel);
	const ctaLink = input.text('ctaLink', 'Button Link', { url: true }, extra.ctaLink).trim();
	if (Boolean(ctaLabel.trim()) !== Boolean(ctaLink)) {
		const [missing, given] = ctaLabel.trim() ? ['Button Link', 'Button Label'] : ['Button Label', 'Button Link'];
		throw input.error(missing, `is required when '${given}' is set`);
	}
	const iconColor = input.text('iconColor', 'Icon Colour', {}, extra.iconColor).trim();
	if (iconColor && !COLOR.test(iconColor)) {
		throw input.error('Icon Colour', `must be a colour like #f74f67 or rgb(247, 79, 103) (got ${quote(iconColor)})`);
	}
	const description = input.text('description', 'Description', { maxChars: CONVERSE_LIMITS.description }, extra.description);
	const referenceId = input.text('externalReferenceId', 'External Reference ID', {}, extra.externalReferenceId).trim();
	const invocationSource = input.text('invocationSource', 'Invocation Source', {}, extra.invocationSource ?? 'n8n').trim();
	const url = input.text('endpointUrl', 'Converse API URL (Override)', { url: true }, options.endpointUrl).trim();

	return {
		url: url || undefined,
		body: {
			Type: input.text('type', 'Notification Type', { required: true }).trim(),
			CardContents: {
				Message: input.text('message', 'Message', { required: true, maxChars: CONVERSE_LIMITS.message }),
				...(description ? { Description: description } : {}),
				...(ctaLink ? { CTA: { CTALabel: ctaLabel, CTALink: ctaLink } } : {}),
				...(iconColor ? { IconColorCode: iconColor } : {}),
			},
			ToUser: input.text('toUserId', 'To User', { required: true }).trim(),
			...(referenceId || invocationSource
				? {
						ExternalSource: {
							...(referenceId ? { ExternalReferenceId: referenceId } : {}),
							...(invocationSource ? { InvocationSource: invocationSource } : {}),
						},
					}
				: {}),
		},
	};
}

async function send(this: IExecuteFunctions, converse: Converse, itemIndex: number): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.converseNotification,
		url: converse.url,
		body: converse.body,
		replaySafe: false,
		itemIndex,
		unconfirmed: 'converseNotification',
	})) as IDataObject;
	const card = converse.body.CardContents as IDataObject;
	return {
		success: response?.Success === true,
		messageId: (response?.MessageID as string | undefined) ?? null,
		toUser: converse.body.ToUser,
		type: converse.body.Type,
		message: card.Message,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
