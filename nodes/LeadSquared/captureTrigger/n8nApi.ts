import type { IDataObject, IN8nHttpFullResponse, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { trimSlashes } from '../transport/hosts';

export const N8N_API_CREDENTIAL = 'leadSquaredN8nApi';

const TIMEOUT_MS = 30_000;

/** An execution as n8n's public API lists it (GET /api/v1/executions). */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	finished: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	/** When n8n created it: in the answer for one execution, not in the list. */
	createdAt?: string;
}

/** One execution with its data (GET /api/v1/executions/{id}?includeData=true). */
export interface ExecutionWithData extends ExecutionSummary {
	data?: IDataObject;
	workflowData?: IDataObject;
	dataTooLargeToDisplay?: boolean;
}

export interface WorkflowSummary {
	id: string;
	name: string;
	nodes?: IDataObject[];
	settings?: IDataObject;
}

/** Statuses after which an execution's data no longer changes. */
const FINAL_STATUSES = new Set(['success', 'error', 'crashed', 'canceled']);

export function isFinal(execution: Pick<ExecutionSummary, 'status'>): boolean {
	return FINAL_STATUSES.has(execution.status);
}

export interface Page<T> {
	data: T[];
	nextCursor: string | null;
}

/** Calls to n8n's public API with the trigger's n8n API credential. */
export class N8nApi {
	constructor(
		private readonly context: IPollFunctions,
		private readonly baseUrl: string,
	) {}

	static async for(context: IPollFunctions): Promise<N8nApi> {
		const credentials = await context.getCredentials<{ baseUrl?: string }>(N8N_API_CREDENTIAL);
		return new N8nApi(context, `${trimSlashes(String(credentials.baseUrl ?? ''))}/api/v1`);
	}

	async executions(query: { limit: number; cursor?: string; workflowId?: string }): Promise<Page<ExecutionSummary>> {
		return (await this.get('/executions', { ...query, includeData: false })) as Page<ExecutionSummary>;
	}

	/** One execution, or null when n8n does not have it (deleted, or in a workflow the key cannot see). */
	async execution(id: string, includeData: boolean): Promise<ExecutionWithData | null> {
		const execution = (await this.get(`/executions/${encodeURIComponent(id)}`, { includeData }, true)) as ExecutionWithData | null;
		if (execution?.dataTooLargeToDisplay) {
			return (await this.get(`/executions/${encodeURIComponent(id)}`, { includeData, ignoreDataSizeLimit: true })) as ExecutionWithData;
		}
		return execution;
	}

	/** One workflow as stored now, or null when the key cannot see it. */
	async workflow(id: string): Promise<WorkflowSummary | null> {
		return (await this.get(`/workflows/${encodeURIComponent(id)}`, {}, true)) as WorkflowSummary | null;
	}

	async workflows(cursor?: string): Promise<Page<WorkflowSummary>> {
		return (await this.get('/workflows', { limit: 100, ...(cursor ? { cursor } : {}) })) as Page<WorkflowSummary>;
	}

	private async get(resource: string, qs: IDataObject, notFoundIsNull = false): Promise<unknown> {
		const url = `${this.baseUrl}${resource}`;
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.context.helpers.httpRequestWithAuthentication.call(this.context, N8N_API_CREDENTIAL, {
				method: 'GET',
				url,
				qs,
				json: true,
				timeout: TIMEOUT_MS,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			throw this.error(`Could not reach n8n's API at ${url}: ${(error as Error).message}`, 'Check the n8n URL of the trigger\'s n8n API credential.');
		}
		if (response.statusCode >= 200 && response.statusCode < 300) return response.body;
		if (response.statusCode === 404 && notFoundIsNull) return null;
		throw this.error(...explain(response.statusCode, url), response);
	}

	private error(message: string, description: string, response?: IN8nHttpFullResponse): NodeApiError {
		const body = response?.body && typeof response.body === 'object' ? (response.body as JsonObject) : {};
		const error = new NodeApiError(this.context.getNode(), body, {
			message,
			description,
			httpCode: response ? String(response.statusCode) : undefined,
		});
		error.message = message;
		return error;
	}
}

function explain(status: number, url: string): [string, string] {
	if (status === 401 || status === 403) {
		return [
			`n8n rejected the trigger's API key (${status})`,
			'Create an API key under Settings > n8n API (as a user who can see the workflows that capture leads) and put it in the n8n API credential.',
		];
	}
	if (status === 404) {
		return [
			`No n8n API answered at ${url} (404)`,
			"Check the n8n URL of the trigger's n8n API credential, and that n8n's public API is enabled (N8N_PUBLIC_API_DISABLED must not be true).",
		];
	}
	return [`n8n's API answered ${status} at ${url}`, ''];
}
