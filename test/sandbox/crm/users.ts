import type { SandboxAccount, SandboxUser } from '../fixtures';
import { reply, sameId } from './common';
import type { CrmRoutes } from './routeTypes';
import { USERS_GET_LISTS_PHONES } from './unconfirmed';

const BASE = '/v2/UserManagement.svc';

/** A user as Users.Get lists it: its page shows no phone numbers. */
function listed(account: SandboxAccount, user: SandboxUser): Partial<SandboxUser> {
	if (account.usersGetListsPhones ?? USERS_GET_LISTS_PHONES) return user;
	const { PhoneMain: _main, PhoneMobile: _mobile, PhoneOthers: _others, ...listedFields } = user;
	return listedFields;
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
	};
}
