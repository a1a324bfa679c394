import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as activity from './actions/activity/Activity.resource';
import * as lead from './actions/lead/Lead.resource';
import * as note from './actions/note/Note.resource';
import * as notification from './actions/notification/Notification.resource';
import * as opportunity from './actions/opportunity/Opportunity.resource';
import * as task from './actions/task/Task.resource';
import * as telephony from './actions/telephony/Telephony.resource';
import * as user from './actions/user/User.resource';
import { router } from './actions/router';
import { credentialTest, listSearch, loadOptions } from './methods';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: 'file:leadsquared.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage LeadSquared leads, activities, tasks, opportunities and notes, notify users and show agent pop-ups',
		defaults: { name: 'LeadSquared' },
		inputs: ['main'],
		outputs: ['main'],
		usableAsTool: true,
		credentials: [{ name: 'leadSquaredApi', required: true, testedBy: 'leadSquaredApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity', value: 'activity' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'Note', value: 'note' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Opportunity', value: 'opportunity' },
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
			...note.description,
			...user.description,
		],
	};

	methods = { loadOptions, listSearch, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
