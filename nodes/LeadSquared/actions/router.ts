import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as account from './account/Account.resource';
import * as activity from './activity/Activity.resource';
import * as email from './email/Email.resource';
import * as file from './file/File.resource';
import * as lead from './lead/Lead.resource';
import * as list from './list/List.resource';
import * as note from './note/Note.resource';
import * as notification from './notification/Notification.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as salesActivity from './salesActivity/SalesActivity.resource';
import * as task from './task/Task.resource';
import * as telephony from './telephony/Telephony.resource';
import * as user from './user/User.resource';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	notification: {
		sendBrowserPush: notification.sendBrowserPush,
		sendConverse: notification.sendConverse,
	},
	telephony: { logCall: telephony.logCall, showAgentPopup: telephony.showAgentPopup, updateCallActivity: telephony.updateCallActivity },
	file: { upload: file.upload },
	email: { send: email.send },
	lead: {
		capture: lead.capture,
		captureAsync: lead.captureAsync,
		getCaptureStatus: lead.getCaptureStatus,
		getCaptureMetrics: lead.getCaptureMetrics,
		create: lead.create,
		get: lead.get,
		delete: lead.deleteLead,
		getManyByIds: lead.getManyByIds,
		getRecentlyModified: lead.getRecentlyModified,
		search: lead.search,
		update: lead.update,
		upsert: lead.upsert,
	},
	activity: {
		get: activity.get,
		getAll: activity.getAll,
		post: activity.post,
		update: activity.update,
		createWithLead: activity.createWithLead,
	},
	salesActivity: { create: salesActivity.create, update: salesActivity.update, get: salesActivity.get },
	task: {
		create: task.create,
		delete: task.deleteTasks,
		getAll: task.getAll,
		getAllOfLead: task.getAllOfLead,
		getToDos: task.getToDos,
		update: task.update,
	},
	opportunity: {
		capture: opportunity.capture,
		delete: opportunity.deleteOpportunity,
		get: opportunity.get,
		getAll: opportunity.getAll,
		getManyById: opportunity.getManyById,
		update: opportunity.update,
	},
	note: { create: note.create, getAll: note.getAll, update: note.update },
	user: { checkIn: user.checkIn, checkOut: user.checkOut, get: user.get, getAll: user.getAll },
	list: { addLeads: list.addLeads, getLeads: list.getLeads, removeLead: list.removeLead },
	account: { create: account.create, get: account.get, getAll: account.getAll, update: account.update, upsert: account.upsert },
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
