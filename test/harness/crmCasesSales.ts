import { DEMO_USERS } from '../sandbox/fixtures';
import type { CrmCase } from './crmCases';
import { leadBy, PHONE_CALL } from './crmFixtures';

/** The failure matrix's cases for Sales Activity and for Activity → Update and Create Lead and Activity. */

const byLeadId = { lead: leadBy('id', '={{ $json.leadId }}') };
const OWNER = DEMO_USERS[0].EmailAddress;
let unique = 0;
const fresh = () => `lead.activity.${++unique}.${Date.now()}@example.com`;

export const SALES_AND_ACTIVITY_WRITE_CASES: CrmCase[] = [
	{
		name: 'Sales Activity → Create',
		method: 'POST',
		path: '/v2/SalesActivity.svc/Create',
		replaySafe: false,
		parameters: { resource: 'salesActivity', operation: 'create', ...byLeadId, productSku: 'PLAN-GROWTH', revenue: '={{ $json.revenue }}', status: 'Won' },
		good: (f) => ({ leadId: f.leadId, revenue: '4999.50' }),
		bad: { leadId: '6f75b09d-0187-45d6-86dd-f848bd5a0aca', revenue: '₹4,999' },
		badError: /^'Revenue' must be a plain number like 4999\.00, without currency or separators \(got "₹4,999"\) \[item 1\]$/,
	},
	{
		name: 'Sales Activity → Update',
		method: 'POST',
		path: '/v2/SalesActivity.svc/Update',
		replaySafe: true,
		parameters: {
			resource: 'salesActivity',
			operation: 'update',
			salesActivityId: '={{ $json.id }}',
			...byLeadId,
			productSku: 'PLAN-GROWTH',
			revenue: '250',
			salesOwnerEmail: OWNER,
			salesDate: '={{ $json.date }}',
		},
		good: (f) => ({ id: f.salesActivityId, leadId: f.leadId, date: '2026-11-30 10:00:00' }),
		bad: { id: '6f75b09d-0187-45d6-86dd-f848bd5a0aca', leadId: '6f75b09d-0187-45d6-86dd-f848bd5a0aca', date: '' },
		badError: /^'Sales Date' is required \[item 1\]$/,
	},
	{
		name: 'Sales Activity → Get',
		method: 'GET',
		path: '/v2/SalesActivity.svc/RetrieveActivity',
		replaySafe: true,
		parameters: { resource: 'salesActivity', operation: 'get', salesActivityId: '={{ $json.id }}' },
		good: (f) => ({ id: f.salesActivityId }),
		bad: { id: 'sale-1' },
		badError: /^'Sales Activity ID' must be a LeadSquared ID like .* \(got "sale-1"\) \[item 1\]$/,
	},
	{
		name: 'Activity → Update',
		method: 'POST',
		path: '/v2/ProspectActivity.svc/CustomActivity/Update',
		replaySafe: true,
		parameters: { resource: 'activity', operation: 'update', activityId: '={{ $json.id }}', activityEvent: PHONE_CALL, note: '={{ $json.note }}' },
		good: (f) => ({ id: f.activityId, note: 'Called back; demo booked' }),
		bad: { id: '6f75b09d-0187-45d6-86dd-f848bd5a0aca', note: '' },
		badError: /^'Note' and Activity Fields are both empty; give a note or at least one field to change \[item 1\]$/,
	},
	{
		name: 'Activity → Create Lead and Activity',
		method: 'POST',
		path: '/v2/ProspectActivity.svc/CreateCustom',
		replaySafe: false,
		parameters: {
			resource: 'activity',
			operation: 'createWithLead',
			fieldsMode: 'json',
			json: '={{ $json.lead }}',
			activityEvent: PHONE_CALL,
			note: 'Web enquiry call',
		},
		good: () => ({ lead: { EmailAddress: fresh(), FirstName: 'Asha' } }),
		bad: { lead: { FirstName: 'Asha' } },
		badError: /^'Lead Fields' need an EmailAddress or Phone value.* \[item 1\]$/,
	},
];
