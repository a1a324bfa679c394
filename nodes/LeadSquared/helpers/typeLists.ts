import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../transport';
import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';
import type { UnconfirmedCall } from '../transport/unconfirmedCalls';

/** One of LeadSquared's type lists (a GET answering an array). */
export async function listOf(this: RequestContext, endpoint: string, unconfirmed?: UnconfirmedCall): Promise<IDataObject[]> {
	const answer = await leadSquaredRequest.call(this, { host: 'api', method: 'GET', endpoint, replaySafe: true, unconfirmed });
	return Array.isArray(answer) ? (answer as IDataObject[]) : [];
}

/** The account's opportunity types (GetOpportunityTypes, a path no readable page shows): code and name. */
export async function opportunityTypesOf(this: RequestContext): Promise<Array<{ code: number; name: string }>> {
	return (await listOf.call(this, ENDPOINTS.opportunityTypes, 'opportunityTypes'))
		.filter((type) => type.Code !== null && type.Code !== '' && Number.isInteger(Number(type.Code)))
		.map((type) => ({ code: Number(type.Code), name: String(type.DisplayName ?? type.Name ?? type.Code) }));
}
