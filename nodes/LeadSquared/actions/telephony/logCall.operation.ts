import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { ItemOperation } from '../../helpers/perItem';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import type { Party } from './callParties';
import { CallParties } from './callParties';
import { CALL_PARTY_PROPERTIES, readCall, TAG_FIELD } from './showAgentPopup.operation';

/**
 * The call statuses of the page call-log-api-for-leadsquared-generic-telephony-connector. Its
 * example sends "Answered"; the readable copy of its list is cut after that, so NotAnswered is the
 * connector's other documented state. An expression may send any other status LeadSquared knows.
 */
export const CALL_STATUSES = ['Answered', 'NotAnswered'] as const;

/** The page: "You can pass any string of maximum 50 characters". */
const CALLER_SOURCE_MAX = 50;

const AGENT_DESCRIPTION =
	'The LeadSquared user who handled the call. Leave empty to find the agent by Agent Email, or else by the agent’s number (the Destination Number of an inbound call, the Source Number of an outbound one). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

const properties: INodeProperties[] = [
	...CALL_PARTY_PROPERTIES.map((property) => (property.name === 'userId' ? { ...property, description: AGENT_DESCRIPTION } : property)),
	{
		displayName: 'Call Status',
		name: 'callStatus',
		type: 'options',
		options: [
			{ name: 'Answered', value: 'Answered' },
			{ name: 'Not Answered', value: 'NotAnswered' },
		],
		default: 'Answered',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the call started; sent to LeadSquared in UTC',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the call ended; sent to LeadSquared in UTC',
	},
	{
		displayName: 'Call Duration (Seconds)',
		name: 'callDuration',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How long the conversation lasted, in seconds',
	},
	collection('Additional Fields', [
		{
			displayName: 'Caller Source',
			name: 'callerSource',
			type: 'string',
			default: '',
			placeholder: 'e.g. Newspaper Advertisement',
			description: 'Where the caller came from, at most 50 characters',
		},
		{
			displayName: 'Recording URL',
			name: 'resourceUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://recordings.example.com/12345.mp3',
			description: "Where the call's recording can be played",
		},
		TAG_FIELD,
	]),
];

export const description = showOnlyFor('telephony', 'logCall', properties);

interface CallLog {
	body: IDataObject;
	leadFoundBy: Party['by'];
	agentFoundBy: Party['by'];
}

function readTimes(input: ItemInput): IDataObject {
	const StartTime = input.dateTime('startTime', 'Start Time', { required: true });
	const EndTime = input.dateTime('endTime', 'End Time', { required: true });
	// Both are "YYYY-MM-DD HH:MM:SS" in UTC, so comparing the texts compares the times.
	if (EndTime < StartTime) throw input.error('End Time', `must not be before the Start Time (${StartTime} UTC; got ${EndTime} UTC)`);
	return { StartTime, EndTime, CallDuration: input.wholeNumber('callDuration', 'Call Duration (Seconds)', { required: true, min: 0 }) };
}

function readDetails(input: ItemInput): IDataObject {
	const extra = input.collection('additionalFields', 'Additional Fields');
	const CallerSource = input.text('callerSource', 'Caller Source', { maxChars: CALLER_SOURCE_MAX }, extra.callerSource).trim();
	const ResourceURL = input.text('resourceUrl', 'Recording URL', { url: true }, extra.resourceUrl).trim();
	return {
		Status: input.text('callStatus', 'Call Status', { required: true }).trim(),
		...(CallerSource ? { CallerSource } : {}),
		...(ResourceURL ? { ResourceURL } : {}),
	};
}

/** Checks everything and finds the lead and the agent before the call is logged, so a bad item logs nothing. */
async function prepare(input: ItemInput, parties: CallParties): Promise<CallLog> {
	const call = readCall(input);
	const body = { ...call.body, ...readTimes(input), ...readDetails(input) };
	const UserId = await parties.userId(call.agent, input.itemIndex);
	const LeadId = await parties.leadId(call.lead, input.itemIndex);
	return { body: { ...body, LeadId, UserId }, leadFoundBy: call.lead.by, agentFoundBy: call.agent.by };
}

async function send(this: IExecuteFunctions, log: CallLog, itemIndex: number): Promise<IDataObject> {
	// Not replay-safe: a repeat after a 5xx would log the call twice.
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.logCall,
		body: log.body,
		replaySafe: false,
		itemIndex,
	});
	return { response: response as IDataObject, sent: log.body, leadFoundBy: log.leadFoundBy, agentFoundBy: log.agentFoundBy };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const parties = new CallParties(this);
	const operation: ItemOperation<CallLog> = { prepare: async (input) => await prepare(input, parties), send };
	return await runPerItem.call(this, items, operation);
}
