/**
 * LeadSquared API paths used by the package, in one place. Those no readable page shows are
 * listed in unconfirmedCalls.ts, with where a user overrides each (README: "LeadSquared calls").
 */
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
	/** Unconfirmed: page get-capture-leads-metrics shows the URL only as an image; the sibling activity API uses …/activity/createcustom/metrics. */
	captureMetrics: '/lead/metrics',

	leadCreate: '/v2/LeadManagement.svc/Lead.Create',
	leadUpdate: '/v2/LeadManagement.svc/Lead.Update',
	leadCreateOrUpdate: '/v2/LeadManagement.svc/Lead.CreateOrUpdate',
	leadBulkCreateOrUpdate: '/v2/LeadManagement.svc/Lead/Bulk/CreateOrUpdate',
	/** Unconfirmed (no readable page); LeadSquared's own PHP library uses it, with `id`. */
	leadById: '/v2/LeadManagement.svc/Leads.GetById',
	leadByEmail: '/v2/LeadManagement.svc/Leads.GetByEmailaddress',
	leadByPhone: '/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber',
	/** Unconfirmed (no readable page); LeadSquared's own PHP library uses it, with `key`. */
	leadQuickSearch: '/v2/LeadManagement.svc/Leads.GetByQuickSearch',
	leadSearch: '/v2/LeadManagement.svc/Leads.Get',
	leadsRecentlyModified: '/v2/LeadManagement.svc/Leads.RecentlyModified',
	/** Unconfirmed: LeadSquared's Create a Note page shows the fields but not the URL. Users can override it. */
	noteCreate: '/v2/LeadManagement.svc/CreateNote',

	activityCreate: '/v2/ProspectActivity.svc/Create',
	activitiesOfLead: '/v2/ProspectActivity.svc/Retrieve',
	activityDetails: '/v2/ProspectActivity.svc/GetActivityDetails',
	/** Unconfirmed (pages refer to "Get List of Activity Types" without its URL); LeadSquared's own PHP library uses it. */
	activityTypes: '/v2/ProspectActivity.svc/ActivityTypes.Get',
	activityTypeSettings: '/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting',

	taskCreate: '/v2/Task.svc/Create',
	taskUpdate: '/v2/Task.svc/Update',
	tasksRetrieve: '/v2/Task.svc/Retrieve',
	/** Page get-list-of-task-types-2: optional ColumnName/ColumnValue, each type's ID in `Id`. */
	taskTypes: '/v2/Task.svc/RetrieveTaskType',

	/** Unconfirmed: only the async twin's URL ({async host}/opportunity/capture) is published. Users can override it. */
	opportunityCapture: '/v2/OpportunityManagement.svc/Capture',
	opportunityUpdate: '/v2/OpportunityManagement.svc/Update',
	opportunitiesOfLead: '/v2/OpportunityManagement.svc/GetOpportunitiesOfLead',
	/** Unconfirmed: no readable page lists the opportunity types. */
	opportunityTypes: '/v2/OpportunityManagement.svc/GetOpportunityTypes',

	webhookCreate: '/v2/Webhook.svc/Create',
	webhookRetrieve: '/v2/Webhook.svc/Retrieve',
	/** Unconfirmed: LeadSquared has a page for deleting a webhook, its address was not seen. Users can override it. */
	webhookDelete: '/v2/Webhook.svc/Delete',
} as const;
