import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listOf, opportunityTypesOf } from '../helpers/typeLists';
import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Activity types of the account, by event code. */
export async function getActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listOf.call(this, ENDPOINTS.activityTypes, 'activityTypes'))
		.filter((type) => typeof type.ActivityEvent === 'number')
		.map((type) => ({
			name: `${String(type.DisplayName ?? type.ActivityEvent)} (${String(type.ActivityEvent)})`,
			value: type.ActivityEvent as number,
		}))
		.sort(byName);
}

/** The fields of the chosen activity type. */
export async function getActivityFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const code = this.getCurrentNodeParameter('activityEvent');
	if (code === undefined || code === '' || typeof code === 'object') return [];
	const answer = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.activityTypeSettings,
		qs: { code: String(code) },
		replaySafe: true,
	})) as IDataObject;
	const fields = Array.isArray(answer?.Fields) ? (answer.Fields as IDataObject[]) : [];
	return fields
		.filter((field) => typeof field.SchemaName === 'string')
		.map((field) => ({
			name: `${String(field.DisplayName ?? field.SchemaName)} (${String(field.SchemaName)})`,
			value: String(field.SchemaName),
			description: [field.DataType, field.IsMandatory ? 'required' : undefined].filter(Boolean).join(', '),
		}))
		.sort(byName);
}

/** Task types by name, as Task Create and Update send them (TaskType.Name), from RetrieveTaskType. */
export async function getTaskTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listOf.call(this, ENDPOINTS.taskTypes))
		.filter((type) => typeof type.Name === 'string')
		.map((type) => ({ name: String(type.Name), value: String(type.Name) }))
		.sort(byName);
}

/** Task types by ID, as Get Tasks filters on them (TypeName takes the type's ID). */
export async function getTaskTypeIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listOf.call(this, ENDPOINTS.taskTypes))
		.filter((type) => typeof type.Name === 'string' && typeof type.Id === 'string')
		.map((type) => ({ name: String(type.Name), value: String(type.Id) }))
		.sort(byName);
}

/** Opportunity types of the account, by event code. */
export async function getOpportunityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await opportunityTypesOf.call(this)).map(({ code, name }) => ({ name: `${name} (${code})`, value: code })).sort(byName);
}
