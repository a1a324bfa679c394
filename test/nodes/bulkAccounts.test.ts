import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { companiesIn } from '../sandbox/crm/companies';

/** Account → Create or Update over many items: LeadSquared's Create or Update Accounts in Bulk, 25 accounts a call of one type and options. */

const BULK = '/v2/CompanyManagement.svc/Company/Bulk/CreateOrUpdate';

const { sandbox, credentials, crm } = useCrmNodeTests();

let run = 0;
const names = (count: number) => {
	run++;
	return Array.from({ length: count }, (_, i) => `Bulk ${run}.${i} ${Date.now()}`);
};

interface Item {
	name: string;
	city?: string;
	type?: string;
	strategy?: string;
	number?: string;
}

const field = (schemaName: string, value: string) => ({ schemaName, value });

const upsertAll = async (items: Item[], options: { options?: INodeParameters; continueOnFail?: boolean; withNumber?: boolean } = {}) =>
	await runNode({
		parameters: {
			resource: 'account',
			operation: 'upsert',
			accountType: '={{ $json.type ?? "Partners" }}',
			matchBy: 'CompanyName',
			matchValue: '={{ $json.name }}',
			collisionResolution: '={{ $json.strategy ?? "FillMissingFields" }}',
			accountFields: {
				field: [field('City', '={{ $json.city ?? "Pune" }}'), ...(options.withNumber ? [field('CompanyNumber', '={{ $json.number }}')] : [])],
			},
			options: options.options ?? {},
		},
		items: items as never,
		credentials: credentials(),
		continueOnFail: options.continueOnFail,
	});

const accountsNamed = (name: string) => companiesIn(crm()).filter((company) => company.fields.CompanyName === name);
interface BulkBody {
	CompanyType: { CompanyTypeName: string };
	Options: { SearchBy: string; CollisionResolutionStrategy: string };
	Companies: unknown[][];
}
const bulkBodies = () => sandbox().requestsTo(BULK).map((request) => request.body as BulkBody);

describe('Account → Create or Update in bulk', () => {
	it('60 items go as three calls of 25, 25 and 10; each output pairs with its item and says created or updated', async () => {
		const all = names(60);
		await upsertAll([{ name: all[5], city: 'Before' }]);
		sandbox().clearRecord();

		const result = await upsertAll(all.map((name, i) => ({ name, city: `City ${i}` })));
		expect(result.error).toBeUndefined();
		expect(bulkBodies().map((body) => body.Companies.length)).toEqual([25, 25, 10]);
		expect(result.items).toHaveLength(60);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({
				accountId: accountsNamed(all[i])[0].id,
				created: i !== 5,
				updated: i === 5,
				submitted: { CompanyName: all[i], City: `City ${i}` },
			});
		});
		// Fill Missing Fields, as one call per item would: the existing account keeps its City.
		expect(all.every((name, i) => accountsNamed(name).length === 1 && accountsNamed(name)[0].fields.City === (i === 5 ? 'Before' : `City ${i}`))).toBe(true);
	});

	it('a call carries one account type and one set of options: a new call starts where the type or the strategy changes', async () => {
		const all = names(6);
		const items: Item[] = [
			{ name: all[0] },
			{ name: all[1] },
			{ name: all[2], type: 'Vendors' },
			{ name: all[3], type: 'Vendors' },
			{ name: all[4], type: 'Vendors', strategy: 'OverwriteAllFields' },
			{ name: all[5] },
		];
		const result = await upsertAll(items);
		expect(result.error).toBeUndefined();
		expect(bulkBodies().map((body) => [body.CompanyType.CompanyTypeName, body.Options.CollisionResolutionStrategy, body.Companies.length])).toEqual([
			['Partners', 'FillMissingFields', 2],
			['Vendors', 'FillMissingFields', 2],
			['Vendors', 'OverwriteAllFields', 1],
			['Partners', 'FillMissingFields', 1],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(items.every((item) => accountsNamed(item.name).length === 1 && accountsNamed(item.name)[0].type === (item.type ?? 'Partners'))).toBe(true);
	});

	it('an account LeadSquared refuses in its row stops the node naming it; with Continue On Fail it is an error item and the others are written', async () => {
		const [holder, fine, clash] = names(3);
		const number = `N-${run}-${Date.now()}`;
		await upsertAll([{ name: holder, number }], { withNumber: true });
		const items = [
			{ name: fine, number: `${number}-other` },
			{ name: clash, number },
		];

		const stopped = await upsertAll(items, { withNumber: true });
		expect(stopped.error?.message).toBe(
			'LeadSquared refused this account in its Create or Update Accounts in Bulk call (MXDuplicateEntryException): An account with this CompanyNumber already exists [item 1]',
		);
		expect(stopped.error?.description).toContain('Items sent successfully before the node stopped (numbered from 0): 0.');

		const continued = await upsertAll(items, { withNumber: true, continueOnFail: true });
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(continued.items[0].json).toMatchObject({ accountId: accountsNamed(fine)[0].id, created: false, updated: true });
		expect(continued.items[1].json.error).toMatch(/MXDuplicateEntryException/);
		expect(accountsNamed(clash)).toHaveLength(0);
		expect(accountsNamed(fine)).toHaveLength(1);
	});

	it('with Continue On Fail a bad item is an error item before anything is sent, and the others share one call', async () => {
		const [a, b] = names(2);
		const result = await upsertAll([{ name: a }, { name: 'Tools & Dies' }, { name: b }], { continueOnFail: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json.error).toMatch(/^'Match Value' holds "&"/);
		expect(bulkBodies().map((body) => body.Companies.length)).toEqual([2]);
		expect([a, b].every((name) => accountsNamed(name).length === 1)).toBe(true);
	});

	it('a 429 on a bulk call is sent again once LeadSquared has room: every account written once', async () => {
		const all = names(30);
		sandbox().setFaults([{ kind: 'status429', path: BULK, count: 1 }]);
		const result = await upsertAll(all.map((name) => ({ name })));
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK).map((request) => request.status)).toEqual([429, 200, 200]);
		expect(result.items).toHaveLength(30);
		expect(all.every((name) => accountsNamed(name).length === 1)).toBe(true);
	});

	it('a connection dropped after LeadSquared wrote the accounts: the call is sent again (it finds them), none written twice', async () => {
		const all = names(10);
		sandbox().setFaults([{ kind: 'dropAfter', path: BULK, count: 1 }]);
		const result = await upsertAll(all.map((name, i) => ({ name, city: `Drop ${i}` })));
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK)).toHaveLength(2);
		expect(result.items.map((item) => item.json.accountId)).toEqual(all.map((name) => accountsNamed(name)[0].id));
		// The repeat found what the first call wrote: its answer says updated.
		expect(result.items.every((item) => item.json.updated === true)).toBe(true);
		expect(all.every((name, i) => accountsNamed(name).length === 1 && accountsNamed(name)[0].fields.City === `Drop ${i}`)).toBe(true);
	});

	it('Send One Call per Item sends each item alone, as one item always is', async () => {
		const all = names(3);
		const result = await upsertAll(all.map((name) => ({ name })), { options: { oneCallPerItem: true } });
		expect(result.error).toBeUndefined();
		expect(bulkBodies().map((body) => body.Companies.length)).toEqual([1, 1, 1]);
		expect(result.items.map((item) => item.json.created)).toEqual([true, true, true]);
		sandbox().clearRecord();
		await upsertAll([{ name: all[0] }]);
		expect(bulkBodies().map((body) => body.Companies.length)).toEqual([1]);
	});
});
