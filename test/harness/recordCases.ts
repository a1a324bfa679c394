import { DEMO_USERS } from '../sandbox/fixtures';
import type { CrmCase } from './crmCases';
import { leadBy, SALES_DEAL } from './crmFixtures';

/** Issue 17's reads and idempotent writes, for the failure table (the deletes, and Note Get Many whose fixture lead has no notes, have their own tests). */

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace('T', ' ').slice(0, 19);

const byLeadId = { lead: leadBy('id', '={{ $json.leadId }}') };
const NOT_AN_ID = { leadId: 'not-an-id' };
const LEAD_NOT_AN_ID = /^'Lead' must be a LeadSquared ID like .* \(got "not-an-id"\) \[item 1\]$/;

export const RECORD_CASES: CrmCase[] = [
	{
		name: 'Opportunity → Get',
		method: 'GET',
		path: '/v2/OpportunityManagement.svc/GetOpportunityDetails',
		replaySafe: true,
		parameters: { resource: 'opportunity', operation: 'get', opportunityId: '={{ $json.id }}' },
		good: (f) => ({ id: f.opportunityId }),
		bad: { id: ' ' },
		badError: /^'Opportunity ID' is required \[item 1\]$/,
	},
	{
		name: 'Opportunity → Get Many by IDs',
		method: 'POST',
		path: '/v2/OpportunityManagement.svc/GetOpportunitiesById',
		replaySafe: true,
		parameters: { resource: 'opportunity', operation: 'getManyById', opportunityType: SALES_DEAL, opportunityIds: '={{ $json.ids }}', columns: 'Status' },
		good: (f) => ({ ids: [f.opportunityId] }),
		bad: { ids: ['deal-1'] },
		badError: /^'Opportunity IDs' must be a LeadSquared ID like .*\(got "deal-1"\) \[item 1\]$/,
	},
	{
		name: 'Task → Get Many of a Lead',
		method: 'GET',
		path: '/v2/LeadManagement.svc/RetrieveTaskByLeadId',
		replaySafe: true,
		parameters: { resource: 'task', operation: 'getAllOfLead', ...byLeadId, returnAll: true },
		good: (f) => ({ leadId: f.leadId }),
		bad: NOT_AN_ID,
		badError: LEAD_NOT_AN_ID,
	},
	{
		name: 'Task → Get Many To-Dos of a User',
		method: 'POST',
		path: '/v2/Task.svc/RetrieveToDos/ByUserId',
		replaySafe: true,
		parameters: { resource: 'task', operation: 'getToDos', userId: DEMO_USERS[0].ID, fromDate: '={{ $json.from }}', toDate: '={{ $json.to }}', returnAll: true },
		good: () => ({ from: dayFromNow(-1), to: dayFromNow(1) }),
		bad: { from: '2026-01-01 00:00:00', to: '2026-06-01 00:00:00' },
		badError: /^'To' is 151 days after From; LeadSquared allows at most 100 .*\[item 1\]$/,
	},
];
