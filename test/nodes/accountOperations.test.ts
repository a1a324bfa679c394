import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';

const COMPANY = '/v2/CompanyManagement.svc';
const { sandbox, credentials } = useCrmNodeTests();

const field = (schemaName: string, value: string) => ({ schemaName, value });
const run = async (parameters: Record<string, unknown>, items: object[] = [{}]) =>
	await runNode({
		parameters: { resource: 'account', ...parameters },
		items: items as never,
		credentials: credentials(),
	});

describe('Account operations', () => {
	it('creates, gets, updates and finds an account, sending the bodies the pages show', async () => {
		const name = `Acme ${Date.now()}`;
		const created = await run({
			operation: 'create',
			accountType: 'Partners',
			accountName: name,
			accountFields: {
				field: [field('Phone', '+91-8923748971'), field('Website', 'www.acme.example')],
			},
		});
		expect(created.error?.message).toBeUndefined();
		const accountId = created.items[0].json.accountId as string;
		expect(accountId).toMatch(/^[0-9a-f-]{36}$/);
		expect(sandbox().requestsTo(`${COMPANY}/Company.Create`)[0].body).toEqual({
			CompanyType: { CompanyTypeName: 'Partners' },
			CompanyProperties: [
				{ Attribute: 'CompanyName', Value: name },
				{ Attribute: 'Phone', Value: '+91-8923748971' },
				{ Attribute: 'Website', Value: 'www.acme.example' },
			],
		});

		const updated = await run({
			operation: 'update',
			accountId,
			accountFields: { field: [field('City', 'Bangalore')] },
		});
		expect(updated.items[0].json).toEqual({
			accountId,
			updated: true,
			submitted: { City: 'Bangalore' },
		});
		const update = sandbox().requestsTo(`${COMPANY}/Company.Update`)[0];
		expect(new URL(update.url, 'http://sandbox').searchParams.get('companyId')).toBe(accountId);
		expect(update.body).toEqual({
			CompanyProperties: [{ Attribute: 'City', Value: 'Bangalore' }],
		});

		const got = await run({
			operation: 'get',
			accountType: 'Partners',
			accountId,
		});
		expect(got.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				CompanyId: accountId,
				CompanyName: name,
				Phone: '+91-8923748971',
				City: 'Bangalore',
			}),
		]);

		const found = await run({
			operation: 'getAll',
			accountType: 'Partners',
			returnAll: true,
			filters: { searchText: name, fieldName: 'City', fieldValue: 'Bangalore' },
		});
		expect(found.items.map((item) => item.json.CompanyId)).toEqual([accountId]);
		expect(sandbox().requestsTo(`${COMPANY}/Company.Get`).at(-1)?.body).toEqual({
			Query: {
				CompanyType: { CompanyTypeName: 'Partners' },
				SearchText: name,
				FilterBy: {
					LookupName: 'City',
					LookupValue: 'Bangalore',
					SqlOperator: '=',
				},
			},
			Paging: { PageIndex: 1, PageSize: 100 },
		});
	});

	it('Get Many pages through every account with Return All, and stops at the Limit', async () => {
		const tag = `Paged ${Date.now()}`;
		const items = Array.from({ length: 105 }, (_, i) => ({
			name: `${tag} ${i}`,
		}));
		const created = await run(
			{
				operation: 'create',
				accountType: 'Vendors',
				accountName: '={{ $json.name }}',
			},
			items,
		);
		expect(created.items).toHaveLength(105);
		sandbox().clearRecord();
		const all = await run({
			operation: 'getAll',
			accountType: 'Vendors',
			returnAll: true,
			filters: { searchText: tag },
		});
		expect(all.items).toHaveLength(105);
		expect(sandbox().requestsTo(`${COMPANY}/Company.Get`)).toHaveLength(2);
		const some = await run({
			operation: 'getAll',
			accountType: 'Vendors',
			limit: 3,
			filters: { searchText: tag },
		});
		expect(some.items).toHaveLength(3);
	});

	it('Create or Update creates by name, then updates the same account, as the bulk call with one company', async () => {
		const name = `Water Services ${Date.now()}`;
		const upsert = (fields: object[], collisionResolution = 'FillMissingFields') =>
			run({
				operation: 'upsert',
				accountType: 'Vendors',
				matchBy: 'CompanyName',
				matchValue: name,
				collisionResolution,
				accountFields: { field: fields },
			});
		const first = await upsert([field('Phone', '+91-1234123415')]);
		expect(first.items[0].json).toMatchObject({ accountId: expect.stringMatching(/^[0-9a-f-]{36}$/), created: true, updated: false });
		expect(sandbox().requestsTo(`${COMPANY}/Company/Bulk/CreateOrUpdate`)[0].body).toEqual({
			CompanyType: { CompanyTypeName: 'Vendors' },
			Options: { SearchBy: 'CompanyName', CollisionResolutionStrategy: 'FillMissingFields' },
			Companies: [
				[
					{ Attribute: 'CompanyName', Value: name },
					{ Attribute: 'Phone', Value: '+91-1234123415' },
				],
			],
		});
		const filled = await upsert([field('Phone', '999'), field('State', 'Karnataka')]);
		expect(filled.items[0].json).toMatchObject({ accountId: first.items[0].json.accountId, created: false, updated: true });
		const got = await run({ operation: 'get', accountType: 'Vendors', accountId: first.items[0].json.accountId });
		expect(got.items[0].json).toMatchObject({ Phone: '+91-1234123415', State: 'Karnataka' });
		await upsert([field('Phone', '999')], 'OverwriteAllFields');
		const again = await run({ operation: 'get', accountType: 'Vendors', accountId: first.items[0].json.accountId });
		expect(again.items[0].json).toMatchObject({ Phone: '999' });
	});

	it('Get names the type and the ID when no account matches', async () => {
		const result = await run({
			operation: 'get',
			accountType: 'Vendors',
			accountId: '82a19544-ef4f-4cef-a09c-d68b939742f9',
		});
		expect(result.error?.message).toBe('No account of type Vendors has the ID 82a19544-ef4f-4cef-a09c-d68b939742f9');
	});

	it('an unknown account type is LeadSquared’s 400, with its message', async () => {
		const result = await run({
			operation: 'create',
			accountType: 'Resellers',
			accountName: 'X',
		});
		expect(result.error?.message).toMatch(/Company type Resellers does not exist/);
	});

	it.each([
		[
			'Create with CompanyName among the fields',
			{
				operation: 'create',
				accountType: 'Partners',
				accountName: 'A',
				accountFields: { field: [field('CompanyName', 'B')] },
			},
			/^'Account Fields' has CompanyName: set it in Account Name instead \[item 0\]$/,
		],
		['Create without a type', { operation: 'create', accountType: ' ', accountName: 'A' }, /^'Account Type' is required \[item 0\]$/],
		[
			'Update with no fields',
			{
				operation: 'update',
				accountId: '82a19544-ef4f-4cef-a09c-d68b939742f9',
			},
			/^'Account Fields' are empty: there is nothing to update \[item 0\]$/,
		],
		[
			'Update with a field named twice',
			{
				operation: 'update',
				accountId: 'x',
				accountFields: { field: [field('City', 'A'), field('city', 'B')] },
			},
			/^'Account Fields' has city twice \[item 0\]$/,
		],
		[
			'Create or Update with the match field among the fields',
			{
				operation: 'upsert',
				accountType: 'Vendors',
				matchBy: 'CompanyNumber',
				matchValue: 'N-2',
				accountFields: { field: [field('companynumber', 'N-3')] },
			},
			/^'Account Fields' has CompanyNumber: it is the Match By field, set it in Match Value \[item 0\]$/,
		],
		[
			'Get Many with a value but no field',
			{
				operation: 'getAll',
				accountType: 'Partners',
				returnAll: true,
				filters: { fieldValue: 'Prospect' },
			},
			/^'Field Value' is set but Field Name is empty: name the field to filter on \[item 0\]$/,
		],
	])('%s is refused before anything is sent', async (_, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});
