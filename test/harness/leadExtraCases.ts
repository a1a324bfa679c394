import type { CrmCase } from './crmCases';

/** Lead → Get Many by IDs in the failure table (Delete has its own tests: each run needs a lead to delete). */
export const LEAD_EXTRA_CASES: CrmCase[] = [
	{
		name: 'Lead → Get Many by IDs',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Leads/Retrieve/ByIds',
		replaySafe: true,
		parameters: { resource: 'lead', operation: 'getManyByIds', leadIds: '={{ $json.ids }}' },
		good: (f) => ({ ids: [f.leadId] }),
		bad: { ids: 'not-an-id' },
		badError: /^'Lead IDs' must be a LeadSquared ID like .* \(got "not-an-id"\) \[item 1\]$/,
	},
];
