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

/**
 * Webhook delete: its page could not be read. A live probe of a real account (a public
 * repository's "LeadSquared API gotchas", 2026-08) found `GET …/Webhook.svc/Delete?webhookId=<id>`
 * works and a POST answers 405. What it answers on success is not shown (`{Status, Message}` here).
 * `WEBHOOK_DELETE_FORMS.post` is the form the sandbox takes when told to
 * (`webhookDeleteForm: 'post'`) to stand for an account whose Delete is the other, unsettled form.
 */
export const WEBHOOK_DELETE_PATH = '/v2/Webhook.svc/Delete';

export type WebhookDeleteForm = 'get' | 'post';

export const DEFAULT_WEBHOOK_DELETE_FORM: WebhookDeleteForm = 'get';

/** What IIS / WCF's webHttp endpoints answer for a method the operation does not take: 405, an HTML page, `Allow`. */
export const METHOD_NOT_ALLOWED = {
	status: 405,
	contentType: 'text/html; charset=UTF-8',
	body: '<!DOCTYPE html><html><head><title>Service</title></head><body><div id="content"><p class="heading1">Service</p><p>Method not allowed.</p></div></body></html>',
};

/**
 * Webhook Create's refusals seen by the live probe, with the HTTP status it saw where it said
 * one (the others: 500, as the probe found malformed input usually gets). The messages of an
 * unknown activity type, a missing ChangedLeadField and a second webhook on one lead field
 * were not quoted by the probe.
 */
export const WEBHOOK_CREATE_REFUSALS = {
	propertiesNotString: { status: 400, type: 'MXInvalidInputException', message: "Unexpected character encountered while parsing value: {. Path 'WebhookProperties'." },
	propertiesNotJson: { status: 500, type: 'MXInvalidDataTypeException', message: 'Webhook Properties is not a valid JSON' },
	propertiesNotFound: { status: 500, type: 'MXInvalidDataTypeException', message: 'Webhook Properties is not found' },
	noActivityEvent: { status: 500, type: 'MXInvalidDataTypeException', message: 'You have not passed ActivityEvent.' },
	unknownActivityEvent: { status: 500, type: 'MXInvalidDataTypeException', message: 'ActivityEvent is not a valid activity type' },
	noChangedLeadField: { status: 500, type: 'MXInvalidDataTypeException', message: 'You have not passed ChangedLeadField.' },
	unknownLeadField: { status: 500, type: 'MXInvalidDataTypeException', message: 'ChangedLeadField is not a lead field' },
	leadFieldTaken: { status: 500, type: 'MXDuplicateEntryException', message: 'A webhook already exists for this lead field' },
	unknownOpportunityType: { status: 500, type: 'MXInvalidDataTypeException', message: 'OpportunityEvents has an opportunity type that does not exist' },
};

/**
 * GetOpportunitiesOfLead without `opportunityType`: its page calls it optional, a live probe
 * found it required, without saying how LeadSquared refuses. The probe found LeadSquared
 * answering malformed input with a 500 and an MX exception, so the sandbox does that.
 */
export const OPPORTUNITY_TYPE_REQUIRED = {
	status: 500,
	type: 'MXInvalidInputException',
	message: "'opportunityType' is mandatory",
};

/**
 * Get List of Task Types (page get-list-of-task-types-2): its sample is cut off in the text read
 * before the type's name; the sandbox gives it as `Name`, as Task Create takes it (`TaskType{Name}`).
 * The page names the ColumnName values TaskTypeId, TaskTypeName (an older version: TaskName) and
 * Category; what LeadSquared answers to another one is not shown.
 */
export const TASK_TYPE_COLUMNS = ['TaskTypeId', 'TaskTypeName', 'TaskName', 'Category'];

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

/**
 * The bulk lead calls' answers, which their pages (create-leads-in-bulk, bulk-create-or-update)
 * do not show: one row per lead in the order sent, `RowNumber` counting from 1, as public client
 * code reads them (`{RowNumber, LeadId, LeadCreated, LeadUpdated, AffectedRows}`, and for a lead
 * LeadSquared refused `ExceptionType` with `ExceptionMessage` and no LeadId).
 */
/** Page update-lead-in-bulk-v2 shows only answers with failures (`Message: "Error"`); what Message says when every lead was updated is a guess. */
export const BULK_UPDATE_SUCCESS_MESSAGE = 'Success';

export const BULK_LEAD_ROW_FIELDS = ['RowNumber', 'LeadId', 'LeadCreated', 'LeadUpdated', 'AffectedRows'] as const;

/**
 * A company Company/Bulk/CreateOrUpdate refuses: its page shows no answer, and the live probe read
 * only the rows of written companies (RowNumber, CompanyId, CompanyCreated, CompanyUpdated). The
 * sandbox answers a refused one in its row as the bulk lead calls do: no CompanyId, with
 * ExceptionType and ExceptionMessage.
 */
