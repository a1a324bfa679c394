import type { Loose } from './crmTestKit';
import { apiClient, control, createLead, pairs, useCrmSandbox } from './crmTestKit';
import { NOTE_CREATE_PATH } from './crm/unconfirmed';
import { LeadSquaredSandbox } from './server';

const LM = '/v2/LeadManagement.svc';

describe('sandbox CRM: leads', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
	});

	it('Lead.Create answers the new id, and the lead reads back flat with system fields', async () => {
		const created = await api().post(`${LM}/Lead.Create`, pairs({ EmailAddress: 'asha@example.com', FirstName: 'Asha', mx_City: 'Pune' }));
		expect(created).toEqual({ status: 200, body: { Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } } });
		const { body } = await api().get(`${LM}/Leads.GetById?id=${created.body.Message.Id}`);
		expect(body).toHaveLength(1);
		expect(body[0]).toMatchObject({
			ProspectID: created.body.Message.Id,
			FirstName: 'Asha',
			EmailAddress: 'asha@example.com',
			mx_City: 'Pune',
			Phone: null,
			ProspectStage: 'Prospect',
			OwnerId: sandbox().accounts[0].users[0].ID,
			CreatedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
		});
	});

	it('refuses a second lead with the same e-mail or phone (MXDuplicateEntryException)', async () => {
		await createLead(api(), { EmailAddress: 'dup@example.com', Phone: '+91-9876543210' });
		const byEmail = await api().post(`${LM}/Lead.Create`, pairs({ EmailAddress: 'DUP@example.com' }));
		const byPhone = await api().post(`${LM}/Lead.Create`, pairs({ Phone: '+919876543210' }));
		for (const answer of [byEmail, byPhone]) {
			expect(answer.status).toBe(500);
			expect(answer.body.ExceptionType).toBe('MXDuplicateEntryException');
		}
	});

	it.each([
		['an unknown field', pairs({ mx_Nope: 'x' }), 'MXInvalidAttributeException'],
		['an invalid e-mail', pairs({ EmailAddress: 'not-an-email' }), 'MXInvalidEmailAddressException'],
		['text in a number field', pairs({ mx_Budget: 'lots' }), 'MXInvalidInputException'],
		['a value over the field length', pairs({ FirstName: 'x'.repeat(101) }), 'MXInvalidInputException'],
		['an owner who is not a user', pairs({ OwnerId: 'nobody' }), 'MXInvalidInputException'],
		['a body that is not pairs', { EmailAddress: 'a@example.com' }, 'MXInvalidInputException'],
	])('answers 400 for %s', async (_, body, type) => {
		const answer = await api().post(`${LM}/Lead.Create`, body);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ Status: 'Error', ExceptionType: type });
	});

	it('answers 401 for wrong keys and 404 for an API that does not exist', async () => {
		const wrong = apiClient(sandbox(), { ...sandbox().accounts[0], secretKey: 'wrong' });
		expect((await wrong.get(`${LM}/Leads.GetById?id=x`)).status).toBe(401);
		const missing = await api().get(`${LM}/Leads.GetEverything`);
		expect(missing.status).toBe(404);
		expect(missing.body.ExceptionType).toBe('MXAPINotFoundException');
	});

	it('finds leads by e-mail, by phone (Phone or Mobile, most recent) and by quick search; unknown ones answer []', async () => {
		const first = await createLead(api(), { EmailAddress: 'meera@example.com', FirstName: 'Meera', Mobile: '+91 98450 98450' });
		expect((await api().get(`${LM}/Leads.GetByEmailaddress?emailaddress=MEERA@example.com`)).body[0].ProspectID).toBe(first);
		expect((await api().get(`${LM}/RetrieveLeadByPhoneNumber?phone=%2B919845098450`)).body[0].ProspectID).toBe(first);
		expect((await api().get(`${LM}/Leads.GetByQuickSearch?key=eer`)).body.map((l: Loose) => l.ProspectID)).toEqual([first]);
		expect((await api().get(`${LM}/Leads.GetByEmailaddress?emailaddress=nobody@example.com`)).body).toEqual([]);
		expect((await api().get(`${LM}/Leads.GetById?id=00000000-0000-0000-0000-000000000000`)).body).toEqual([]);
	});

	it('RetrieveLeadByPhoneNumber takes the number with or without the country code (get-lead-by-phone)', async () => {
		const lead = await createLead(api(), { FirstName: 'Priya', Phone: '+91-8611795988' });
		for (const phone of ['%2B918611795988', '918611795988', '8611795988']) {
			expect((await api().get(`${LM}/RetrieveLeadByPhoneNumber?phone=${phone}`)).body.map((l: Loose) => l.ProspectID)).toEqual([lead]);
		}
		// another line that ends the same way is not the lead
		expect((await api().get(`${LM}/RetrieveLeadByPhoneNumber?phone=611795988`)).body).toEqual([]);
	});

	it('Leads.Get searches by criteria with operators, columns, sorting and paging', async () => {
		for (const [name, budget] of [['Ana', 100], ['Ben', 250], ['Cal', 400], ['Dev', 900]] as const) {
			await createLead(api(), { FirstName: name, EmailAddress: `${name.toLowerCase()}@example.com`, mx_Budget: budget });
		}
		const search = async (parameter: object, extra: object = {}) =>
			await api().post(`${LM}/Leads.Get`, { Parameter: parameter, Columns: { Include_CSV: 'FirstName, mx_Budget' }, ...extra });
		const over = await search({ LookupName: 'mx_Budget', LookupValue: '250', SqlOperator: '>=' }, { Sorting: { ColumnName: 'mx_Budget', Direction: '1' } });
		expect(over.body).toEqual([
			{ FirstName: 'Dev', mx_Budget: '900' },
			{ FirstName: 'Cal', mx_Budget: '400' },
			{ FirstName: 'Ben', mx_Budget: '250' },
		]);
		const like = await search({ LookupName: 'EmailAddress', LookupValue: '%@example.com', SqlOperator: 'LIKE' }, {
			Sorting: { ColumnName: 'FirstName', Direction: '0' },
			Paging: { PageIndex: 2, PageSize: 3 },
		});
		expect(like.body).toEqual([{ FirstName: 'Dev', mx_Budget: '900' }]);
		const bad = await search({ LookupName: 'mx_Budget', LookupValue: '1', SqlOperator: 'BETWEEN' });
		expect(bad.status).toBe(400);
		const unknown = await search({ LookupName: 'Shoe', LookupValue: '1', SqlOperator: '=' });
		expect(unknown.status).toBe(400);
	});

	it('Leads.RecentlyModified filters by modified time, pages, and returns at most 5000 a call', async () => {
		const seeded = Array.from({ length: 5001 }, (_, i) => ({ FirstName: `Bulk ${i}`, EmailAddress: `bulk${i}@example.com` }));
		await control(sandbox(), 'POST', '/__sandbox/crm/seed', { leads: seeded });
		const now = new Date();
		const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
		const range = { FromDate: at(now.getTime() - 60_000), ToDate: at(now.getTime() + 60_000) };
		const all = await api().post(`${LM}/Leads.RecentlyModified`, { Parameter: range, Paging: { PageIndex: 1, PageSize: 6000 } });
		expect(all.body.RecordCount).toBe(5001);
		expect(all.body.Leads).toHaveLength(5000);
		const page = await api().post(`${LM}/Leads.RecentlyModified`, {
			Parameter: range,
			Columns: { Include_CSV: 'ProspectID,FirstName' },
			Sorting: { ColumnName: 'ProspectAutoId', Direction: '0' },
			Paging: { PageIndex: 2, PageSize: 2 },
		});
		expect(page.body.Leads).toEqual([
			{ LeadPropertyList: [{ Attribute: 'ProspectID', Value: expect.any(String) }, { Attribute: 'FirstName', Value: 'Bulk 2' }] },
			{ LeadPropertyList: [{ Attribute: 'ProspectID', Value: expect.any(String) }, { Attribute: 'FirstName', Value: 'Bulk 3' }] },
		]);
		const past = await api().post(`${LM}/Leads.RecentlyModified`, { Parameter: { FromDate: '2001-01-01 00:00:00', ToDate: '2001-01-02 00:00:00' } });
		expect(past.body).toEqual({ RecordCount: 0, Leads: [] });
		const badDate = await api().post(`${LM}/Leads.RecentlyModified`, { Parameter: { FromDate: '01/01/2024', ToDate: '2024-01-02 00:00:00' } });
		expect(badDate.status).toBe(400);
	});

	it('Lead.Update needs a leadId, refuses an unknown lead and applies the fields', async () => {
		const id = await createLead(api(), { EmailAddress: 'upd@example.com' });
		const missing = await api().post(`${LM}/Lead.Update`, pairs({ FirstName: 'X' }));
		expect(missing).toMatchObject({ status: 400, body: { ExceptionType: 'MXMandatoryAttributeMissingException' } });
		const unknown = await api().post(`${LM}/Lead.Update?leadId=00000000-0000-0000-0000-000000000000`, pairs({ FirstName: 'X' }));
		expect(unknown.body).toMatchObject({ ExceptionType: 'MXInvalidEntityReferenceException', ExceptionMessage: 'Lead not found' });
		const ok = await api().post(`${LM}/Lead.Update?leadId=${id}`, pairs({ FirstName: 'Updated', ProspectStage: 'Customer' }));
		expect(ok.body).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
		const [lead] = (await api().get(`${LM}/Leads.GetById?id=${id}`)).body;
		expect(lead).toMatchObject({ FirstName: 'Updated', ProspectStage: 'Customer' });
		const badStage = await api().post(`${LM}/Lead.Update?leadId=${id}`, pairs({ ProspectStage: 'Astronaut' }));
		expect(badStage.status).toBe(400);
	});

	it('Lead.CreateOrUpdate matches e-mail then phone, or SearchBy; a phone match with another e-mail is a duplicate', async () => {
		const id = await createLead(api(), { EmailAddress: 'cu@example.com', Phone: '5550001' });
		const update = await api().post(`${LM}/Lead.CreateOrUpdate`, pairs({ EmailAddress: 'cu@example.com', FirstName: 'Again' }));
		// Page create-or-update: the answer is {Id, AffectedRows}, whether the lead was created or updated.
		expect(update.body).toEqual({ Status: 'Success', Message: { Id: id, AffectedRows: 1 } });
		const bySearch = await api().post(`${LM}/Lead.CreateOrUpdate`, pairs({ Phone: '5550001', LastName: 'Phoned', SearchBy: 'Phone' }));
		expect(bySearch.body.Message.Id).toBe(id);
		const clash = await api().post(`${LM}/Lead.CreateOrUpdate`, pairs({ EmailAddress: 'other@example.com', Phone: '5550001' }));
		expect(clash.body.ExceptionType).toBe('MXDuplicateEntryException');
		const created = await api().post(`${LM}/Lead.CreateOrUpdate`, pairs({ EmailAddress: 'fresh@example.com' }));
		expect(created.body).toEqual({ Status: 'Success', Message: { Id: expect.any(String), AffectedRows: 1 } });
		expect(created.body.Message.Id).not.toBe(id);
	});

	it('Lead.Capture matches ProspectID, e-mail, then phone and honours LeadUpdateBehavior', async () => {
		const id = await createLead(api(), { EmailAddress: 'cap@example.com', FirstName: 'Kept', Phone: '5551234' });
		const keep = await api().post(`${LM}/Lead.Capture`, pairs({ EmailAddress: 'cap@example.com', FirstName: 'Changed', LeadUpdateBehavior: 'DoNotUpdate' }));
		expect(keep.body).toEqual({ Status: 'Success', Message: { Id: id, RelatedId: null, IsCreated: false, AffectedRows: 1 } });
		const emptyOnly = await api().post(`${LM}/Lead.Capture`, pairs({ Phone: '5551234', FirstName: 'Changed', LastName: 'Filled', LeadUpdateBehavior: 'UpdateOnlyEmptyFields' }));
		expect(emptyOnly.body.Message.Id).toBe(id);
		expect((await api().get(`${LM}/Leads.GetById?id=${id}`)).body[0]).toMatchObject({ FirstName: 'Kept', LastName: 'Filled' });
		const bad = await api().post(`${LM}/Lead.Capture`, pairs({ EmailAddress: 'cap@example.com', LeadUpdateBehavior: 'Sometimes' }));
		expect(bad.status).toBe(400);
		const fresh = await api().post(`${LM}/Lead.Capture`, pairs({ EmailAddress: 'cap2@example.com' }));
		expect(fresh.body.Message.IsCreated).toBe(true);
	});

	it('LeadsMetaData.Get lists the fields, or one with schemaName', async () => {
		const all = await api().get(`${LM}/LeadsMetaData.Get?excludeOptionSets=1`);
		expect(all.body.map((f: Loose) => f.SchemaName)).toEqual(expect.arrayContaining(['EmailAddress', 'ProspectStage', 'OwnerId', 'mx_City']));
		const one = await api().get(`${LM}/LeadsMetaData.Get?schemaName=emailaddress`);
		expect(one.body).toEqual([expect.objectContaining({ SchemaName: 'EmailAddress', DataType: 'Email' })]);
	});

	it('notes: create on a lead and list them; an unknown lead is refused', async () => {
		const id = await createLead(api(), { EmailAddress: 'notes@example.com' });
		const created = await api().post(NOTE_CREATE_PATH, { RelatedProspectId: id, Note: 'Called back', AttachmentName: '' });
		expect(created.body).toEqual({ Status: 'Success', Message: { Id: expect.any(String) } });
		const listed = await api().post(`${LM}/RetrieveNote`, { Parameter: { RelatedId: id } });
		expect(listed.body).toEqual({ List: [expect.objectContaining({ Note: 'Called back', RelatedProspectId: id, ProspectNoteId: created.body.Message.Id })] });
		const withoutLead = await api().post(`${LM}/RetrieveNote`, { Parameter: { RelatedProspectId: id } });
		expect(withoutLead.body.ExceptionType).toBe('MXMandatoryAttributeMissingException');
		const orphan = await api().post(NOTE_CREATE_PATH, { RelatedProspectId: '00000000-0000-0000-0000-000000000000', Note: 'x' });
		expect(orphan.body.ExceptionMessage).toBe('Lead not found');
		const empty = await api().post(NOTE_CREATE_PATH, { RelatedProspectId: id, Note: '' });
		expect(empty.status).toBe(400);
	});

	it('users: Users.Get lists no phone numbers unless the account says it does; ByUserId shows them (its page does)', async () => {
		const withNumbers = { ...sandbox().accounts[0], users: sandbox().accounts[0].users.map((user) => ({ ...user, PhoneMobile: '+91-8971373363' })) };
		const on = await LeadSquaredSandbox.start({ accounts: [withNumbers, { ...withNumbers, accessKey: 'u$listing-key', usersGetListsPhones: true }] });
		try {
			const [pageFaithful, listing] = on.accounts.map((account) => apiClient(on, account));
			expect((await pageFaithful.get('/v2/UserManagement.svc/Users.Get')).body[0]).not.toHaveProperty('PhoneMobile');
			expect((await listing.get('/v2/UserManagement.svc/Users.Get')).body[0]).toMatchObject({ PhoneMobile: '+91-8971373363' });
			const one = await pageFaithful.get(`/v2/UserManagement.svc/User/Retrieve/ByUserId?userId=${withNumbers.users[0].ID}`);
			expect(one.body[0]).toMatchObject({ PhoneMobile: '+91-8971373363' });
		} finally {
			await on.close();
		}
	});

	it('users: Users.Get lists them; User/Retrieve/ByUserId finds an active one, [] for an unknown or inactive one', async () => {
		const users = (await api().get('/v2/UserManagement.svc/Users.Get')).body;
		const one = await api().get(`/v2/UserManagement.svc/User/Retrieve/ByUserId?userId=${users[1].ID}`);
		const { ID, StatusCode: _status, ...details } = users[1];
		expect(one.body).toEqual([{ UserId: ID, ...details }]);
		const inactive = users.find((user: { StatusCode: number }) => user.StatusCode === 1);
		for (const userId of ['00000000-0000-0000-0000-000000000000', inactive.ID]) {
			expect((await api().get(`/v2/UserManagement.svc/User/Retrieve/ByUserId?userId=${userId}`)).body).toEqual([]);
		}
	});
});
