import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ENDPOINTS } from '../nodes/LeadSquared/transport/endpoints';
import { API_BASE_URL_EXPRESSION, CUSTOM_REGION, REGIONS } from '../nodes/LeadSquared/transport/hosts';
import { planProperties } from '../nodes/LeadSquared/transport/planProperties';

const regionOptions = [
	...Object.entries(REGIONS).map(([value, region]) => ({
		name: region.confirmed ? region.name : `${region.name} (Host Unconfirmed)`,
		value,
		description: `${region.apiHost} and ${region.asyncApiHost}`,
	})),
	{ name: 'Custom', value: CUSTOM_REGION, description: 'Enter the API URLs yourself' },
];

export class LeadSquaredApi implements ICredentialType {
	name = 'leadSquaredApi';

	displayName = 'LeadSquared API';

	documentationUrl = 'https://apidocs.leadsquared.com/';

	icon: Icon = { light: 'file:../icons/leadsquared.svg', dark: 'file:../icons/leadsquared.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'Your Access Key, Secret Key and API host are in LeadSquared under <b>My Account → Settings → API and Webhooks</b>.',
			name: 'whereToFindKeysNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
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
			hint: 'The one whose API host LeadSquared shows under API and Webhooks',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api-in21.leadsquared.com',
			required: true,
			displayOptions: { show: { region: [CUSTOM_REGION] } },
		},
		{
			displayName: 'Async API URL',
			name: 'asyncApiUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://asyncapi-in21.leadsquared.com',
			displayOptions: { show: { region: [CUSTOM_REGION] } },
			description: 'Needed only by the Lead operations (Capture Async, Get Capture Status, Get Capture Metrics)',
		},
		{
			displayName: 'File Upload URL',
			name: 'fileUploadUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://files-in21.leadsquared.com',
			displayOptions: { show: { region: [CUSTOM_REGION] } },
			description: 'Needed only by File → Upload: the files host of your region (without /File/Upload)',
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
		...planProperties,
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

	/**
	 * The Test button: an authenticated Users.Get. n8n runs it itself, outside the nodes' rate
	 * limiter, and answers a failed call with the rule for its HTTP status.
	 */
	test: ICredentialTestRequest = {
		request: { baseURL: API_BASE_URL_EXPRESSION, url: ENDPOINTS.users, method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"LeadSquared rejected the keys (401). Check the Access Key and Secret Key, and that Region is your account's (My Account > Settings > API and Webhooks shows its API host): LeadSquared refuses keys sent to another region's host.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No LeadSquared API answered at this address (404). Check Region, or the API URL of a Custom region.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message:
						"LeadSquared's rate limit for this account is in use right now (429), so the keys could not be checked. Try again in a few seconds.",
				},
			},
		],
	};
}
