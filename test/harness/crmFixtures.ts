import type { INodeParameters } from 'n8n-workflow';

import { DEMO_USERS } from '../sandbox/fixtures';
import type { LeadSquaredSandbox } from '../sandbox/server';
import { apiClient, pairs } from '../sandbox/crmTestKit';
import { OPPORTUNITY_CAPTURE_PATH } from '../sandbox/crm/unconfirmed';

/** IDs of one lead and of an activity, a task and an opportunity on it, made through the sandbox's API. */
export interface CrmFixtures {
	leadId: string;
	email: string;
	activityId: string;
	taskId: string;
	opportunityId: string;
	salesActivityId: string;
	/** An account (company) of the type Partners. */
	accountId: string;
	/** A static list holding the lead. */
	listId: string;
}

/** The sandbox's Phone Call activity type, WhatsApp Message type and Sales Deal opportunity type. */
export const PHONE_CALL = 201;
export const WHATSAPP_MESSAGE = 202;
export const SALES_DEAL = 12000;

let seeded = 0;

export async function seedCrm(sandbox: LeadSquaredSandbox): Promise<CrmFixtures> {
	const api = apiClient(sandbox);
	const email = `fixture.${++seeded}.${Date.now()}@example.com`;
	const expectOk = <T>(answer: { status: number; body: T }, what: string): T => {
		if (answer.status !== 200) throw new Error(`${what} failed: ${JSON.stringify(answer.body)}`);
		return answer.body;
	};
	const lead = expectOk(
		await api.post('/v2/LeadManagement.svc/Lead.Create', pairs({ EmailAddress: email, FirstName: 'Fixture' })),
		'Lead.Create',
	);
	const leadId = lead.Message.Id as string;
	const activity = expectOk(
		await api.post('/v2/ProspectActivity.svc/Create', {
			RelatedProspectId: leadId,
			ActivityEvent: PHONE_CALL,
			ActivityNote: 'Fixture call',
		}),
		'Activity Create',
	);
	const task = expectOk(
		await api.post('/v2/Task.svc/Create', {
			Name: 'Fixture task',
			TaskType: { Name: 'Follow Up' },
			OwnerId: DEMO_USERS[0].ID,
			RelatedEntity: 1,
			RelatedEntityId: leadId,
		}),
		'Task Create',
	);
	const opportunity = expectOk(
		await api.post(OPPORTUNITY_CAPTURE_PATH, {
			LeadDetails: pairs({ EmailAddress: email }),
			Opportunity: { OpportunityEventCode: SALES_DEAL, Fields: [{ SchemaName: 'mx_Custom_1', Value: `Fixture deal ${seeded}` }] },
		}),
		'Opportunity Capture',
	);
	const sale = expectOk(
		await api.post('/v2/SalesActivity.svc/Create', { ProspectId: leadId, ProductSku: 'PLAN-STARTER', Status: 'Open', Revenue: '100' }),
		'Sales Activity Create',
	);
	const account = expectOk(
		await api.post('/v2/CompanyManagement.svc/Company.Create', {
			CompanyType: { CompanyTypeName: 'Partners' },
			CompanyProperties: pairs({ CompanyName: `Fixture account ${seeded}` }),
		}),
		'Company.Create',
	);
	const list = expectOk(await api.post('/v2/LeadSegmentation.svc/CreateEmptyList', { Name: `Fixture list ${seeded}` }), 'CreateEmptyList');
	expectOk(await api.post('/v2/LeadSegmentation.svc/AddLeadsToStaticList', { listId: list.Message.Id, leadIds: [leadId] }), 'AddLeadsToStaticList');
	return {
		listId: list.Message.Id,
		salesActivityId: sale.Message.Id,
		leadId,
		email,
		activityId: activity.Message.Id,
		taskId: task.Message.Id,
		opportunityId: opportunity.CreatedOpportunityId,
		accountId: account.Message.Id,
	};
}

/** A Lead field (resource locator) set by ID, email or phone. */
export const leadBy = (mode: 'id' | 'email' | 'phone' | 'list', value: string): INodeParameters['lead'] => ({
	__rl: true,
	mode,
	value,
});
