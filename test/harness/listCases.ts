import type { CrmCase } from './crmCases';
import { leadBy } from './crmFixtures';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const LIST_NOT_AN_ID = /^'List' must be a LeadSquared ID like .* \(got "Newsletter"\) \[item 1\]$/;

/**
 * List → Add Leads, Get Many Leads and Remove Lead in the failure table, on the fixture's static list and lead
 * (in this order: Remove takes the lead out of the list that Get Many reads).
 */
export const LIST_CASES: CrmCase[] = [
	{
		name: 'List → Add Leads',
		method: 'POST',
		path: '/v2/LeadSegmentation.svc/AddLeadsToStaticList',
		replaySafe: true,
		parameters: { resource: 'list', operation: 'addLeads', listId: '={{ $json.listId }}', leadIds: '={{ $json.leadIds }}' },
		good: (f) => ({ listId: f.listId, leadIds: [f.leadId] }),
		bad: { listId: SOME_ID, leadIds: [SOME_ID, 'not-an-id'] },
		badError: /^'Lead IDs' must be a LeadSquared ID like .* \(got "not-an-id"\) \[item 1\]$/,
	},
	{
		name: 'List → Get Many Leads',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Leads/Retrieve/BySearchParameter',
		replaySafe: true,
		parameters: { resource: 'list', operation: 'getLeads', listId: '={{ $json.listId }}', returnAll: true },
		good: (f) => ({ listId: f.listId }),
		bad: { listId: 'Newsletter' },
		badError: LIST_NOT_AN_ID,
	},
	{
		name: 'List → Remove Lead',
		method: 'GET',
		path: '/v2/LeadSegmentation.svc/RemoveLeadFromStaticList',
		replaySafe: false,
		parameters: { resource: 'list', operation: 'removeLead', listId: '={{ $json.listId }}', lead: leadBy('id', '={{ $json.leadId }}') },
		good: (f) => ({ listId: f.listId, leadId: f.leadId }),
		bad: { listId: 'Newsletter', leadId: SOME_ID },
		badError: LIST_NOT_AN_ID,
	},
];
