import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getLeadFields } from './methods/loadOptions';
import { getActivityTypes, getOpportunityTypes } from './methods/typeOptions';
import { CREDENTIAL_TYPE } from './transport';
import { handleDelivery } from './instantTrigger/delivery';
import { properties } from './instantTrigger/properties';
import { checkExists, create, remove } from './instantTrigger/webhookLifecycle';

/** Both methods on one URL, answered as soon as the request is in (n8n's IWebhookDescription needs this key). */
const ONE_URL = { responseMode: 'onReceived', path: 'webhook' };

export class LeadSquaredEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Instant Trigger',
		name: 'leadSquaredEventTrigger',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		documentationUrl: 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared#leadsquared-instant-trigger',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On " + $parameter["events"].length + " event(s)" }}',
		description: 'Starts the workflow the moment a lead, activity, task or opportunity changes in LeadSquared',
		defaults: { name: 'LeadSquared Instant Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', ...ONE_URL },
			// LeadSquared's best practices ask webhook URLs to answer HEAD.
			{ name: 'setup', httpMethod: 'HEAD', ...ONE_URL },
			// LeadSquared verifies a URL with a request without payload (a live probe), which a receiver
			// answering only GET and POST (an Apps Script web app) passed: GET is answered too.
			{ name: 'setup', httpMethod: 'GET', ...ONE_URL },
		],
		properties,
	};

	methods = { loadOptions: { getActivityTypes, getLeadFields, getOpportunityTypes } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return handleDelivery.call(this);
	}
}
