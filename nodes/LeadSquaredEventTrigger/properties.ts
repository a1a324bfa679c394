import type { INodeProperties } from 'n8n-workflow';

import { collection, endpointOverride } from '../LeadSquared/actions/common.descriptions';
import { ENDPOINTS } from '../LeadSquared/transport/endpoints';
import { TRIGGER_EVENTS } from './events';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Activating the workflow registers a webhook in LeadSquared for each event (the credential\'s user must be a LeadSquared admin); deactivating it removes them',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		noDataExpression: true,
		options: TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		default: [],
		description: 'The LeadSquared events that start the workflow',
	},
	{
		displayName: 'Landing Page URLs',
		name: 'landingPageUrls',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/lp/offer, https://example.com/lp/demo',
		description: 'Only submissions of these landing pages, separated by commas. Leave empty for every landing page.',
		displayOptions: { show: { events: ['landingPageSubmission'] } },
	},
	collection('Options', [
		{
			...endpointOverride('Delete API URL (Override)', ENDPOINTS.webhookDelete),
			description: `Full URL of LeadSquared's Delete a Webhook API, if it is not your API host + ${ENDPOINTS.webhookDelete}. LeadSquared has not published this address, so it may differ for your account.`,
		},
		{
			displayName: 'Notify on Failure',
			name: 'notifyOnFailure',
			type: 'boolean',
			default: false,
			description: "Whether LeadSquared e-mails the account's administrators when a delivery to n8n fails",
		},
	]),
];
