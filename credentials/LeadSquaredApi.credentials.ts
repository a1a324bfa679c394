import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

import { CUSTOM_REGION, REGIONS } from '../nodes/LeadSquared/transport/hosts';

const regionOptions = [
	...Object.entries(REGIONS).map(([value, region]) => ({
		name: region.confirmed ? region.name : `${region.name} (Host Unconfirmed)`,
		value,
		description: `${region.apiHost} and ${region.asyncApiHost}`,
	})),
	{ name: 'Custom', value: CUSTOM_REGION, description: 'Enter both API URLs yourself' },
];

export class LeadSquaredApi implements ICredentialType {
	name = 'leadSquaredApi';

	displayName = 'LeadSquared API';

	documentationUrl = 'https://apidocs.leadsquared.com/';

	icon = 'file:leadsquared.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From LeadSquared: My Account > Settings > API and Webhooks',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: regionOptions,
			default: 'sg',
			description:
				'The region of your LeadSquared account. The API host shown under My Account > Settings > API and Webhooks tells which one.',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api-in21.leadsquared.com',
			required: true,
			displayOptions: { show: { region: [CUSTOM_REGION] } },
		},
		{
			displayName: 'Async API URL',
			name: 'asyncApiUrl',
			type: 'string',
			default: '',
			placeholder: 'https://asyncapi-in21.leadsquared.com',
			displayOptions: { show: { region: [CUSTOM_REGION] } },
			description: 'Needed only by the Lead operations (Capture Async, Get Capture Status, Get Capture Metrics)',
		},
		{
			displayName: 'Async API Key',
			name: 'asyncApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The x-api-key of the LeadSquared Async API. Needed only by the Lead operations (Capture Async, Get Capture Status, Get Capture Metrics).',
		},
		{
			displayName:
				"LeadSquared's API limits depend on your plan: newer plans allow 10 (Pro) or 20 (Super) calls per 5 seconds, older ones from 2 (Lite) to 25 (Enterprise) per 5 seconds, and every plan has a daily quota. Enter your plan's limit below; past the daily quota, LeadSquared refuses every call until the quota resets.",
			name: 'planLimitsNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Rate Limit (Calls)',
			name: 'rateLimitCalls',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 25,
			description:
				'How many API calls your account may make per window (your LeadSquared plan says). Every LeadSquared node shares it: within one n8n instance exactly, and across queue-mode workers by adapting to the 429s LeadSquared answers.',
		},
		{
			displayName: 'Rate Limit Window (Seconds)',
			name: 'rateLimitWindowSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: 5,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-LSQ-AccessKey': '={{$credentials.accessKey}}',
				'x-LSQ-SecretKey': '={{$credentials.secretKey}}',
			},
		},
	};
}
