import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor, userField } from '../common.descriptions';

const DIRECTIONS = ['Inbound', 'Outbound'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Inbound', value: 'Inbound', description: 'The lead calls an agent' },
			{ name: 'Outbound', value: 'Outbound', description: 'An agent calls the lead' },
		],
		default: 'Inbound',
	},
	{
		displayName: 'Source Number',
		name: 'sourceNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +91-8611795988',
		description: "Who placed the call: the lead's number for an inbound call, the agent's for an outbound one",
	},
	{
		displayName: 'Destination Number',
		name: 'destinationNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +91-8971373363',
		description: "Who was called: the agent's number for an inbound call, the lead's for an outbound one",
	},
	{
		displayName: 'Display Number',
		name: 'displayNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +91-8611795989',
		description: 'The IVR (virtual) number the call came through',
	},
	{
		displayName: 'Call Session ID',
		name: 'callSessionId',
		type: 'string',
		default: '',
		description: "Your telephony provider's unique ID of the call",
	},
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. f5c7e023-653c-11e7-b25c-023cca4497b9',
		description: 'The LeadSquared lead the call is about',
	},
	{
		...userField,
		displayName: 'Agent Name or ID',
		name: 'userId',
		required: true,
		description:
			'The LeadSquared user who sees the popup. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	collection('Additional Fields', [
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'e.g. Tag - Lead',
			description: 'The tag of the virtual number; LeadSquared adds it to the origin of the lead',
		},
	]),
];

export const description = showOnlyFor('telephony', 'showAgentPopup', properties);

function phone(input: ItemInput, name: string, field: string, required: boolean): string {
	return input.text(name, field, { required, shape: 'phone' });
}

function prepare(this: IExecuteFunctions, input: ItemInput): IDataObject {
	const tag = input.text('tag', 'Tag', {}, input.collection('additionalFields', 'Additional Fields').tag).trim();
	return {
		SourceNumber: phone(input, 'sourceNumber', 'Source Number', true),
		DestinationNumber: phone(input, 'destinationNumber', 'Destination Number', true),
		DisplayNumber: phone(input, 'displayNumber', 'Display Number', false),
		Direction: input.text('direction', 'Direction', { required: true, oneOf: DIRECTIONS }),
		CallSessionId: input.text('callSessionId', 'Call Session ID').trim(),
		LeadId: input.text('leadId', 'Lead ID', { required: true }).trim(),
		...(tag ? { Tag: tag } : {}),
		UserId: input.text('userId', 'Agent', { required: true }).trim(),
	};
}

async function send(this: IExecuteFunctions, popup: IDataObject, itemIndex: number): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.agentPopup,
		body: popup,
		replaySafe: false,
		itemIndex,
	})) as IDataObject;
	const message = (response?.Message ?? {}) as IDataObject;
	return {
		success: response?.Status === 'Success',
		popupId: (message.Id as string | undefined) ?? null,
		message: (message.Message as string | undefined) ?? null,
		leadId: popup.LeadId,
		userId: popup.UserId,
		direction: popup.Direction,
		callSessionId: popup.CallSessionId || null,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
