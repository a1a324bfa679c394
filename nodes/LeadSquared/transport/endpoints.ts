/** LeadSquared API paths used by the package, in one place. */
export const ENDPOINTS = {
	browserPush: '/v2/Notifier.svc/Browser.Push',
	/** Unconfirmed: LeadSquared's page shows this URL only as an image. Users can override it. */
	converseNotification: '/v2/Converse.svc/SystemNotification.Send',
	agentPopup: '/v2/Telephony.svc/ShowAgentPopup',
	users: '/v2/UserManagement.svc/Users.Get',
	leadFields: '/v2/LeadManagement.svc/LeadsMetaData.Get',
	captureAsync: '/lead/capture',
	captureStatus: '/lead/status',
	/** Unconfirmed: the sibling activity API uses …/activity/createcustom/metrics. Users can override it. */
	captureMetrics: '/lead/metrics',
	webhookCreate: '/v2/Webhook.svc/Create',
	webhookRetrieve: '/v2/Webhook.svc/Retrieve',
	/** Unconfirmed: LeadSquared has a page for deleting a webhook, its address was not seen. Users can override it. */
	webhookDelete: '/v2/Webhook.svc/Delete',
} as const;
