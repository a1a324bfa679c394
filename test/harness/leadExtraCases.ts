import type { CrmCase } from './crmCases';

let unique = 0;

/** Lead → Capture and Get Many by IDs in the failure table (Delete has its own tests: each run needs a lead to delete). */
export const LEAD_EXTRA_CASES: CrmCase[] = [
	{
		name: 'Lead → Capture',
		method: 'POST',
		path: '/v2/LeadManagement.svc/Lead.Capture',
		replaySafe: false,
		parameters: { resource: 'lead', operation: 'capture', fieldsMode: 'json', json: '={{ $json.lead }}', updateBehavior: '={{ $json.behavior }}' },
		good: () => ({ lead: { FirstName: 'Captured', EmailAddress: `capture.${++unique}.${Date.now()}@example.com` }, behavior: '' }),
		bad: { lead: { FirstName: 'Captured' }, behavior: 'Overwrite' },
		badError: /^'Update Behavior' must be one of DoNotUpdate, UpdateOnlyEmptyFields, DoNotUpdateUniqueFields \(got "Overwrite"\) \[item 1\]$/,
	},
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
