import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { assertAccountReaches, getAccount } from '../LeadSquared/transport';
import { pollOnce } from './pollCycle';
import { properties } from './properties';
import { readSettings } from './settings';
import { fetchTestEvent } from './testEvent';

export class LeadSquaredTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Trigger',
		name: 'leadSquaredTrigger',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Capture finished: " + $parameter["outcome"] }}',
		description: 'Starts the workflow when an async lead capture request has finished',
		defaults: { name: 'LeadSquared Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readSettings.call(this);
		const account = await getAccount.call(this);
		assertAccountReaches.call(this, account, 'async');
		if (this.getMode() === 'manual') return await fetchTestEvent.call(this, settings, account);
		return await pollOnce.call(this, settings, account);
	}
}
