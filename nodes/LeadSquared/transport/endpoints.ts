/** LeadSquared API paths used by the package, in one place. */
export const ENDPOINTS = {
	browserPush: '/v2/Notifier.svc/Browser.Push',
	/** Unconfirmed: LeadSquared's page shows this URL only as an image. Users can override it. */
	converseNotification: '/v2/Converse.svc/SystemNotification.Send',
	agentPopup: '/v2/Telephony.svc/ShowAgentPopup',
	users: '/v2/UserManagement.svc/Users.Get',
	userById: '/v2/UserManagement.svc/User/Retrieve/ByUserId',
	leadFields: '/v2/LeadManagement.svc/LeadsMetaData.Get',
	captureAsync: '/lead/capture',
	captureStatus: '/lead/status',
	/** Unconfirmed: the sibling activity API uses …/activity/createcustom/metrics. Users can override it. */
	captureMetrics: '/lead/metrics',

	leadCreate: '/v2/LeadManagement.svc/Lead.Create',
	leadUpdate: '/v2/LeadManagement.svc/Lead.Update',
	leadCreateOrUpdate: '/v2/LeadManagement.svc/Lead.CreateOrUpdate',
	leadById: '/v2/LeadManagement.svc/Leads.GetById',
	leadByEmail: '/v2/LeadManagement.svc/Leads.GetByEmailaddress',
	leadByPhone: '/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber',
	leadQuickSearch: '/v2/LeadManagement.svc/Leads.GetByQuickSearch',
	leadSearch: '/v2/LeadManagement.svc/Leads.Get',
	leadsRecentlyModified: '/v2/LeadManagement.svc/Leads.RecentlyModified',
	/** Unconfirmed: LeadSquared's Create a Note page shows the fields but not the URL. Users can override it. */
	noteCreate: '/v2/LeadManagement.svc/CreateNote',

	activityCreate: '/v2/ProspectActivity.svc/Create',
	activitiesOfLead: '/v2/ProspectActivity.svc/Retrieve',
	activityDetails: '/v2/ProspectActivity.svc/GetActivityDetails',
	activityTypes: '/v2/ProspectActivity.svc/ActivityTypes.Get',
	activityTypeSettings: '/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting',

	taskCreate: '/v2/Task.svc/Create',
	taskUpdate: '/v2/Task.svc/Update',
	tasksRetrieve: '/v2/Task.svc/Retrieve',
	/** Unconfirmed: LeadSquared refers to "Get list of Task Types" without showing its URL. */
	taskTypes: '/v2/Task.svc/TaskTypes.Get',

	/** Unconfirmed: only the async twin's URL ({async host}/opportunity/capture) is published. Users can override it. */
	opportunityCapture: '/v2/OpportunityManagement.svc/Capture',
	opportunityUpdate: '/v2/OpportunityManagement.svc/Update',
	opportunitiesOfLead: '/v2/OpportunityManagement.svc/GetOpportunitiesOfLead',
	opportunityTypes: '/v2/OpportunityManagement.svc/GetOpportunityTypes',

	webhookCreate: '/v2/Webhook.svc/Create',
	webhookRetrieve: '/v2/Webhook.svc/Retrieve',
	/** Unconfirmed: LeadSquared has a page for deleting a webhook, its address was not seen. Users can override it. */
	webhookDelete: '/v2/Webhook.svc/Delete',
} as const;
