import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO_USERS } from '../sandbox/fixtures';
import { NOTE_CREATE_PATH, OPPORTUNITY_CAPTURE_PATH } from '../sandbox/crm/unconfirmed';
import { ACCOUNT_CASES } from './accountCases';
import type { CrmFixtures } from './crmFixtures';
import { leadBy, PHONE_CALL, SALES_DEAL } from './crmFixtures';
import { SALES_AND_ACTIVITY_WRITE_CASES } from './crmCasesSales';
import { LEAD_EXTRA_CASES } from './leadExtraCases';
import { TELEPHONY_CASES } from './telephonyCases';
import { USER_AVAILABILITY_CASES } from './userAvailabilityCases';
import { LIST_CASES } from './listCases';
import { EMAIL_CASES } from './fileEmailCases';

/**
 * One CRM operation as the failure tests run it: parameters that read the item, an item that
 * succeeds, an item that breaks one of the node's checks, and the endpoint it calls.
 */
export interface CrmCase {
	name: string;
	method: 'GET' | 'POST';
	path: string;
	/** Whether the node sends the call again after a 5xx (reads, upserts). */
	replaySafe: boolean;
	parameters: INodeParameters;
	good: (fixtures: CrmFixtures) => IDataObject;
	bad: IDataObject;
	/** How the node words the bad item's error. */
	badError: RegExp;
	/** For a call whose path no readable page shows: how its 404 names the call and where to override the path. */
	unconfirmed?: { what: string; overrideIn: string };
	/** The bulk call the node sends several items in, if it batches them. */
	bulkPath?: string;
	/** The items of a bulk call's body, if the body is not the list of them. */
	bulkRows?: (body: unknown) => unknown[];
}

let unique = 0;
const fresh = () => `matrix.${++unique}.${Date.now()}@example.com`;

const byLeadId = { lead: leadBy('id', '={{ $json.leadId }}') };
const NOT_AN_ID = { leadId: 'not-an-id' };
const LEAD_NOT_AN_ID = /^'Lead' must be a LeadSquared ID like .* \(got "not-an-id"\) \[item 1\]$/;

