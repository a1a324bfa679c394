import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import type { ItemOperation } from '../../helpers/perItem';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor } from '../common.descriptions';
import type { Party } from './callParties';
import { CallParties } from './callParties';
import { CALL_PARTY_PROPERTIES } from './showAgentPopup.operation';

/** The agent fields of Log Call, here for the page's OwnerId ("User Id of the lead owner"), which is optional. */
const OWNER_PROPERTIES = CALL_PARTY_PROPERTIES.filter((property) => ['userId', 'agentEmail'].includes(property.name)).map(
	(property): INodeProperties =>
		property.name === 'userId'
			? {
					...property,
					description:
						'Sent as the OwnerId, which LeadSquared\'s page calls the user ID of the lead owner. Leave empty to find the user by Agent Email, or to send no owner. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				}
			: { ...property, description: "The owner's LeadSquared login e-mail, to find the owner by when 'Agent' is empty" },
);

const properties: INodeProperties[] = [
	{
		displayName: 'Activity ID',
		name: 'activityId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 15d16ba6-91fe-11e7-b0ab-02e89b2fb8f4',
		description: 'The phone call activity to update, e.g. the ID Log Call answered or Activity → Get Many gives',
	},
	collection('Update Fields', [
		{
			displayName: 'Call Duration (Seconds)',
			name: 'callDuration',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How long the call lasted, in seconds',
		},
		{
			displayName: 'Recording URL',
			name: 'recordingUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://recordings.example.com/12345.mp3',
			description: "Where the call's recording can be played",
		},
	]),
	...OWNER_PROPERTIES,
];

export const description = showOnlyFor('telephony', 'updateCallActivity', properties);

interface CallUpdate {
	body: IDataObject;
	owner?: Party;
}

/** The page: ActivityId is mandatory, and "either one of – Recording URL or Call Duration"; the duration "is passed as a string". */
function readUpdate(input: ItemInput): CallUpdate {
	const ActivityId = input.text('activityId', 'Activity ID', { required: true, shape: 'id' });
	const fields = input.collection('updateFields', 'Update Fields');
	const RecordingURL = input.text('recordingUrl', 'Recording URL', { url: true }, fields.recordingUrl).trim();
	const duration = input.wholeNumber('callDuration', 'Call Duration (Seconds)', { min: 0 }, fields.callDuration);
	if (!RecordingURL && duration === undefined) {
		throw input.error('Update Fields', 'has neither a Recording URL nor a Call Duration (Seconds); LeadSquared needs at least one');
	}
	const userId = input.text('userId', 'Agent', { shape: 'id' });
	const email = userId ? '' : input.text('agentEmail', 'Agent Email', { shape: 'email' });
	return {
		body: { ActivityId, ...(RecordingURL ? { RecordingURL } : {}), ...(duration === undefined ? {} : { CallDuration: String(duration) }) },
		owner: userId ? { by: 'id', id: userId } : email ? { by: 'email', email } : undefined,
	};
}

/** Checks the item and finds the owner by e-mail before anything is updated. */
async function prepare(input: ItemInput, parties: CallParties): Promise<CallUpdate> {
	const update = readUpdate(input);
	if (!update.owner) return update;
	return { ...update, body: { ...update.body, OwnerId: await parties.userId(update.owner, input.itemIndex) } };
}

async function send(this: IExecuteFunctions, update: CallUpdate, itemIndex: number): Promise<IDataObject> {
	// Setting the same recording and duration again changes nothing, so a 5xx is sent again.
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.callActivityUpdate,
		body: update.body,
		replaySafe: true,
		itemIndex,
	});
	return { response: response as IDataObject, sent: update.body, ownerFoundBy: update.owner?.by ?? null };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const parties = new CallParties(this);
	const operation: ItemOperation<CallUpdate> = { prepare: async (input) => await prepare(input, parties), send };
	return await runPerItem.call(this, items, operation);
}
