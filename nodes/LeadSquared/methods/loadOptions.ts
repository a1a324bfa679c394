import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';

const fullName = (user: IDataObject) =>
	[user.FirstName, user.LastName].filter((part) => typeof part === 'string' && part.trim()).join(' ');

/** Active users (StatusCode 0) of the account, for user pickers. */
export async function getActiveUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.users,
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

/** Active users, after an empty choice meaning the user whose keys the credential holds. */
export async function getActiveUsersOrKeyOwner(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [{ name: "The Credential's User (Default)", value: '' }, ...(await getActiveUsers.call(this))];
}

async function leadFields(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const fields = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.leadFields,
		qs: { excludeOptionSets: 1 },
		replaySafe: true,
	})) as IDataObject[];
	return (Array.isArray(fields) ? fields : []).filter((field) => typeof field.SchemaName === 'string');
}

const asOption = (field: IDataObject): INodePropertyOptions => ({
	name: `${String(field.DisplayName ?? field.SchemaName)} (${String(field.SchemaName)})`,
	value: String(field.SchemaName),
	description: [field.DataType, field.IsMandatory ? 'required' : undefined].filter(Boolean).join(', '),
});

/** Lead fields of the account, by schema name. */
export async function getLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await leadFields.call(this)).map(asOption).sort((a, b) => a.name.localeCompare(b.name));
}

/** Lead columns LeadSquared's lead lists filter and sort on beyond the account's fields. */
const SYSTEM_COLUMNS = ['CreatedOn', 'ModifiedOn', 'ProspectAutoId', 'ProspectID'];

/** Lead fields and system columns, for searching and sorting. */
export async function getLeadColumns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await getLeadFields.call(this);
	const system = SYSTEM_COLUMNS.filter((column) => !fields.some((field) => field.value === column)).map((column) => ({
		name: `${column} (System)`,
		value: column,
	}));
	return [...fields, ...system].sort((a, b) => a.name.localeCompare(b.name));
}

async function identifyingFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const identifying = (await leadFields.call(this)).filter(
		(field) => ['Email', 'Phone'].includes(String(field.DataType)) || field.SchemaName === 'ProspectID',
	);
	return identifying.map(asOption).sort((a, b) => a.name.localeCompare(b.name));
}

/** Fields that identify a lead, for Search By; the first option sends no Search By. */
export async function getSearchByFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [{ name: 'None (Always Create a New Lead)', value: '' }, ...(await identifyingFields.call(this))];
}

/** The same for Create or Update and Opportunity Capture, where no Search By means LeadSquared's default. */
export async function getUpsertSearchByFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [{ name: 'Email, Then Phone (LeadSquared’s Default)', value: '' }, ...(await identifyingFields.call(this))];
}
