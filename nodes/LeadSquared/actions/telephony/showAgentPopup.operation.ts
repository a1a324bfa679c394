import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { ItemOperation } from '../../helpers/perItem';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor, userField } from '../common.descriptions';
import type { LeadParty, Party } from './callParties';
import { CallParties } from './callParties';

const DIRECTIONS = ['Inbound', 'Outbound'] as const;

/** The call's direction, numbers, lead and agent: the fields Show Agent Popup and Log Call share. */
export const CALL_PARTY_PROPERTIES: INodeProperties[] = [
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
		default: '',
		placeholder: 'e.g. f5c7e023-653c-11e7-b25c-023cca4497b9',
		description:
			"The LeadSquared lead the call is about. Leave empty to find the lead by the caller's number: the Source Number of an inbound call, the Destination Number of an outbound one.",
	},
	{
		...userField,
		displayName: 'Agent Name or ID',
		name: 'userId',
		description:
			'The LeadSquared user who sees the popup. Leave empty to find the agent by Agent Email, or else by the agent’s number (the Destination Number of an inbound call, the Source Number of an outbound one). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Agent Email',
		name: 'agentEmail',
		type: 'string',
		placeholder: 'e.g. rahul.menon@example.com',
		default: '',
		description: "The agent's LeadSquared login e-mail, to find the agent by when 'Agent' is empty",
	},
];

export const TAG_FIELD: INodeProperties = {
	displayName: 'Tag',
	name: 'tag',
	type: 'string',
	default: '',
	placeholder: 'e.g. Tag - Lead',
	description: 'The tag of the virtual number; LeadSquared adds it to the origin of the lead',
};

const properties: INodeProperties[] = [...CALL_PARTY_PROPERTIES, collection('Additional Fields', [TAG_FIELD])];

export const description = showOnlyFor('telephony', 'showAgentPopup', properties);

/** A call as the item gives it: checked, with its lead and agent still to be found when not given by ID. */
export interface Call {
	body: IDataObject;
	lead: LeadParty;
	agent: Party;
}

interface Popup {
	body: IDataObject;
	leadFoundBy: Party['by'];
	agentFoundBy: Party['by'];
}

function phone(input: ItemInput, name: string, field: string, required: boolean): string {
	return input.text(name, field, { required, shape: 'phone' });
}

export function readCall(input: ItemInput): Call {
	const tag = input.text('tag', 'Tag', {}, input.collection('additionalFields', 'Additional Fields').tag).trim();
	const direction = input.text('direction', 'Direction', { required: true, oneOf: DIRECTIONS });
	const numbers = {
		source: { phone: phone(input, 'sourceNumber', 'Source Number', true), field: 'Source Number' },
		destination: { phone: phone(input, 'destinationNumber', 'Destination Number', true), field: 'Destination Number' },
	};
	// LeadSquared: inbound, the source is the lead and the destination the agent; outbound, the reverse.
	const [callerSide, agentSide] = direction === 'Inbound' ? [numbers.source, numbers.destination] : [numbers.destination, numbers.source];
	const leadId = input.text('leadId', 'Lead ID').trim();
	const userId = input.text('userId', 'Agent').trim();
	const agentEmail = userId ? '' : input.text('agentEmail', 'Agent Email', { shape: 'email' });
	return {
		body: {
			SourceNumber: numbers.source.phone,
			DestinationNumber: numbers.destination.phone,
			DisplayNumber: phone(input, 'displayNumber', 'Display Number', false),
			Direction: direction,
			CallSessionId: input.text('callSessionId', 'Call Session ID').trim(),
			...(tag ? { Tag: tag } : {}),
		},
		lead: leadId ? { by: 'id', id: leadId } : { by: 'phone', ...callerSide },
		agent: userId ? { by: 'id', id: userId } : agentEmail ? { by: 'email', email: agentEmail } : { by: 'phone', ...agentSide },
	};
}

/** Finds the lead and the agent before any popup is shown, so that an item whose lead or agent is not found stops nothing half-sent. */
async function prepare(input: ItemInput, parties: CallParties): Promise<Popup> {
	const call = readCall(input);
	const UserId = await parties.userId(call.agent, input.itemIndex);
	const LeadId = await parties.leadId(call.lead, input.itemIndex);
	return { body: { ...call.body, LeadId, UserId }, leadFoundBy: call.lead.by, agentFoundBy: call.agent.by };
}

async function send(this: IExecuteFunctions, popup: Popup, itemIndex: number): Promise<IDataObject> {
	const { body } = popup;
	const response = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.agentPopup,
		body,
		replaySafe: false,
		itemIndex,
	})) as IDataObject;
	const message = (response?.Message ?? {}) as IDataObject;
	return {
		success: response?.Status === 'Success',
		popupId: (message.Id as string | undefined) ?? null,
		message: (message.Message as string | undefined) ?? null,
		leadId: body.LeadId,
		leadFoundBy: popup.leadFoundBy,
		userId: body.UserId,
		agentFoundBy: popup.agentFoundBy,
		direction: body.Direction,
		callSessionId: body.CallSessionId || null,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const parties = new CallParties(this);
	const operation: ItemOperation<Popup> = { prepare: async (input) => await prepare(input, parties), send };
	return await runPerItem.call(this, items, operation);
}
