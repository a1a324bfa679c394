import { apiClient, control, createLead, pairs, useCrmSandbox } from './crmTestKit';
import { OPPORTUNITY_CAPTURE_PATH } from './crm/unconfirmed';

const OPP = '/v2/OpportunityManagement.svc';
const BULK = `${OPP}/Bulk/Update/ByOpportunityId`;
const SALES_DEAL = 12000;
const NO_OPPORTUNITY = '00000000-0000-0000-0000-000000000000';

/** Page bulk-update-opportunities: up to 25 opportunities a call, each written as Update writes it. */
describe('sandbox CRM: Bulk Update Opportunities', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	let opportunityIds: string[] = [];

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		await createLead(api(), { EmailAddress: 'bulk.opp@example.com' });
		opportunityIds = [];
		for (const name of ['One', 'Two', 'Three']) {
			const captured = await api().post(OPPORTUNITY_CAPTURE_PATH, {
				LeadDetails: pairs({ EmailAddress: 'bulk.opp@example.com', SearchBy: 'EmailAddress' }),
				Opportunity: { OpportunityEventCode: SALES_DEAL, Fields: [{ SchemaName: 'mx_Custom_1', Value: name }] },
			});
			opportunityIds.push(captured.body.CreatedOpportunityId);
		}
	});

	const entry = (id: string, stage: string, code: unknown = SALES_DEAL) => ({ ProspectOpportunityId: id, OpportunityEventCode: code, Fields: [{ SchemaName: 'mx_Custom_2', Value: stage }] });
	const stageOf = async (id: string) =>
		((await api().get(`${OPP}/GetOpportunityDetails?OpportunityId=${id}`)).body.Fields as Array<{ SchemaName: string; Value: string }>).find((f) => f.SchemaName === 'mx_Custom_2')?.Value;

	it('updates each opportunity and answers one row per opportunity in order; a refused one does not stop the others', async () => {
		const answer = await api().post(BULK, [entry(opportunityIds[0], 'Negotiation'), entry(NO_OPPORTUNITY, 'Negotiation'), entry(opportunityIds[2], 'Dreaming'), entry(opportunityIds[1], 'Negotiation', 12001)]);
		expect(answer.status).toBe(200);
		expect(answer.body).toHaveLength(4);
		expect(answer.body[0]).toEqual({ RowNumber: 1, OpportunityId: opportunityIds[0], AffectedRows: 1 });
		expect(answer.body[1]).toMatchObject({ RowNumber: 2, OpportunityId: null, ExceptionType: 'MXInvalidEntityReferenceException', ExceptionMessage: 'Opportunity not found' });
		expect(answer.body[2]).toMatchObject({ RowNumber: 3, OpportunityId: null, ExceptionType: expect.any(String) });
		expect(answer.body[3]).toMatchObject({ RowNumber: 4, OpportunityId: null, ExceptionMessage: expect.stringMatching(/is not of type 12001/) });
		expect(await stageOf(opportunityIds[0])).toBe('Negotiation');
		expect(await stageOf(opportunityIds[1])).not.toBe('Negotiation');
		expect(await stageOf(opportunityIds[2])).not.toBe('Dreaming');
	});

	it('takes the page’s body only: no OpportunityEventCode, or a note, is that row’s refusal', async () => {
		const answer = await api().post(BULK, [{ ProspectOpportunityId: opportunityIds[0], Fields: [] }, { ...entry(opportunityIds[1], 'Won'), OpportunityNote: 'x' }]);
		expect(answer.body[0]).toMatchObject({ RowNumber: 1, ExceptionMessage: "'OpportunityEventCode' is mandatory" });
		expect(answer.body[1]).toMatchObject({ RowNumber: 2, ExceptionMessage: "Unknown attribute 'OpportunityNote'" });
	});

	it('refuses more than 25 opportunities, or a body that is not a list, with a 400 and writes nothing', async () => {
		const over = await api().post(BULK, Array.from({ length: 26 }, () => entry(opportunityIds[0], 'Won')));
		expect(over.status).toBe(400);
		expect(over.body.ExceptionMessage).toBe('At most 25 opportunities can be updated in one call');
		expect(await stageOf(opportunityIds[0])).not.toBe('Won');
		expect((await api().post(BULK, entry(opportunityIds[0], 'Won'))).status).toBe(400);
		expect((await api().post(BULK, [])).status).toBe(400);
	});
});