export const CRM_CASES: CrmCase[] = [
	{
		name: 'Lead → Get',
		method: 'GET',
		path: '/v2/LeadManagement.svc/Leads.GetById',
		replaySafe: true,
		unconfirmed: {
			what: 'the lead lookup by ID',
			overrideIn: "the credential's Override API Paths Not on LeadSquared’s Pages → Lead by ID Path",
		},
		parameters: { resource: 'lead', operation: 'get', ...byLeadId },
		good: (f) => ({ leadId: f.leadId }),
		bad: NOT_AN_ID,
		badError: LEAD_NOT_AN_ID,
	},
	{
		name: 'Lead → Search',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Leads.Get',
		replaySafe: true,
		parameters: {
			resource: 'lead',
			operation: 'search',
			lookupName: '={{ $json.field }}',
			operator: 'equals',
			lookupValue: '={{ $json.value }}',
		},
		good: (f) => ({ field: 'EmailAddress', value: f.email }),
		bad: { field: 'E-mail Address', value: 'x' },
		badError: /^'Field' must be a LeadSquared schema name, like FirstName or mx_Custom_1 \(got "E-mail Address"\) \[item 1\]$/,
	},
	{
		name: 'Lead → Get Recently Modified',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Leads.RecentlyModified',
		replaySafe: true,
		parameters: {
			resource: 'lead',
			operation: 'getRecentlyModified',
			fromDate: '={{ $json.from }}',
			toDate: '2099-01-01 00:00:00',
		},
		good: () => ({ from: '2020-01-01 00:00:00' }),
		bad: { from: 'last Tuesday' },
		badError: /^'From' must be a date and time like 2025-01-31 14:30:00 .*\(got "last Tuesday"\) \[item 1\]$/,
	},
	{
		name: 'Lead → Create',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Lead.Create',
		bulkPath: '/v2/LeadManagement.svc/Lead/Bulk/Create',
		replaySafe: false,
		parameters: { resource: 'lead', operation: 'create', fieldsMode: 'json', json: '={{ $json.lead }}' },
		good: () => ({ lead: { FirstName: 'Matrix', EmailAddress: fresh() } }),
		bad: { lead: { FirstName: null } },
		badError: /^'Lead Fields' has no field with a value; LeadSquared needs at least one \(left out as empty: FirstName\) \[item 1\]$/,
	},
	{
		name: 'Lead → Update',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Lead.Update',
		bulkPath: '/v2/LeadManagement.svc/Lead/Bulk/UpdateV2',
		replaySafe: true,
		parameters: { resource: 'lead', operation: 'update', ...byLeadId, fieldsMode: 'json', json: '{"JobTitle": "Buyer"}' },
		good: (f) => ({ leadId: f.leadId }),
		bad: NOT_AN_ID,
		badError: LEAD_NOT_AN_ID,
	},
	{
		name: 'Lead → Create or Update',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Lead.CreateOrUpdate',
		bulkPath: '/v2/LeadManagement.svc/Lead/Bulk/CreateOrUpdate',
		replaySafe: true,
		parameters: { resource: 'lead', operation: 'upsert', fieldsMode: 'json', json: '={{ $json.lead }}' },
		good: (f) => ({ lead: { EmailAddress: f.email, JobTitle: 'Buyer' } }),
		bad: { lead: { FirstName: 'No key' } },
		badError:
			/^'Lead Fields' need an EmailAddress or Phone value, which LeadSquared uses to find the lead, or a Search By field that has a value \[item 1\]$/,
	},
	{
		name: 'Activity → Post',
		method: 'POST',
		path: '/v2/ProspectActivity.svc/Create',
		replaySafe: false,
		parameters: { resource: 'activity', operation: 'post', ...byLeadId, activityEvent: PHONE_CALL, note: 'Matrix call' },
		good: (f) => ({ leadId: f.leadId }),
		bad: NOT_AN_ID,
		badError: LEAD_NOT_AN_ID,
		bulkPath: '/v2/ProspectActivity.svc/Bulk/CustomActivity/Add/ByLeadId',
	},
	{
		name: 'Activity → Get Many',
		method: 'POST',
		path: '/v2/ProspectActivity.svc/Retrieve',
		replaySafe: true,
		parameters: { resource: 'activity', operation: 'getAll', ...byLeadId, returnAll: true },
		good: (f) => ({ leadId: f.leadId }),
		bad: NOT_AN_ID,
		badError: LEAD_NOT_AN_ID,
	},
	{
		name: 'Activity → Get',
		method: 'GET',
		path: '/v2/ProspectActivity.svc/GetActivityDetails',
		replaySafe: true,
		parameters: { resource: 'activity', operation: 'get', activityId: '={{ $json.activityId }}' },
		good: (f) => ({ activityId: f.activityId }),
		bad: { activityId: 'call-42' },
		badError: /^'Activity ID' must be a LeadSquared ID like .* \(got "call-42"\) \[item 1\]$/,
	},
	{
		name: 'Task → Create',
		method: 'POST',
		path: '/v2/Task.svc/Create',
		replaySafe: false,
		parameters: {
			resource: 'task',
			operation: 'create',
			name: '={{ $json.name }}',
			taskType: 'Follow Up',
			ownerId: DEMO_USERS[1].ID,
			relatedTo: 'lead',
			...byLeadId,
		},
		good: (f) => ({ name: 'Call back', leadId: f.leadId }),
		bad: { name: ' ' },
		badError: /^'Name' is required \[item 1\]$/,
	},
	{
		name: 'Task → Update',
		method: 'POST',
		path: '/v2/Task.svc/Update',
		replaySafe: false,
		parameters: { resource: 'task', operation: 'update', taskId: '={{ $json.taskId }}', updateFields: { description: 'Matrix' } },
		good: (f) => ({ taskId: f.taskId }),
		bad: { taskId: 'task-7' },
		badError: /^'Task ID' must be a LeadSquared ID like .* \(got "task-7"\) \[item 1\]$/,
	},
	{
		name: 'Task → Get Many',
		method: 'POST',
		path: '/v2/Task.svc/Retrieve',
		replaySafe: true,
		parameters: { resource: 'task', operation: 'getAll', ownerId: '={{ $json.owner }}', returnAll: true },
		good: () => ({ owner: DEMO_USERS[0].ID }),
		bad: { owner: 'Asha' },
		badError: /^'Owner' must be a LeadSquared ID like .* \(got "Asha"\) \[item 1\]$/,
	},
	{
		name: 'Opportunity → Capture',
		method: 'POST',
		path: OPPORTUNITY_CAPTURE_PATH,
		replaySafe: false,
		unconfirmed: { what: 'the opportunity capture', overrideIn: "the operation's Options → Capture API URL (Override)" },
		parameters: {
			resource: 'opportunity',
			operation: 'capture',
			opportunityType: SALES_DEAL,
			opportunityFields: { field: [{ schemaName: 'mx_Custom_1', value: '={{ $json.deal }}' }] },
			fieldsMode: 'json',
			json: '={{ $json.lead }}',
		},
		good: (f) => ({ deal: `Deal ${++unique}`, lead: { EmailAddress: f.email } }),
		bad: { deal: 'x', lead: { FirstName: 'No key' } },
		badError: /^'Lead Fields' need an EmailAddress or Phone value/,
	},
	{
		name: 'Opportunity → Update',
		method: 'POST',
		path: '/v2/OpportunityManagement.svc/Update',
		bulkPath: '/v2/OpportunityManagement.svc/Bulk/Update/ByOpportunityId',
		replaySafe: false,
		parameters: {
			resource: 'opportunity',
			operation: 'update',
			opportunityId: '={{ $json.opportunityId }}',
			opportunityFields: { field: [{ schemaName: 'mx_Custom_2', value: 'Negotiation' }] },
			options: { opportunityType: SALES_DEAL },
		},
		good: (f) => ({ opportunityId: f.opportunityId }),
		bad: { opportunityId: '' },
		badError: /^'Opportunity ID' is required \[item 1\]$/,
	},
	{
		name: 'Opportunity → Get Many',
		method: 'POST',
		path: '/v2/OpportunityManagement.svc/GetOpportunitiesOfLead',
		replaySafe: true,
		parameters: { resource: 'opportunity', operation: 'getAll', ...byLeadId, returnAll: true, filters: { opportunityType: SALES_DEAL } },
		good: (f) => ({ leadId: f.leadId }),
		bad: NOT_AN_ID,
		badError: LEAD_NOT_AN_ID,
	},
	{
		name: 'Note → Create',
		method: 'POST',
		path: NOTE_CREATE_PATH,
		replaySafe: false,
		unconfirmed: { what: 'the note', overrideIn: "the operation's Options → Note API URL (Override)" },
		parameters: { resource: 'note', operation: 'create', ...byLeadId, note: '={{ $json.note }}' },
		good: (f) => ({ leadId: f.leadId, note: 'Asked for a quote' }),
		bad: { leadId: '6f75b09d-0187-45d6-86dd-f848bd5a0aca', note: '' },
		badError: /^'Note' is required \[item 1\]$/,
	},
	{
		name: 'User → Get',
		method: 'GET',
		path: '/v2/UserManagement.svc/User/Retrieve/ByUserId',
		replaySafe: true,
		parameters: { resource: 'user', operation: 'get', userId: '={{ $json.userId }}' },
		good: () => ({ userId: DEMO_USERS[2].ID }),
		bad: { userId: 'siti' },
		badError: /^'User' must be a LeadSquared ID like .* \(got "siti"\) \[item 1\]$/,
	},
	{
		name: 'User → Get Many',
		method: 'GET',
		path: '/v2/UserManagement.svc/Users.Get',
		replaySafe: true,
		parameters: { resource: 'user', operation: 'getAll', limit: '={{ $json.limit }}' },
		good: () => ({ limit: 2 }),
		bad: { limit: 0 },
		badError: /^'Limit' must be a whole number 1 or more \(got "0"\) \[item 1\]$/,
	},
	...SALES_AND_ACTIVITY_WRITE_CASES,
	...LEAD_EXTRA_CASES,
	...TELEPHONY_CASES,
	...USER_AVAILABILITY_CASES,
	...EMAIL_CASES,
	...LIST_CASES,
	...ACCOUNT_CASES,
];
