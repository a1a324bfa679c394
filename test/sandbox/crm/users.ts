import { reply, sameId } from './common';
import type { CrmRoutes } from './routeTypes';

const BASE = '/v2/UserManagement.svc';

export function userRoutes(): CrmRoutes {
	return {
		[`GET ${BASE}/Users.Get`]: { handler: ({ store }) => reply(store.account.users) },
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
