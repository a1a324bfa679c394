import type { SandboxAccount, SandboxUser } from '../fixtures';
import type { Json } from './common';
import { invalidInput, isObject, lsqDate, objectBody, optionalText, rejectUnknownKeys, reply, requiredText, sameId } from './common';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { CHECK_IN_PATH, USERS_GET_LISTS_PHONES } from './unconfirmed';

const BASE = '/v2/UserManagement.svc';

/** A user as Users.Get lists it: its page shows no phone numbers. */
function listed(account: SandboxAccount, user: SandboxUser): Partial<SandboxUser> {
	if (account.usersGetListsPhones ?? USERS_GET_LISTS_PHONES) return user;
	const { PhoneMain: _main, PhoneMobile: _mobile, PhoneOthers: _others, ...listedFields } = user;
	return listedFields;
}

function coordinate(request: Json, key: string, limit: number): number | undefined {
	const value = request[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || Math.abs(value) > limit) invalidInput(`${key} must be a number from -${limit} to ${limit}`);
	return value as number;
}

/**
 * Check-In User and Check-Out User (pages check-in-user, check-out-user): the user is the one whose
 * keys the call carries; "Source" is mandatory, Location, Latitude, Longitude, AvailabilityStatus
 * (check-in: Online, Away or Offline; check-out: only Offline, "not case sensitive") and
 * OtherDetails ("any key-value pairs") optional. The answer is the pages'.
 */
function checkInOrOut(store: CrmStore, body: unknown, checkIn: boolean) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['Source', 'Location', 'Latitude', 'Longitude', 'AvailabilityStatus', 'OtherDetails']);
	const source = requiredText(request, 'Source');
	const status = optionalText(request, 'AvailabilityStatus');
	const allowed = checkIn ? ['online', 'away', 'offline'] : ['offline'];
	if (status !== undefined && !allowed.includes(status.toLowerCase())) {
		invalidInput(checkIn ? 'AvailabilityStatus must be Online, Away or Offline' : "AvailabilityStatus can only be 'Offline' while checking-out");
	}
	if (request.OtherDetails !== undefined && !isObject(request.OtherDetails)) invalidInput('OtherDetails must be an object of key-value pairs');
	const on = store.now();
	store.checkIns.push({
		userId: store.keyOwner.ID,
		checkIn,
		on,
		source,
		location: optionalText(request, 'Location'),
		latitude: coordinate(request, 'Latitude', 90),
		longitude: coordinate(request, 'Longitude', 180),
		availabilityStatus: status,
		otherDetails: request.OtherDetails as Json | undefined,
	});
	return { Status: 'Success', Message: { ResponseText: `User successfully checked ${checkIn ? 'in' : 'out'} on ${lsqDate(on)}` } };
}

export function userRoutes(): CrmRoutes {
	return {
		[`GET ${BASE}/Users.Get`]: { handler: ({ store }) => reply(store.account.users.map((user) => listed(store.account, user))) },
		// LeadSquared's page: `[user]` with the ID as UserId, and [] for a user that does not exist or is inactive.
		[`GET ${BASE}/User/Retrieve/ByUserId`]: {
			handler: ({ store, query }) => {
				const user = store.account.users.find((u) => sameId(u.ID, query.get('userId')));
				if (!user || user.StatusCode !== 0) return reply([]);
				const { ID, StatusCode: _status, ...details } = user;
				return reply([{ UserId: ID, ...details }]);
			},
		},
		[`POST ${CHECK_IN_PATH}`]: { handler: ({ store, body }) => reply(checkInOrOut(store, body, true)) },
		[`POST ${BASE}/User/CheckOut`]: { handler: ({ store, body }) => reply(checkInOrOut(store, body, false)) },
	};
}
