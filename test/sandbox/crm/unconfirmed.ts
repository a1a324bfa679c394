/**
 * Every value of the CRM sandbox that LeadSquared's public pages do not confirm, in one
 * place (test/sandbox/README.md lists them too). Change them here when LeadSquared's
 * real behaviour is known; never to make a client look good.
 */

/** Note create: the page names the fields (RelatedProspectId, Note, AttachmentName) but not the path. */
export const NOTE_CREATE_PATH = '/v2/LeadManagement.svc/CreateNote';

/** Note list: its page documents the request and the `{List}` answer, not how many notes a page holds by default. */
export const NOTES_PAGE_DEFAULT = 25;

/** Activity type details (GetActivitySetting): what LeadSquared answers for a code that is no activity type is not shown. */
export const ACTIVITY_TYPE_NOT_FOUND = 'Activity type not found';

/** Synchronous opportunity capture: only the async twin's path ({async-host}/opportunity/capture) is shown. */
export const OPPORTUNITY_CAPTURE_PATH = '/v2/OpportunityManagement.svc/Capture';

/** Webhook delete: the page exists, its path was not seen. Body `{WebhookId}`. */
export const WEBHOOK_DELETE_PATH = '/v2/Webhook.svc/Delete';

/** Task types list: referred to as "Get list of Task Types", path not seen. */
export const TASK_TYPES_PATH = '/v2/Task.svc/TaskTypes.Get';

/**
 * HTTP status of business exceptions. LeadSquared's error page says 400 is for a body "not as per
 * API specification" and 500 for a failed call "with an exception message"; which one a
 * duplicate or a missing entity gets is not stated per API.
 */
export const BUSINESS_EXCEPTION_STATUS = {
	MXDuplicateEntryException: 500,
	MXInvalidEntityReferenceException: 500,
} as const;

/** Text of the duplicate error: seen once in a LeadSquared support article (Opportunity Capture). */
export const DUPLICATE_ENTRY_MESSAGE = 'Duplicate entries are not allowed., while creating or updating the lead';

/** What LeadSquared answers past the daily API quota is not documented (the 5-second limit's 429 is). */
export const DAILY_QUOTA_EXCEEDED = {
	status: 429,
	type: 'MXAPIDailyLimitExceededException',
	message: (limit: number) => `API calls exceeded the daily limit of ${limit}`,
};

/** Whether a bulk call also counts against the account's ordinary 5-second window. */
export const BULK_CALLS_COUNT_AGAINST_GENERAL_LIMIT = true;

/** Bulk lead create: documented limit 50 a call; its response body is not shown. */
export const BULK_LEAD_CREATE_MAX = 50;

/**
 * Number ↔ name of webhook events. Create/Update take the number, Retrieve the name; the
 * pairing of the two lists is inferred from their order and wording.
 */
export const WEBHOOK_EVENTS: Record<number, { name: string; displayName: string }> = {
	1: { name: 'Landing_Page_submission', displayName: 'Landing Page Submission' },
	2: { name: 'LeadActivity_Post_Create', displayName: 'Lead Activity Creation' },
	3: { name: 'Lead_Post_Create', displayName: 'Lead Creation' },
	4: { name: 'Lead_Owner_Change', displayName: 'Lead Owner Change' },
	5: { name: 'Lead_Post_Stage_Change', displayName: 'Lead Stage Change' },
	6: { name: 'Lead_Post_Update', displayName: 'Lead Update' },
	7: { name: 'Task_Create', displayName: 'Task Creation' },
	8: { name: 'Task_Reminder', displayName: 'Task Reminder' },
	9: { name: 'Lead_Score_Change', displayName: 'Lead Score Change' },
	15: { name: 'LeadActivity_Post_Update', displayName: 'Lead Activity Update' },
	16: { name: 'Task_Complete', displayName: 'Task Complete' },
	17: { name: 'Task_Update', displayName: 'Task Update' },
	26: { name: 'Lead_Field_Change', displayName: 'Lead Field Update' },
	31: { name: 'Opportunity_Post_Create', displayName: 'Opportunity Create' },
	32: { name: 'Opportunity_Post_Update', displayName: 'Opportunity Update' },
	33: { name: 'OpportunityField_Post_Update', displayName: 'Opportunity Field Update' },
	34: { name: 'OpportunityStage_Post_Update', displayName: 'Opportunity Stage Update' },
	35: { name: 'Opportunity_Post_Delete', displayName: 'Opportunity Delete' },
};

/**
 * Webhook delivery. "Failed deliveries are retried 3 times" comes from a secondary source; the
 * waits between tries and how many failed deliveries disable a webhook are not published.
 */
export const DEFAULT_DELIVERY = {
	retryDelaysMs: [60_000, 5 * 60_000, 15 * 60_000],
	disableAfterFailures: 5,
	timeoutMs: 10_000,
};

/** Whether Lead.Capture's update of an existing lead fires "lead updated" (it has no postUpdatedLead flag). */
export const CAPTURE_UPDATE_FIRES_LEAD_UPDATED = true;

/**
 * ProspectActivity.svc/Retrieve: the page calls `Offset` "the page number" (its sample starts at 0),
 * while Task.svc/Retrieve calls its `Offset` "the number of results to skip".
 */
export const ACTIVITY_OFFSET_IS_PAGE_NUMBER = true;

/** Task.svc/Update: the documented fields do not include a status; the sandbox takes `StatusCode: 1` as "mark complete". */
export const TASK_COMPLETE_THROUGH_UPDATE = 'StatusCode';

/** The stage a lead gets when none is given (LeadSquared's default first stage). */
export const DEFAULT_LEAD_STAGE = 'Prospect';

/**
 * Users.Get: the answer on its page has no phone numbers (ID, names, EmailAddress, Role, StatusCode,
 * MemberOfGroups, Tag, IsPhoneCallAgent); "Get a User by Id" has PhoneMain, PhoneMobile and
 * PhoneOthers. Whether Users.Get also lists them is not shown, so by default it does not.
 */
export const USERS_GET_LISTS_PHONES = false;
