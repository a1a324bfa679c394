import type { CrmCase } from './crmCases';

const COMPANY = '/v2/CompanyManagement.svc';
const PARTNERS = 'Partners';
const field = (schemaName: string, value: string) => ({ schemaName, value });

/** The Account operations, for the CRM failure matrix (crmFailures.test.ts). */
export const ACCOUNT_CASES: CrmCase[] = [
	{
		name: 'Account → Create',
		method: 'POST',
		path: `${COMPANY}/Company.Create`,
		replaySafe: false,
		parameters: {
			resource: 'account',
			operation: 'create',
			accountType: PARTNERS,
			accountName: '={{ $json.name }}',
			accountFields: { field: [field('Phone', '+91-8923748971')] },
		},
		good: () => ({ name: `Matrix partner ${Date.now()}` }),
		bad: { name: ' ' },
		badError: /^'Account Name' is required \[item 1\]$/,
	},
	{
		name: 'Account → Get',
		method: 'POST',
		path: `${COMPANY}/Company.Get`,
		replaySafe: true,
		parameters: { resource: 'account', operation: 'get', accountType: PARTNERS, accountId: '={{ $json.accountId }}' },
		good: (f) => ({ accountId: f.accountId }),
		bad: { accountId: '' },
		badError: /^'Account ID' is required \[item 1\]$/,
	},
	{
		name: 'Account → Get Many',
		method: 'POST',
		path: `${COMPANY}/Company.Get`,
		replaySafe: true,
		parameters: { resource: 'account', operation: 'getAll', accountType: PARTNERS, limit: '={{ $json.limit }}' },
		good: () => ({ limit: 2 }),
		bad: { limit: 0 },
		badError: /^'Limit' must be a whole number 1 or more \(got "0"\) \[item 1\]$/,
	},
	{
		name: 'Account → Update',
		method: 'POST',
		path: `${COMPANY}/Company.Update`,
		replaySafe: true,
		parameters: {
			resource: 'account',
			operation: 'update',
			accountId: '={{ $json.accountId }}',
			accountFields: { field: [field('City', '={{ $json.city }}')] },
		},
		good: (f) => ({ accountId: f.accountId, city: 'Bangalore' }),
		bad: { accountId: ' ', city: 'Pune' },
		badError: /^'Account ID' is required \[item 1\]$/,
	},
	{
		name: 'Account → Create or Update',
		method: 'POST',
		path: `${COMPANY}/Company/Bulk/CreateOrUpdate`,
		bulkPath: `${COMPANY}/Company/Bulk/CreateOrUpdate`,
		bulkRows: (body) => (body as { Companies: unknown[] }).Companies,
		replaySafe: true,
		parameters: {
			resource: 'account',
			operation: 'upsert',
			accountType: PARTNERS,
			matchBy: 'CompanyName',
			matchValue: '={{ $json.name }}',
			accountFields: { field: [field('City', 'Pune')] },
		},
		good: () => ({ name: `Matrix upsert ${Date.now()}` }),
		bad: { name: 'Tools & Dies' },
		badError: /^'Match Value' holds "&", which LeadSquared was seen not to match .* \[item 1\]$/,
	},
];
