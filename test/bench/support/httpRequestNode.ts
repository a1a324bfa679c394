import { DEMO_ACCOUNT } from '../../sandbox/fixtures';
import type { WorkflowNode } from '../../e2e/support/tooling';

/**
 * n8n's HTTP Request node POSTing a JSON body to `url`, the keys as plain headers as a user
 * following LeadSquared's docs would send them; `options` as its Options (defaults when empty).
 */
export function httpRequestNode(url: string, jsonBody: string, options: Record<string, unknown> = {}): Pick<WorkflowNode, 'type' | 'typeVersion' | 'parameters'> {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.3,
		parameters: {
			method: 'POST',
			url,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'x-LSQ-AccessKey', value: DEMO_ACCOUNT.accessKey },
					{ name: 'x-LSQ-SecretKey', value: DEMO_ACCOUNT.secretKey },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options,
		},
	};
}
