import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { NODES_PANEL_ENTRY_DESCRIPTION } from './packageDescription';
import { assertAccountReaches, CREDENTIAL_TYPE, getAccount } from './transport';
import { checkConditions } from './captureTrigger/conditionsCheck';
import { N8N_API_CREDENTIAL, N8nApi } from './captureTrigger/n8nApi';
import type { CaptureScope } from './captureTrigger/newCaptures';
import { pollOnce } from './captureTrigger/pollCycle';
import { properties } from './captureTrigger/properties';
import { readSettings } from './captureTrigger/settings';
import { fetchTestEvent } from './captureTrigger/testEvent';

export class LeadSquaredTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Capture Trigger',
		name: 'leadSquaredTrigger',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		documentationUrl: 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared#leadsquared-capture-trigger',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Capture finished: " + $parameter["outcome"] }}',
		// Shown as the description of the nodes panel's "LeadSquared" entry, which n8n merges this trigger into
		description: NODES_PANEL_ENTRY_DESCRIPTION,
		defaults: { name: 'LeadSquared Capture Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// n8n's editor gives a newly added node one credential: the most recently saved of all its types
		// (2.41), or the last one of the last type (1.123, whose list carries no save times). So the
		// LeadSquared credential comes last (and npm start saves it last): a new trigger starts with it.
		credentials: [
			{ name: N8N_API_CREDENTIAL, required: true, displayName: 'n8n API Key (Reads This n8n’s Executions)' },
			{ name: CREDENTIAL_TYPE, required: true, displayName: 'LeadSquared Account' },
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
