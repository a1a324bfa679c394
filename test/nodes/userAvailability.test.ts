import type { IDataObject } from 'n8n-workflow';

import { useCrmNodeTests } from '../harness/crmNodeTests';
import { runNode } from '../harness/engine';
import { availabilityParameters, CHECK_OUT_PATH } from '../harness/userAvailabilityCases';
import { CHECK_IN_PATH } from '../sandbox/crm/unconfirmed';
import { DEMO_USERS } from '../sandbox/fixtures';

const { sandbox, credentials, crm } = useCrmNodeTests();

const place = { source: 'MobileApp', location: 'Bangalore', latitude: 38.578624, longitude: -121.497595 };

const run = async (operation: 'checkIn' | 'checkOut', items: IDataObject[], parameters: Record<string, unknown> = {}, continueOnFail = false) =>
	await runNode({ parameters: { ...availabilityParameters(operation), ...parameters }, credentials: credentials(), items, continueOnFail });

describe('User → Check In, Check Out', () => {
	it("checks the credential's user in with a status, a place and other details, then out", async () => {
		const before = crm().checkIns.length;
		const details = { otherDetails: { detail: [{ key: 'Shift', value: 'Morning' }, { key: 'Desk', value: '12' }] } };
		const checkIn = await run('checkIn', [place], { additionalFields: { ...availabilityParameters('checkIn').additionalFields, ...details } });
		expect(checkIn.error).toBeUndefined();
		const sent = { Source: 'MobileApp', Location: 'Bangalore', Latitude: 38.578624, Longitude: -121.497595, AvailabilityStatus: 'Away', OtherDetails: { Shift: 'Morning', Desk: '12' } };
		expect(sandbox().requestsTo(CHECK_IN_PATH).map((request) => request.body)).toEqual([sent]);
		expect(checkIn.items[0].json).toEqual({ success: true, message: expect.stringMatching(/^User successfully checked in on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), sent });

		const checkOut = await run('checkOut', [{ source: 'WebApp', location: '', latitude: '', longitude: '' }]);
		expect(checkOut.error).toBeUndefined();
		expect(sandbox().requestsTo(CHECK_OUT_PATH).map((request) => request.body)).toEqual([{ Source: 'WebApp' }]);
		expect(checkOut.items[0].json).toMatchObject({ success: true, message: expect.stringMatching(/^User successfully checked out on /) });

		expect(crm().checkIns.slice(before)).toEqual([
			expect.objectContaining({ userId: DEMO_USERS[0].ID, checkIn: true, source: 'MobileApp', availabilityStatus: 'Away', otherDetails: { Shift: 'Morning', Desk: '12' } }),
			expect.objectContaining({ userId: DEMO_USERS[0].ID, checkIn: false, source: 'WebApp', availabilityStatus: undefined }),
		]);
	});

	it('takes the availability status in any case by expression and sends it as the page spells it', async () => {
		const { error } = await run('checkIn', [{ ...place, status: 'online' }], { availabilityStatus: '={{ $json.status }}' });
		expect(error).toBeUndefined();
		expect(sandbox().requestsTo(CHECK_IN_PATH)[0].body).toMatchObject({ AvailabilityStatus: 'Online' });
	});

	it.each([
		['checkIn', 'an unknown availability status', { status: 'Busy' }, { availabilityStatus: '={{ $json.status }}' }, /^'Availability Status' must be one of Online, Away, Offline \(got "Busy"\) \[item 0\]$/],
		['checkIn', 'a longitude out of range', { longitude: -181 }, {}, /^'Longitude' must be a number from -180 to 180 \(got "-181"\) \[item 0\]$/],
		['checkOut', 'a latitude that is no number', { latitude: 'north' }, {}, /^'Latitude' must be a number from -90 to 90 \(got "north"\) \[item 0\]$/],
		['checkOut', 'no source', { source: '' }, {}, /^'Source' is required \[item 0\]$/],
		['checkOut', 'a detail without a key', {}, { additionalFields: { otherDetails: { detail: [{ key: ' ', value: 'x' }] } } }, /^'Other Details → Key' is required \[item 0\]$/],
		['checkIn', 'a key given twice', {}, { additionalFields: { otherDetails: { detail: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } } }, /^'Other Details' has the key "a" twice \[item 0\]$/],
	] as const)('%s: refuses %s and sends nothing', async (operation, _what, changes, parameters, message) => {
		const { error } = await run(operation, [{ ...place, ...changes }], parameters);
		expect(error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it('sends the check-in to the full URL in Options, in place of the API host and the assumed path', async () => {
		const { error } = await runNode({
			parameters: { ...availabilityParameters('checkIn'), options: { endpointUrl: `${sandbox().url}${CHECK_IN_PATH}` } },
			credentials: { ...credentials(), apiUrl: `${sandbox().url}/not-leadsquared` },
			items: [place],
		});
		expect(error).toBeUndefined();
		expect(sandbox().requestsTo(CHECK_IN_PATH)).toHaveLength(1);
	});

	it('with Continue On Fail, a bad item is an error item and the others check in, each paired', async () => {
		const { items, error } = await run('checkIn', [place, { ...place, latitude: 100 }, place], {}, true);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toEqual({ error: expect.stringMatching(/^'Latitude' must be a number/) });
		expect(sandbox().requestsTo(CHECK_IN_PATH)).toHaveLength(2);
	});
});
