import type { Loose } from './crmTestKit';
import { apiClient, createLead, useCrmSandbox } from './crmTestKit';

const LM = '/v2/LeadManagement.svc';
const LS = '/v2/LeadSegmentation.svc';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('sandbox CRM: static lists (Lists.Get, CreateEmptyList, AddLeadsToStaticList, RemoveLeadFromStaticList, Leads/Retrieve/BySearchParameter)', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	let counter = 0;
	const newList = async (name = `List ${++counter}`) => (await api().post(`${LS}/CreateEmptyList`, { Name: name, Description: 'd' })).body.Message.Id as string;
	const members = async (listId: string, extra: Loose = {}) =>
		(await api().post(`${LM}/Leads/Retrieve/BySearchParameter`, { SearchParameters: { ListId: listId, RetrieveBehaviour: '0' }, ...extra })).body;

	it('Lists.Get lists the system lists and new ones as its page shows them, filtered by ListType and SearchText', async () => {
		const id = await newList('Webinar attendees');
		const all = (await api().get(`${LM}/Lists.Get`)).body as Loose[];
		expect(all.map((list) => [list.ListName, list.ListType])).toEqual(
			expect.arrayContaining([
				['Starred Leads', 'static'],
				['All Leads', 'dynamic'],
				['Webinar attendees', 'static'],
			]),
		);
		expect(all.find((list) => list.ListId === id)).toEqual({
			ListId: id,
			ListName: 'Webinar attendees',
			ListDescription: 'd',
			ListType: 'static',
			MemberCount: 0,
		});
		const dynamic = (await api().get(`${LM}/Lists.Get?ListType=1`)).body as Loose[];
		expect(dynamic.map((list) => list.ListName)).toEqual(['All Leads']);
		const searched = (await api().get(`${LM}/Lists.Get?SearchText=webinar`)).body as Loose[];
		expect(searched.map((list) => list.ListId)).toEqual([id]);
		expect((await api().get(`${LM}/Lists.Get?PageIndex=2`)).body).toEqual([]);
		expect((await api().get(`${LM}/Lists.Get?PageIndex=0`)).status).toBe(400);
		expect((await api().get(`${LM}/Lists.Get?ListType=7`)).status).toBe(400);
	});

	it('AddLeadsToStaticList adds the leads once ("Duplicate leads won\'t get added"), skipping IDs that are no lead', async () => {
		const listId = await newList();
		const a = await createLead(api(), { EmailAddress: `list.a.${counter}@example.com`, FirstName: 'A' });
		const b = await createLead(api(), { EmailAddress: `list.b.${counter}@example.com`, FirstName: 'B' });
		const first = await api().post(`${LS}/AddLeadsToStaticList`, { listId, leadIds: [a, b] });
		expect(first.body).toEqual({ Status: 'Success', Message: { Message: 'Successfully added 2 lead(s) to list' } });
		const again = await api().post(`${LS}/AddLeadsToStaticList`, { listId, leadIds: [a, UNKNOWN] });
		expect(again.body.Message.Message).toBe('Successfully added 0 lead(s) to list');
		const answer = await members(listId, { Columns: { Include_CSV: 'ProspectID,FirstName' }, Sorting: { ColumnName: 'FirstName', Direction: '1' } });
		expect(answer).toEqual({
			RecordCount: 2,
			Leads: [b, a].map((id) => ({
				LeadPropertyList: [
					{ Attribute: 'ProspectID', Value: id, Fields: null },
					{ Attribute: 'FirstName', Value: id === a ? 'A' : 'B', Fields: null },
				],
			})),
		});
		const paged = await members(listId, { Paging: { PageIndex: 2, PageSize: 1 }, Sorting: { ColumnName: 'FirstName', Direction: '0' } });
		expect(paged.RecordCount).toBe(2);
		expect(paged.Leads[0].LeadPropertyList.find((pair: Loose) => pair.Attribute === 'ProspectID').Value).toBe(b);
	});

	it('RemoveLeadFromStaticList takes ListId and LeadID in the URL; a lead not in the list is no error', async () => {
		const listId = await newList();
		const a = await createLead(api(), { EmailAddress: `list.r.${counter}@example.com` });
		await api().post(`${LS}/AddLeadsToStaticList`, { listId, leadIds: [a] });
		const removed = await api().get(`${LS}/RemoveLeadFromStaticList?ListId=${listId}&LeadID=${a}`);
		expect(removed.body).toEqual({ Status: 'Success', Message: { Message: 'Successfully removed lead from list' } });
		expect((await members(listId)).RecordCount).toBe(0);
		expect((await api().get(`${LS}/RemoveLeadFromStaticList?ListId=${listId}&LeadID=${a}`)).status).toBe(200);
		expect((await api().get(`${LS}/RemoveLeadFromStaticList?ListId=${listId}`)).status).toBe(400);
	});

	it('an unknown list, a dynamic list for a write, and missing or malformed parameters are refused', async () => {
		const lead = await createLead(api(), { EmailAddress: `list.u.${counter}@example.com` });
		const unknownAdd = await api().post(`${LS}/AddLeadsToStaticList`, { listId: UNKNOWN, leadIds: [lead] });
		expect([unknownAdd.status, unknownAdd.body.ExceptionType]).toEqual([500, 'MXInvalidEntityReferenceException']);
		const unknownRemove = await api().get(`${LS}/RemoveLeadFromStaticList?ListId=${UNKNOWN}&LeadID=${lead}`);
		expect(unknownRemove.status).toBe(500);
		const unknownMembers = await api().post(`${LM}/Leads/Retrieve/BySearchParameter`, { SearchParameters: { ListId: UNKNOWN } });
		expect(unknownMembers.body.ExceptionMessage).toBe('List does not exist');
		const allLeads = ((await api().get(`${LM}/Lists.Get?ListType=1`)).body as Loose[])[0];
		const dynamicAdd = await api().post(`${LS}/AddLeadsToStaticList`, { listId: allLeads.ListId, leadIds: [lead] });
		expect([dynamicAdd.status, dynamicAdd.body.ExceptionType]).toEqual([400, 'MXInvalidInputException']);
		expect((await members(allLeads.ListId)).RecordCount).toBe(allLeads.MemberCount);
		const listId = await newList();
		expect((await api().post(`${LS}/AddLeadsToStaticList`, { listId, leadIds: [] })).status).toBe(400);
		expect((await api().post(`${LS}/AddLeadsToStaticList`, { leadIds: [lead] })).status).toBe(400);
		expect((await api().post(`${LS}/CreateEmptyList`, { Description: 'no name' })).status).toBe(400);
		const badBehaviour = await api().post(`${LM}/Leads/Retrieve/BySearchParameter`, { SearchParameters: { ListId: listId, RetrieveBehaviour: '5' } });
		expect(badBehaviour.status).toBe(400);
	});
});
