import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { assertAccountReaches, getAccount } from '../LeadSquared/transport';
import { pollOnce } from './pollCycle';
import { properties } from './properties';
import { readSettings } from './settings';
import { fetchTestEvent } from './testEvent';

export class LeadSquaredTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Trigger',
		name: 'leadSquaredTrigger',
		icon: 'file:leadsquared.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Capture finished: " + $parameter["outcome"] }}',
		description: 'Starts the workflow when an async lead capture request has finished',
		defaults: { name: 'LeadSquared Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
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
