import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { leadSquaredRequest } from '../transport';

const fullName = (user: IDataObject) =>
	[user.FirstName, user.LastName].filter((part) => typeof part === 'string' && part.trim()).join(' ');

/** Active users (StatusCode 0) of the account, for user pickers. */
export async function getActiveUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		path: '/v2/UserManagement.svc/Users.Get',
		replaySafe: true,
	})) as IDataObject[];
	return (Array.isArray(users) ? users : [])
		.filter((user) => Number(user.StatusCode ?? 0) === 0 && user.ID)
		.map((user) => ({
			name: `${fullName(user) || String(user.EmailAddress ?? user.ID)}${user.EmailAddress ? ` (${String(user.EmailAddress)})` : ''}`,
			value: String(user.ID),
			description: typeof user.Role === 'string' ? user.Role : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
