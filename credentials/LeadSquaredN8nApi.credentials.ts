import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * An API key of n8n's own public API, which the LeadSquared Capture Trigger reads executions with:
 * the captures that Capture (Async) made on any n8n instance (main or worker) are in their output.
 */
export class LeadSquaredN8nApi implements ICredentialType {
	name = 'leadSquaredN8nApi';

	displayName = 'LeadSquared Capture Trigger Executions API';

	documentationUrl = 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared#n8n-api-credential';

	icon: Icon = { light: 'file:../icons/leadsquared.svg', dark: 'file:../icons/leadsquared.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"An API key of this n8n, from Settings > n8n API, created by a user who can see the workflows that capture leads (e.g. the owner). The trigger only reads executions and workflows.",
		},
		{
			displayName: 'n8n URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:5678',
			placeholder: 'e.g. https://n8n.example.com',
			required: true,
			description: "The address this n8n's main instance answers on, as the trigger reaches it (without /api/v1)",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/api/v1',
			url: '/executions',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'n8n rejected the API key (401). Create one under Settings > n8n API.' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: "No n8n API answered at this URL (404). Check the n8n URL, and that n8n's public API is enabled (N8N_PUBLIC_API_DISABLED is not true).",
				},
			},
		],
	};
}
