import type { INodeProperties } from 'n8n-workflow';

import { collection, endpointOverride } from '../helpers/descriptions';
import { ENDPOINTS } from '../transport/endpoints';
import { TRIGGER_EVENTS, TYPE_EVENTS } from './events';

/** A multi-select of the account's activity or opportunity types or lead fields, shown for the events registered per type or field. */
function typesField(name: string, displayName: string, loadOptionsMethod: string, events: string[], text: { hint: string; description: string }): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod },
		default: [],
		hint: text.hint,
		description: `${text.description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		displayOptions: { show: { events } },
	};
}

export const properties: INodeProperties[] = [
	{
		displayName:
			"Activating the workflow registers webhooks in LeadSquared: one per event, and per activity or opportunity type or lead field for those events (the credential's user must be a LeadSquared admin); deactivating it removes them",
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
	typesField('activityTypes', 'Activity Type Names or IDs', 'getActivityTypes', TYPE_EVENTS.activityType, {
		hint: "LeadSquared's activity webhooks watch one activity type each: the node registers one webhook per event and type",
		description: 'The activity types (codes such as 201; several as "201,202") whose activities start the workflow',
	}),
	typesField('opportunityTypes', 'Opportunity Type Names or IDs', 'getOpportunityTypes', TYPE_EVENTS.opportunityType, {
		hint: 'LeadSquared registers opportunity webhooks for chosen opportunity types: the node registers one webhook per event and type',
		description: 'The opportunity types (codes such as 12000) whose opportunities start the workflow',
	}),
	typesField('leadFields', 'Lead Field Names or IDs', 'getLeadFields', TYPE_EVENTS.leadField, {
		hint: "LeadSquared's Lead Field Update webhooks watch one field each, and an account takes one per field: the node registers one webhook per field",
		description: 'The lead fields (schema names such as mx_City; several as "mx_City,Source") whose changes start the workflow',
	}),
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
			description: `Full URL of LeadSquared's Delete a Webhook API, if it is not your API host + ${ENDPOINTS.webhookDelete}. Its page could not be read: the node sends GET with ?webhookId= (what a live probe found), and POST {"WebhookId"} if LeadSquared answers that with 404 or 405.`,
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
