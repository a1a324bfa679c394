import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as lead from './lead/Lead.resource';
import * as notification from './notification/Notification.resource';
import * as telephony from './telephony/Telephony.resource';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	notification: {
		sendBrowserPush: notification.sendBrowserPush,
		sendConverse: notification.sendConverse,
	},
	telephony: { showAgentPopup: telephony.showAgentPopup },
	lead: {
		captureAsync: lead.captureAsync,
		getCaptureStatus: lead.getCaptureStatus,
		getCaptureMetrics: lead.getCaptureMetrics,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = resources[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await selected.execute.call(this, this.getInputData())];
}
