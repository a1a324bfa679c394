import { CHECK_IN_PATH } from '../sandbox/crm/unconfirmed';
import type { CrmCase } from './crmCases';

export const CHECK_OUT_PATH = '/v2/UserManagement.svc/User/CheckOut';

/** Check In's and Check Out's parameters, reading the source and the place from the item. */
export const availabilityParameters = (operation: 'checkIn' | 'checkOut') => ({
	resource: 'user',
	operation,
	source: '={{ $json.source }}',
	...(operation === 'checkIn' ? { availabilityStatus: 'Away' } : {}),
	additionalFields: { location: '={{ $json.location }}', latitude: '={{ $json.latitude }}', longitude: '={{ $json.longitude }}' },
});

const good = () => ({ source: 'WebApp', location: 'Bangalore', latitude: 12.9716, longitude: 77.5946 });

/** User → Check In / Check Out in the failure table: each adds to the user's check-in history, so never sent again after a 5xx. */
export const USER_AVAILABILITY_CASES: CrmCase[] = [
	{
		name: 'User → Check In',
		method: 'POST',
		path: CHECK_IN_PATH,
		replaySafe: false,
		unconfirmed: { what: 'the check-in', overrideIn: "the operation's Options → Check-In API URL (Override)" },
		parameters: availabilityParameters('checkIn'),
		good,
		bad: { ...good(), latitude: 91 },
		badError: /^'Latitude' must be a number from -90 to 90 \(got "91"\) \[item 1\]$/,
	},
	{
		name: 'User → Check Out',
		method: 'POST',
		path: CHECK_OUT_PATH,
		replaySafe: false,
		parameters: availabilityParameters('checkOut'),
		good,
		bad: { ...good(), source: ' ' },
		badError: /^'Source' is required \[item 1\]$/,
	},
];
