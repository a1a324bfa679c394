/**
 * LeadSquared API paths used by the package, in one place. Those no readable page shows are
 * listed in unconfirmedCalls.ts, with where a user overrides each (README: "LeadSquared calls").
 */
export const ENDPOINTS = {
	browserPush: '/v2/Notifier.svc/Browser.Push',
	/** Unconfirmed: LeadSquared's page shows this URL only as an image. Users can override it. */
	converseNotification: '/v2/Converse.svc/SystemNotification.Send',
	agentPopup: '/v2/Telephony.svc/ShowAgentPopup',
	logCall: '/v2/Telephony.svc/LogCall',
	/** Page update-call-recordings-duration-for-phone-call-activities. */
	callActivityUpdate: '/v2/Telephony.svc/PhoneCallActivity/Update',
	/** Page file-upload-to-leads: multipart, on the region's file host (hosts.ts), keys as form fields. */
	fileUpload: '/File/Upload',
	/** Page send-an-email-to-a-lead. */
	sendEmailToLead: '/v2/EmailMarketing.svc/SendEmailToLead',
	users: '/v2/UserManagement.svc/Users.Get',
	userById: '/v2/UserManagement.svc/User/Retrieve/ByUserId',
	/** Unconfirmed: page check-in-user shows the body and the answer, not the URL; Check-Out's page shows …/User/CheckOut. Users can override it. */
	userCheckIn: '/v2/UserManagement.svc/User/CheckIn',
	/** Page check-out-user. */
	userCheckOut: '/v2/UserManagement.svc/User/CheckOut',
	leadFields: '/v2/LeadManagement.svc/LeadsMetaData.Get',
	captureAsync: '/lead/capture',
	captureStatus: '/lead/status',
	/** Unconfirmed: page get-capture-leads-metrics shows the URL only as an image; the sibling activity API uses …/activity/createcustom/metrics. */
	captureMetrics: '/lead/metrics',

	leadCreate: '/v2/LeadManagement.svc/Lead.Create',
	leadUpdate: '/v2/LeadManagement.svc/Lead.Update',
	leadCreateOrUpdate: '/v2/LeadManagement.svc/Lead.CreateOrUpdate',
	leadBulkCreateOrUpdate: '/v2/LeadManagement.svc/Lead/Bulk/CreateOrUpdate',
	/** Page create-leads-in-bulk (≤ 50 a call). */
	leadBulkCreate: '/v2/LeadManagement.svc/Lead/Bulk/Create',
	/** Unconfirmed: page update-lead-in-bulk-v2 shows no URL in text; public client code uses this one (≤ 25 a call). Users can override it. */
	leadBulkUpdate: '/v2/LeadManagement.svc/Lead/Bulk/UpdateV2',
	/** Unconfirmed (no readable page); LeadSquared's own PHP library uses it, with `id`. */
	leadById: '/v2/LeadManagement.svc/Leads.GetById',
	leadByEmail: '/v2/LeadManagement.svc/Leads.GetByEmailaddress',
	leadByPhone: '/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber',
	/** Unconfirmed (no readable page); LeadSquared's own PHP library uses it, with `key`. */
	leadQuickSearch: '/v2/LeadManagement.svc/Leads.GetByQuickSearch',
	leadSearch: '/v2/LeadManagement.svc/Leads.Get',
	leadsRecentlyModified: '/v2/LeadManagement.svc/Leads.RecentlyModified',
	leadsByIds: '/v2/LeadManagement.svc/Leads/Retrieve/ByIds',
	leadDelete: '/v2/LeadManagement.svc/Lead/Delete/ById',
	leadCapture: '/v2/LeadManagement.svc/Lead.Capture',
	/** Unconfirmed: LeadSquared's Create a Note page shows the fields but not the URL. Users can override it. */
	noteCreate: '/v2/LeadManagement.svc/CreateNote',
	/** Page get-all-notes-of-lead. */
	notesOfLead: '/v2/LeadManagement.svc/RetrieveNote',
	/** Page update-note. */
	noteUpdate: '/v2/LeadManagement.svc/UpdateNote',

	activityCreate: '/v2/ProspectActivity.svc/Create',
	activitiesOfLead: '/v2/ProspectActivity.svc/Retrieve',
	activityDetails: '/v2/ProspectActivity.svc/GetActivityDetails',
	/** Unconfirmed (pages refer to "Get List of Activity Types" without its URL); LeadSquared's own PHP library uses it. */
	activityTypes: '/v2/ProspectActivity.svc/ActivityTypes.Get',
	activityTypeSettings: '/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting',
	activityUpdate: '/v2/ProspectActivity.svc/CustomActivity/Update',
	leadAndActivityCreate: '/v2/ProspectActivity.svc/CreateCustom',
	/** Page post-bulk-activities-on-leads (≤ 25 a call); its answer's rows past ProspectActivityId: BULK_ACTIVITY_ROWS (actions/activity/bulkActivityRows.ts). */
	activityBulkPost: '/v2/ProspectActivity.svc/Bulk/CustomActivity/Add/ByLeadId',

	salesActivityCreate: '/v2/SalesActivity.svc/Create',
	salesActivityUpdate: '/v2/SalesActivity.svc/Update',
	salesActivityById: '/v2/SalesActivity.svc/RetrieveActivity',
	products: '/v2/SalesActivity.svc/RetrieveProducts',

	taskCreate: '/v2/Task.svc/Create',
	taskUpdate: '/v2/Task.svc/Update',
	tasksRetrieve: '/v2/Task.svc/Retrieve',
	/** Page get-list-of-task-types-2: optional ColumnName/ColumnValue, each type's ID in `Id`. */
	taskTypes: '/v2/Task.svc/RetrieveTaskType',
	/** Page delete-tasks-in-bulk (≤ 5,000 IDs per call). */
	tasksDelete: '/v2/Task.svc/DeleteTasks',
	/** Page retrieve-tasks-by-leadid. */
	tasksOfLead: '/v2/LeadManagement.svc/RetrieveTaskByLeadId',
	/** Page get-to-dos-by-user-id (a window of at most 100 days). */
	toDosByUser: '/v2/Task.svc/RetrieveToDos/ByUserId',

	/** Unconfirmed: only the async twin's URL ({async host}/opportunity/capture) is published. Users can override it. */
	opportunityCapture: '/v2/OpportunityManagement.svc/Capture',
	opportunityUpdate: '/v2/OpportunityManagement.svc/Update',
	/** Page bulk-update-opportunities (≤ 25 a call); its answer is not on the page (BULK_OPPORTUNITY_ROWS). */
	opportunityBulkUpdate: '/v2/OpportunityManagement.svc/Bulk/Update/ByOpportunityId',
	opportunitiesOfLead: '/v2/OpportunityManagement.svc/GetOpportunitiesOfLead',
	/** Unconfirmed: no readable page lists the opportunity types. */
	opportunityTypes: '/v2/OpportunityManagement.svc/GetOpportunityTypes',
	/** Page get-an-opportunity-by-id. */
	opportunityDetails: '/v2/OpportunityManagement.svc/GetOpportunityDetails',
	/** Page delete-an-opportunity (the type must allow deletes). */
	opportunityDelete: '/v2/OpportunityManagement.svc/Delete',
	/** Page get-opportunities-in-bulk-by-ids (≤ 2,000 per call). */
	opportunitiesById: '/v2/OpportunityManagement.svc/GetOpportunitiesById',

	/** Pages create-an-account, get-an-account, update-an-account. */
	accountCreate: '/v2/CompanyManagement.svc/Company.Create',
	accountGet: '/v2/CompanyManagement.svc/Company.Get',
	accountUpdate: '/v2/CompanyManagement.svc/Company.Update',
	/** Page create-or-update-accounts-in-bulk (≤ 25 a call); its answer's rows are a live probe's. */
	accountBulkCreateOrUpdate: '/v2/CompanyManagement.svc/Company/Bulk/CreateOrUpdate',

	/** Pages retrieve-all-lists, add-leads-to-a-static-list, remove-lead-from-static-list, get-leads-in-a-list-2. */
	lists: '/v2/LeadManagement.svc/Lists.Get',
	listAddLeads: '/v2/LeadSegmentation.svc/AddLeadsToStaticList',
	listRemoveLead: '/v2/LeadSegmentation.svc/RemoveLeadFromStaticList',
	listLeads: '/v2/LeadManagement.svc/Leads/Retrieve/BySearchParameter',

	webhookCreate: '/v2/Webhook.svc/Create',
	webhookRetrieve: '/v2/Webhook.svc/Retrieve',
	/** Unconfirmed: LeadSquared has a page for deleting a webhook, its address was not seen. Users can override it. */
	webhookDelete: '/v2/Webhook.svc/Delete',
} as const;
