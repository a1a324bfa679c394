import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { describe, quote } from '../../helpers/itemInput';
import type { LeadSquaredCall } from '../../transport';
import { leadSquaredRequest } from '../../transport';
import { collection } from '../common.descriptions';

/**
 * What Check In and Check Out share (pages check-in-user, check-out-user): a mandatory Source and
 * optional Location, Latitude, Longitude and OtherDetails ("any key-value pairs"). Both act on the
 * user whose keys the credential holds: the pages take no user.
 */
export const AVAILABILITY_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'string',
		required: true,
		default: 'API',
		placeholder: 'e.g. WebApp',
		description: "Where the user checks in or out from; LeadSquared's examples are MobileApp, WebApp and API",
	},
];

export const AVAILABILITY_DETAILS = collection('Additional Fields', [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		default: 0,
		description: 'Of the place the user is at (LeadSquared: for mobile app check-ins and check-outs)',
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bangalore',
		description: 'A city, state or other place name',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		default: 0,
		description: 'Of the place the user is at (LeadSquared: for mobile app check-ins and check-outs)',
	},
	{
		displayName: 'Other Details',
		name: 'otherDetails',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Detail',
		default: {},
		description: 'Any key-value pairs to keep with the check-in or check-out',
		options: [
			{
				displayName: 'Detail',
				name: 'detail',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
]);

function coordinate(input: ItemInput, field: string, value: unknown, limit: number): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	if (!Number.isFinite(number) || Math.abs(number) > limit) {
		throw input.error(field, `must be a number from -${limit} to ${limit} (got ${quote(value)})`);
	}
	return number;
}

function otherDetails(input: ItemInput, raw: unknown): IDataObject | undefined {
	const entries = (raw as { detail?: Array<{ key?: unknown; value?: unknown }> } | undefined)?.detail ?? [];
	if (!entries.length) return undefined;
	const details: IDataObject = {};
	for (const entry of entries) {
		const key = input.text('otherDetails', 'Other Details → Key', { required: true }, entry.key).trim();
		if (key in details) throw input.error('Other Details', `has the key ${quote(key)} twice`);
		if (entry.value !== null && typeof entry.value === 'object') {
			throw input.error('Other Details', `has ${quote(key)}, which must be text, a number or true/false, but it is ${describe(entry.value)}`);
		}
		details[key] = entry.value === undefined || entry.value === null ? '' : String(entry.value);
	}
	return details;
}

/** The body both pages take, checked; `extra` is what only one of them sends (Check In's AvailabilityStatus). */
export function readAvailability(input: ItemInput, extra: IDataObject = {}): IDataObject {
	const Source = input.text('source', 'Source', { required: true }).trim();
	const fields = input.collection('additionalFields', 'Additional Fields');
	const Location = input.text('location', 'Location', {}, fields.location).trim();
	const Latitude = coordinate(input, 'Latitude', fields.latitude, 90);
	const Longitude = coordinate(input, 'Longitude', fields.longitude, 180);
	const OtherDetails = otherDetails(input, fields.otherDetails);
	return {
		Source,
		...(Location ? { Location } : {}),
		...(Latitude === undefined ? {} : { Latitude }),
		...(Longitude === undefined ? {} : { Longitude }),
		...extra,
		...(OtherDetails ? { OtherDetails } : {}),
	};
}

/**
 * Sends a check-in or check-out. Not replay-safe: a repeat would add a second entry to the user's
 * check-in history. The output is the answer's `ResponseText` ("User successfully checked in on …")
 * and the body that was sent.
 */
export async function sendAvailability(
	this: IExecuteFunctions,
	call: Pick<LeadSquaredCall, 'endpoint' | 'url' | 'unconfirmed'>,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, { host: 'api', method: 'POST', ...call, body, replaySafe: false, itemIndex })) as IDataObject;
	const message = (response?.Message ?? {}) as IDataObject;
	return { success: response?.Status === 'Success', message: (message.ResponseText as string | undefined) ?? null, sent: body };
}
