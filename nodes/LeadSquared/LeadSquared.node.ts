import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as activity from './actions/activity/Activity.resource';
import * as email from './actions/email/Email.resource';
import * as file from './actions/file/File.resource';
import * as lead from './actions/lead/Lead.resource';
import * as list from './actions/list/List.resource';
import * as note from './actions/note/Note.resource';
import * as notification from './actions/notification/Notification.resource';
import * as opportunity from './actions/opportunity/Opportunity.resource';
import * as salesActivity from './actions/salesActivity/SalesActivity.resource';
import * as task from './actions/task/Task.resource';
import * as telephony from './actions/telephony/Telephony.resource';
import * as user from './actions/user/User.resource';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';
import { ACTION_NODE_DESCRIPTION } from './packageDescription';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: ACTION_NODE_DESCRIPTION,
		// The editor's docs link, used as it is (from the codex n8n builds URL + "?utm_…", past any #anchor)
		documentationUrl: 'https://github.com/n8n-nodes-leadsquared/n8n-nodes-leadsquared#operations',
		defaults: { name: 'LeadSquared' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'leadSquaredApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Activity', value: 'activity' },
					{ name: 'Email', value: 'email' },
					{ name: 'File', value: 'file' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'List', value: 'list' },
					{ name: 'Note', value: 'note' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Sales Activity', value: 'salesActivity' },
					{ name: 'Task', value: 'task' },
					{ name: 'Telephony', value: 'telephony' },
					{ name: 'User', value: 'user' },
				],
				default: 'notification',
			},
			...notification.description,
			...telephony.description,
			...lead.description,
			...activity.description,
			...task.description,
			...opportunity.description,
			...salesActivity.description,
			...note.description,
			...user.description,
			...account.description,
			...list.description,
			...file.description,
			...email.description,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