export const BULK_ACCOUNT_REFUSED_ROW = (rowNumber: number, exceptionType: string, message: string) => ({
	RowNumber: rowNumber,
	CompanyId: null,
	CompanyCreated: false,
	CompanyUpdated: false,
	ExceptionType: exceptionType,
	ExceptionMessage: message,
});

/**
 * Post Activities on Leads in Bulk (page post-bulk-activities-on-leads): the page's answer is
 * `{Response: [...]}` and shows each row's `ProspectActivityId`; the text read stops there. The rest
 * of a row is as public client code reads it: `RowNumber` counting from 1 in the order sent,
 * `ActivityCreated`, and for an activity LeadSquared refused no ID but `ExceptionMessage` (the
 * sandbox adds `ExceptionType`, as the bulk lead rows have it).
 */
export const BULK_ACTIVITY_ROW = {
	posted: (row: number, activityId: string) => ({ RowNumber: row, ActivityCreated: true, ProspectActivityId: activityId }),
	refused: (row: number, type: string, message: string) => ({
		RowNumber: row,
		ActivityCreated: false,
		ProspectActivityId: null,
		ExceptionType: type,
		ExceptionMessage: message,
	}),
};

/**
 * Bulk Update Opportunities' answer, which its page (bulk-update-opportunities) does not show:
 * taken to be like the bulk lead calls', one row per opportunity in the order sent, `RowNumber`
 * from 1, `OpportunityId` when updated, `ExceptionType` with `ExceptionMessage` when refused.
 */
export const BULK_OPPORTUNITY_ROW_FIELDS = ['RowNumber', 'OpportunityId', 'AffectedRows'] as const;

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
 * How an account numbers `WebhookEvent` in Create and Update. 'page': the Create a Webhook page's
 * numbers (WEBHOOK_EVENTS). 'probe': the opportunity numbers the live probe's account used,
 * which it enumerated by creating each number and reading back the EventCode LeadSquared
 * assigned: 29 Opportunity_Post_Create, 30 Opportunity_Post_Update, 31 Opportunity_Post_Delete,
 * 32 "Opportunity Field value cannot be empty", 33 and 34 HTTP 500, 35 and 36 "Webhook Event not
 * found" (the statuses and types the probe did not give are the sandbox's choice).
 */
export type WebhookEventNumbers = 'page' | 'probe';

export const PROBE_ACCOUNT_EVENT_NUMBERS: Record<number, number | { status: number; type: string; message: string }> = {
	29: 31,
	30: 32,
	31: 35,
	32: { status: 500, type: 'MXInvalidDataTypeException', message: 'Opportunity Field value cannot be empty' },
	33: { status: 500, type: 'MXException', message: 'The service failed to process the request' },
	34: { status: 500, type: 'MXException', message: 'The service failed to process the request' },
	35: { status: 500, type: 'MXInvalidDataTypeException', message: 'Webhook Event not found' },
	36: { status: 500, type: 'MXInvalidDataTypeException', message: 'Webhook Event not found' },
};

/**
 * Webhook delivery. "Failed deliveries are retried 3 times" comes from a secondary source; the
 * waits between tries are not published. The live probe: "ten consecutive non-200s disable the
 * webhook" (re-enabling is manual), and activity webhooks are batched: "LSQ groups everything
 * from one minute together, so the body is always an array" (latency about 2 minutes).
 */
export const DEFAULT_DELIVERY = {
	retryDelaysMs: [60_000, 5 * 60_000, 15 * 60_000],
	disableAfterFailures: 10,
	timeoutMs: 10_000,
	batchWindowMs: 60_000,
};

/**
 * Events delivered in batches (an array a minute): activity events, per the probe, and the
 * opportunity events, whose deliveries the probe saw in the activity shape (unconfirmed).
 */
export const BATCHED_WEBHOOK_EVENTS = [2, 15, 31, 32, 33, 34, 35];

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

/**
 * ProspectActivity.svc/CreateCustom (page create-lead-and-activity) shows no answer. The sandbox
 * answers as Post an Activity does (`Message.Id`, the new activity) and adds the lead's ID and
 * whether it was created, under names of its own choosing.
 */
export const CREATE_CUSTOM_REPLY = (activityId: string, leadId: string, created: boolean) => ({
	Status: 'Success',
	Message: { Id: activityId, RelatedProspectId: leadId, IsLeadCreated: created },
});

/**
 * Sales activities (pages post-or-add-a-sales-activity-to-a-lead, update-an-existing-sales-activity,
 * retrieve-sales-activity): what LeadSquared answers for a ProductSku that is no product of the
 * account, and for an unknown sales activity ID, is not shown. Update's page sample answers
 * `AffectedRows: 0`; the sandbox answers 1 for the row it changed.
 */
