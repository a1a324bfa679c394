import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { assertAccountReaches, CREDENTIAL_TYPE, getAccount } from '../LeadSquared/transport';
import { checkConditions } from './conditionsCheck';
import { N8N_API_CREDENTIAL, N8nApi } from './n8nApi';
import type { CaptureScope } from './newCaptures';
import { pollOnce } from './pollCycle';
import { properties } from './properties';
import { readSettings } from './settings';
import { fetchTestEvent } from './testEvent';

export class LeadSquaredTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Capture Trigger',
		name: 'leadSquaredTrigger',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		documentationUrl: 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared#leadsquared-capture-trigger',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Capture finished: " + $parameter["outcome"] }}',
		description: 'Starts the workflow when an async lead capture (Capture (Async)) has finished in LeadSquared, checking on a schedule',
		defaults: { name: 'LeadSquared Capture Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: CREDENTIAL_TYPE, required: true },
			{ name: N8N_API_CREDENTIAL, required: true },
		],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readSettings.call(this);
		const account = await getAccount.call(this);
		assertAccountReaches.call(this, account, 'async');
		const credentialId = this.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
		if (!credentialId) throw new NodeOperationError(this.getNode(), 'Save the workflow with a LeadSquared credential first');
		const scope: CaptureScope = { credentialId, workflowId: settings.ownWorkflowOnly ? String(this.getWorkflow().id ?? '') : undefined };
		const api = await N8nApi.for(this);
		if (this.getMode() === 'manual') return await fetchTestEvent.call(this, settings, account, api, scope);
		await checkConditions.call(this, api, scope);
		return await pollOnce.call(this, settings, account, api, scope);
	}
}
