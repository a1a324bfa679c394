import { apiClient, pairs, useCrmSandbox } from './crmTestKit';

/** Pages create-an-account, get-an-account, update-an-account; Company.Update's body as a live probe found it. */
const COMPANY = '/v2/CompanyManagement.svc';

describe('sandbox CRM: accounts (companies)', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	const create = async (fields: Record<string, unknown>, type = 'Partners') =>
		await api().post(`${COMPANY}/Company.Create`, {
			CompanyType: { CompanyTypeName: type },
			CompanyProperties: pairs(fields),
		});

	it('creates an account, updates it, and lists it with its properties as Attribute/Value pairs', async () => {
		const name = `Partner ${Date.now()}`;
		const created = await create({
			CompanyName: name,
			Phone: '+91-8923748971',
		});
		expect(created).toEqual({
			status: 200,
			body: {
				Status: 'Success',
				Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
			},
		});
		const id = created.body.Message.Id;
		const updated = await api().post(`${COMPANY}/Company.Update?companyId=${id}`, { CompanyProperties: pairs({ City: 'Bangalore' }) });
		expect(updated).toEqual({
			status: 200,
			body: { Status: 'Success', Message: { AffectedRows: 1 } },
		});
		const got = await api().post(`${COMPANY}/Company.Get`, {
			Query: { CompanyType: { CompanyTypeName: 'Partners' }, SearchText: name },
			Columns: { Include_CSV: 'CompanyId,CompanyName,City' },
		});
		expect(got.body).toEqual({
			RecordCount: 1,
			Companies: [
				{
					companyPropertyList: pairs({
						CompanyId: id,
						CompanyName: name,
						City: 'Bangalore',
					}),
				},
			],
		});
	});

	it('refuses what the pages and the probe refuse', async () => {
		const { body } = await create({ CompanyName: `Refusals ${Date.now()}` });
		const id = body.Message.Id;
		const bare = await api().post(`${COMPANY}/Company.Update?companyId=${id}`, pairs({ City: 'Pune' }));
		expect(bare.status).toBe(400);
		expect(bare.body.ExceptionMessage).toBe("You're missing Company details");
		expect((await create({ Phone: '1' })).status).toBe(400);
		expect((await create({ CompanyName: 'X' }, 'Resellers')).body.ExceptionMessage).toBe('Company type Resellers does not exist');
		expect((await api().post(`${COMPANY}/Company.Get`, { Query: {} })).status).toBe(400);
		const unknown = await api().post(`${COMPANY}/Company.Update?companyId=82a19544-ef4f-4cef-a09c-d68b939742f9`, {
			CompanyProperties: pairs({ City: 'Pune' }),
		});
		expect(unknown.body.ExceptionType).toBe('MXInvalidEntityReferenceException');
		expect(bare.body.ExceptionType).toBe('MXInvalidDataTypeException');
	});
});

describe('sandbox CRM: accounts in bulk (create-or-update-accounts-in-bulk)', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	const bulk = async (
		companies: unknown[],
		options: object = { SearchBy: 'CompanyName', CollisionResolutionStrategy: 'IgnoreDuplicate' },
	) =>
		await api().post(`${COMPANY}/Company/Bulk/CreateOrUpdate`, {
			CompanyType: { CompanyTypeName: 'Vendors' },
			Options: options,
			Companies: companies,
		});

	it('answers one row per company (RowNumber, CompanyId, CompanyCreated, CompanyUpdated), matching by the SearchBy field', async () => {
		const name = `CCTV Services ${Date.now()}`;
		const first = await bulk([pairs({ CompanyName: name }), pairs({ CompanyName: `${name} 2`, State: 'Karnataka' })]);
		expect(first.body).toEqual([
			{ RowNumber: 1, CompanyId: expect.any(String), CompanyCreated: true, CompanyUpdated: false },
			{ RowNumber: 2, CompanyId: expect.any(String), CompanyCreated: true, CompanyUpdated: false },
		]);
		const again = await bulk([pairs({ CompanyName: name, State: 'Goa' })]);
		expect(again.body).toEqual([{ RowNumber: 1, CompanyId: first.body[0].CompanyId, CompanyCreated: false, CompanyUpdated: false }]);
	});

	it('refuses more than 25 companies, a SearchBy field missing from a company, and an unknown SearchBy', async () => {
		const many = Array.from({ length: 26 }, (_, i) => pairs({ CompanyName: `Many ${i}` }));
		expect((await bulk(many)).status).toBe(400);
		expect((await bulk([pairs({ Phone: '1' })])).body.ExceptionMessage).toBe('Companies[0] has no CompanyName, the SearchBy field');
		expect((await bulk([pairs({ CompanyName: 'A' })], { SearchBy: 'CompanyId' })).status).toBe(400);
	});

	it('writes each company as a call with it alone would: FillMissingFields fills empty fields, OverwriteAllFields overwrites, in the order sent', async () => {
		const name = `Order ${Date.now()}`;
		const fill = { SearchBy: 'CompanyName', CollisionResolutionStrategy: 'FillMissingFields' };
		const first = await bulk([pairs({ CompanyName: name, Phone: '1' }), pairs({ CompanyName: name, Phone: '2', City: 'Pune' })], fill);
		expect(first.body).toEqual([
			{ RowNumber: 1, CompanyId: expect.any(String), CompanyCreated: true, CompanyUpdated: false },
			{ RowNumber: 2, CompanyId: first.body[0].CompanyId, CompanyCreated: false, CompanyUpdated: true },
		]);
		await bulk([pairs({ CompanyName: name, City: 'Goa' })], { SearchBy: 'CompanyName', CollisionResolutionStrategy: 'OverwriteAllFields' });
		const got = await api().post(`${COMPANY}/Company.Get`, {
			Query: { CompanyType: { CompanyTypeName: 'Vendors' }, SearchText: name },
			Columns: { Include_CSV: 'CompanyName,Phone,City' },
		});
		expect(got.body.Companies).toEqual([{ companyPropertyList: pairs({ CompanyName: name, Phone: '1', City: 'Goa' }) }]);
	});

	it('refuses one company in its own row (another account has its unique field; a new account without CompanyName) and writes the others', async () => {
		const stamp = Date.now();
		await bulk([pairs({ CompanyName: `Holder ${stamp}`, CompanyNumber: `N-${stamp}` })]);
		const answer = await bulk(
			[pairs({ CompanyName: `Fine ${stamp}` }), pairs({ CompanyName: `Clash ${stamp}`, CompanyNumber: `N-${stamp}` })],
			{ SearchBy: 'CompanyName', CollisionResolutionStrategy: 'FillMissingFields' },
		);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual([
			{ RowNumber: 1, CompanyId: expect.any(String), CompanyCreated: true, CompanyUpdated: false },
			{
				RowNumber: 2,
				CompanyId: null,
				CompanyCreated: false,
				CompanyUpdated: false,
				ExceptionType: 'MXDuplicateEntryException',
				ExceptionMessage: 'An account with this CompanyNumber already exists',
			},
		]);
		const nameless = await bulk([pairs({ CompanyNumber: `M-${stamp}` })], { SearchBy: 'CompanyNumber', CollisionResolutionStrategy: 'FillMissingFields' });
		expect(nameless.body).toEqual([expect.objectContaining({ RowNumber: 1, CompanyId: null, ExceptionType: 'MXMandatoryAttributeMissingException' })]);
	});
});
