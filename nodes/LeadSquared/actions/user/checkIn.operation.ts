import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { OPERATION_URL_OVERRIDES } from '../../transport/unconfirmedCalls';
import { showOnlyFor } from '../common.descriptions';
import { endpointOverrideOptions, readEndpointOverride } from '../endpointOverrideOption';
import { AVAILABILITY_DETAILS, AVAILABILITY_PROPERTIES, readAvailability, sendAvailability } from './availability';

const CHECK_IN_OVERRIDE = OPERATION_URL_OVERRIDES.userCheckIn;

/** Page check-in-user: "The availability status of the user (Online, Away and Offline)". */
export const AVAILABILITY_STATUSES = ['Online', 'Away', 'Offline'] as const;

const properties: INodeProperties[] = [
	...AVAILABILITY_PROPERTIES,
	{
		displayName: 'Availability Status',
		name: 'availabilityStatus',
		type: 'options',
		options: AVAILABILITY_STATUSES.map((status) => ({ name: status, value: status })),
		default: 'Online',
		description: 'How available the user is once checked in',
	},
	AVAILABILITY_DETAILS,
	endpointOverrideOptions(CHECK_IN_OVERRIDE, ENDPOINTS.userCheckIn),
];

export const description = showOnlyFor('user', 'checkIn', properties);

interface CheckIn {
	body: IDataObject;
	url?: string;
}

function prepare(input: ItemInput): CheckIn {
	const AvailabilityStatus = input.text('availabilityStatus', 'Availability Status', { required: true, oneOf: AVAILABILITY_STATUSES });
	return { body: readAvailability(input, { AvailabilityStatus }), url: readEndpointOverride(input, CHECK_IN_OVERRIDE) };
}

async function send(this: IExecuteFunctions, checkIn: CheckIn, itemIndex: number): Promise<IDataObject> {
	const call = { endpoint: ENDPOINTS.userCheckIn, url: checkIn.url, unconfirmed: 'userCheckIn' as const };
	return await sendAvailability.call(this, call, checkIn.body, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
