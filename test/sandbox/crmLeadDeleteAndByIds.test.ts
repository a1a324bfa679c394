import type { Loose } from './crmTestKit';
import { apiClient, control, createLead, pairs, useCrmSandbox } from './crmTestKit';

const LM = '/v2/LeadManagement.svc';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('sandbox CRM: Leads/Retrieve/ByIds, Lead/Delete/ById and Lead.Capture’s LeadUpdateBehavior', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
	});

	it('ByIds lists the leads it has with the columns asked for, pages, and refuses what the page makes mandatory', async () => {
		const a = await createLead(api(), { EmailAddress: 'a@example.com', FirstName: 'A' });
		const b = await createLead(api(), { EmailAddress: 'b@example.com', FirstName: 'B' });
		const body = (ids: string[], paging = { PageIndex: 1, PageSize: 1000 }) => ({
			SearchParameters: { LeadIds: ids },
			Columns: { Include_CSV: 'ProspectID, FirstName' },
			Paging: paging,
		});
		const all = await api().post(`${LM}/Leads/Retrieve/ByIds`, body([a, UNKNOWN, b]));
		expect(all.body).toEqual({ RecordCount: 2, Leads: [{ ProspectID: a, FirstName: 'A' }, { ProspectID: b, FirstName: 'B' }] });
		const second = await api().post(`${LM}/Leads/Retrieve/ByIds`, body([a, b], { PageIndex: 2, PageSize: 1 }));
		expect(second.body.Leads.map((lead: Loose) => lead.ProspectID)).toEqual([b]);
		expect((await api().post(`${LM}/Leads/Retrieve/ByIds`, { ...body([a]), Columns: {} })).status).toBe(400);
		expect((await api().post(`${LM}/Leads/Retrieve/ByIds`, body([]))).status).toBe(400);
		const tooMany = Array.from({ length: 10_001 }, () => a);
		expect((await api().post(`${LM}/Leads/Retrieve/ByIds`, body(tooMany))).status).toBe(400);
	});

	it('Delete removes the lead and answers {"Status": "Success"}; a second delete is an unknown lead', async () => {
		const id = await createLead(api(), { EmailAddress: 'gone@example.com' });
		const first = await api().get(`${LM}/Lead/Delete/ById?leadId=${id}`);
		expect(first.body).toEqual({ Status: 'Success' });
		expect((await api().get(`${LM}/Leads.GetById?id=${id}`)).body).toEqual([]);
		const again = await api().get(`${LM}/Lead/Delete/ById?leadId=${id}`);
		expect(again.status).toBe(500);
		expect(again.body.ExceptionType).toBe('MXInvalidEntityReferenceException');
	});

	it('Lead.Capture takes LeadUpdateBehavior from the query string and refuses values the page does not name', async () => {
		const id = await createLead(api(), { EmailAddress: 'keep@example.com', FirstName: 'Kept' });
		const kept = await api().post(`${LM}/Lead.Capture?LeadUpdateBehavior=DoNotUpdate`, pairs({ EmailAddress: 'keep@example.com', FirstName: 'New' }));
		expect(kept.body.Message).toMatchObject({ Id: id, IsCreated: false });
		expect((await api().get(`${LM}/Leads.GetById?id=${id}`)).body[0].FirstName).toBe('Kept');
		const bad = await api().post(`${LM}/Lead.Capture?LeadUpdateBehavior=Overwrite`, pairs({ EmailAddress: 'keep@example.com' }));
		expect(bad.status).toBe(400);
	});
});