export const UNKNOWN_PRODUCT = (sku: string) => ({ type: 'MXInvalidInputException', message: `ProductSku '${sku}' is not a product of this account` });
export const SALES_ACTIVITY_NOT_FOUND = 'Sales Activity not found';

/**
 * Lead/Delete/ById (page lead-delete): the page shows only `{"Status": "Success"}`; what it answers
 * for a lead that does not exist (or was deleted already) is not shown. The sandbox answers as for
 * any other unknown lead (MXInvalidEntityReferenceException).
 */
export const DELETE_UNKNOWN_LEAD_ANSWER = 'MXInvalidEntityReferenceException';

/**
 * Post a Call Log (page call-log-api-for-leadsquared-generic-telephony-connector) says the call is
 * posted "as an activity to the corresponding lead" but neither which activity type nor what it
 * answers: the sandbox logs its Phone Call type and answers as Update Call Recordings/Duration's
 * page does for the same service (`{Status, Message: {Id}}`).
 */
export const LOG_CALL_ACTIVITY_EVENT = 201;
export const LOG_CALL_REPLY = (activityId: string) => ({ Status: 'Success', Message: { Id: activityId, Message: 'Call logged successfully' } });

/**
 * Static lists (pages add-leads-to-a-static-list, remove-lead-from-static-list, get-leads-in-a-list-2,
 * retrieve-all-lists): no page shows what LeadSquared answers for a list ID the account does not
 * have; the sandbox answers as for its other unknown records.
 */
export const UNKNOWN_LIST = {
	status: BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException,
	type: 'MXInvalidEntityReferenceException',
	message: 'List does not exist',
};

/** Adding to or removing from a dynamic list: the pages say the APIs are for static lists, not how they refuse others. */
export const NOT_A_STATIC_LIST = { status: 400, type: 'MXInvalidInputException', message: 'This API works only for static lists' };

/**
 * AddLeadsToStaticList: the page says duplicates are not added; what it does with an ID that is
 * no lead is not shown. The sandbox skips such IDs and counts, in "Successfully added N lead(s)",
 * only the leads it added. RemoveLeadFromStaticList for a lead not in the list: not shown; the
 * sandbox answers the page's success (nothing to remove).
 */
export const LIST_SKIPS_UNKNOWN_LEADS = true;

/** Lists.Get pages by PageIndex; its page size is not published. */
export const LISTS_PAGE_SIZE = 100;

/** Lists every account has from the start (Lists.Get's sample shows these two system lists). */
export const SYSTEM_LISTS = [
	{ name: 'Starred Leads', description: 'List of leads which are Starred by you.', type: 'static' },
	{ name: 'All Leads', description: 'All leads you have access to', type: 'dynamic' },
] as const;

/**
 * Update Call Recordings/Duration (page update-call-recordings-duration-for-phone-call-activities):
 * how LeadSquared refuses an activity that is not a phone call activity is not shown. The sandbox
 * takes the type Log Call posts (LOG_CALL_ACTIVITY_EVENT) as the phone call activities.
 */
export const NOT_A_PHONE_CALL_ACTIVITY = { status: 400, type: 'MXInvalidInputException', message: 'Activity is not a phone call activity' };

/**
 * Check-In User (page check-in-user) shows the body and the answer but, in the text read, not the
 * URL; Check-Out User's page shows `POST …/UserManagement.svc/User/CheckOut`, so the sandbox
 * takes its twin. Neither page says what a check-in of a user already checked in (or a check-out of
 * one checked out) gets: the sandbox accepts it and records it, as the pages' answers carry no state.
 */
export const CHECK_IN_PATH = '/v2/UserManagement.svc/User/CheckIn';

/**
 * File upload (page file-upload-to-leads): the page says only that the file name comes back in
 * `uploadedFile`. The rest of the answer is a public client's test double (Status, uploadedFile,
 * relativeFilePath, s3FilePath, description). The page names no size limit, so the sandbox has none.
 */
export const FILE_UPLOAD_REPLY = (uploadedFile: string) => ({
	Status: 'Success',
	uploadedFile,
	relativeFilePath: `https://sandbox-files.example.com/lead-files/${encodeURIComponent(uploadedFile)}`,
	s3FilePath: `https://sandbox-files.example.com/s3/${encodeURIComponent(uploadedFile)}`,
	description: null,
});

/**
 * SendEmailToLead: the readable copy of its page shows RecipientType LeadEmailAddress (its
 * example) but not its list of values; the sandbox also takes LeadId, with the lead's ID as
 * Recipient. Its answer is not readable either: `{Status, Message: {Id}}` here, like other writes.
 */
export const EMAIL_RECIPIENT_TYPES = { LeadEmailAddress: 'EmailAddress', LeadId: 'id' } as const;

export const SEND_EMAIL_REPLY = (id: string) => ({ Status: 'Success', Message: { Id: id, Message: 'Email sent successfully' } });
