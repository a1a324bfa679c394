import { fail, reply } from './common';
import type { CrmRoutes } from './routeTypes';
import { BUSINESS_EXCEPTION_STATUS } from './unconfirmed';

const BASE = '/v2/UserManagement.svc';

export function userRoutes(): CrmRoutes {
	return {
		[`GET ${BASE}/Users.Get`]: { handler: ({ store }) => reply(store.account.users) },
		[`GET ${BASE}/User/Retrieve/ByUserId`]: {
			handler: ({ store, query }) => {
				const user = store.user(query.get('userId') ?? '');
				if (!user || user.ID.toLowerCase() !== (query.get('userId') ?? '').toLowerCase()) {
					fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'User not found');
				}
				return reply(user);
			},
		},
	};
}
