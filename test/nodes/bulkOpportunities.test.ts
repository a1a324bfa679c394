import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { SALES_DEAL } from '../harness/crmFixtures';
import { apiClient, pairs } from '../sandbox/crmTestKit';
import { OPPORTUNITY_CAPTURE_PATH } from '../sandbox/crm/unconfirmed';

/** Opportunity → Update over many items: LeadSquared's Bulk Update Opportunities, 25 a call, on the ordinary budget. */

const BULK = '/v2/OpportunityManagement.svc/Bulk/Update/ByOpportunityId';
const SINGLE = '/v2/OpportunityManagement.svc/Update';
const NO_OPPORTUNITY = '00000000-0000-0000-0000-000000000000';

const { sandbox, credentials, crm } = useCrmNodeTests();

const ids: string[] = [];
beforeAll(async () => {
	const api = apiClient(sandbox());
	const email = `bulk.opportunities.${Date.now()}@example.com`;
	await api.post('/v2/LeadManagement.svc/Lead.Create', pairs({ EmailAddress: email }));
	for (let i = 0; i < 60; i++) {
		const captured = await api.post(OPPORTUNITY_CAPTURE_PATH, {
			LeadDetails: pairs({ EmailAddress: email }),
			Opportunity: { OpportunityEventCode: SALES_DEAL, Fields: [{ SchemaName: 'mx_Custom_1', Value: `Bulk deal ${i}` }] },
		});
		ids.push(captured.body.CreatedOpportunityId as string);
	}
});

let run = 0;
/** Items that set each opportunity's amount to a value of this run. */
const amounts = (opportunityIds: string[]) => {
	run++;
	return opportunityIds.map((id, i) => ({ id, amount: String(run * 1000 + i) }));
};

const updateAll = async (items: object[], options: { options?: INodeParameters; continueOnFail?: boolean; note?: string } = {}) =>
	await runNode({
		parameters: {
			resource: 'opportunity',
			operation: 'update',
			opportunityId: '={{ $json.id }}',
			opportunityFields: { field: [{ schemaName: 'mx_Custom_3', value: '={{ $json.amount }}' }] },
			note: options.note ?? '={{ $json.note ?? "" }}',
			options: options.options ?? { opportunityType: SALES_DEAL },
		},
		items: items as never,
		credentials: credentials(),
		continueOnFail: options.continueOnFail,
	});

const amountOf = (id: string) => crm().opportunities.find((o) => o.id === id)?.fields.mx_Custom_3;
const bodySizes = () => sandbox().requestsTo(BULK).map((request) => (request.body as unknown[]).length);

describe('Opportunity → Update in bulk', () => {
	it('60 items go as bulk calls of 25, 25 and 10 in input order; each output pairs with its item', async () => {
		const items = amounts(ids);
		const result = await updateAll(items);
		expect(result.error).toBeUndefined();
		expect(bodySizes()).toEqual([25, 25, 10]);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(0);
		const sent = sandbox().requestsTo(BULK).flatMap((request) => request.body as Array<{ ProspectOpportunityId: string; OpportunityEventCode: number }>);
		expect(sent.map((entry) => entry.ProspectOpportunityId)).toEqual(ids);
		expect(sent.every((entry) => entry.OpportunityEventCode === SALES_DEAL)).toBe(true);
		expect(result.items).toHaveLength(60);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({ opportunityId: ids[i], updated: true, submitted: { Fields: [{ SchemaName: 'mx_Custom_3', Value: items[i].amount }] } });
		});
		expect(items.every(({ id, amount }) => amountOf(id) === amount)).toBe(true);
	});

	it('an opportunity LeadSquared refuses inside a bulk answer stops the node naming it; with Continue On Fail it is an error item and the others are written', async () => {
		const items = amounts([ids[0], NO_OPPORTUNITY, ids[1]]);
		const stopped = await updateAll(items);
		expect(stopped.error?.message).toBe(
			'LeadSquared refused this opportunity in its Bulk Update Opportunities call (MXInvalidEntityReferenceException): Opportunity not found [item 1]',
		);
		expect(stopped.error?.description).toContain('Items sent successfully before the node stopped (numbered from 0): 0, 2.');

		const again = amounts([ids[0], NO_OPPORTUNITY, ids[1]]);
		const continued = await updateAll(again, { continueOnFail: true });
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(continued.items[1].json.error).toMatch(/Opportunity not found/);
		expect(continued.items[0].json).toMatchObject({ opportunityId: ids[0], updated: true });
		expect([amountOf(ids[0]), amountOf(ids[1])]).toEqual([again[0].amount, again[2].amount]);
		expect(bodySizes()).toEqual([3, 3]);
	});

	it('a 429 on a bulk call is sent again once LeadSquared has room: every opportunity updated, none lost', async () => {
		const items = amounts(ids.slice(0, 30));
		sandbox().setFaults([{ kind: 'status429', path: BULK, count: 1 }]);
		const result = await updateAll(items);
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK).map((request) => request.status)).toEqual([429, 200, 200]);
		expect(items.every(({ id, amount }) => amountOf(id) === amount)).toBe(true);
	});

	it.each(['dropBefore', 'dropAfter'] as const)(
		'a connection dropped (%s) on a bulk call: sent again (an update sent twice leaves the same values), no opportunity added or lost',
		async (kind) => {
			const before = crm().opportunities.length;
			const items = amounts(ids.slice(0, 10));
			sandbox().setFaults([{ kind, path: BULK, count: 1 }]);
			const result = await updateAll(items);
			expect(result.error).toBeUndefined();
			expect(sandbox().requestsTo(BULK)).toHaveLength(2);
			expect(result.items.every((item) => item.json.updated === true)).toBe(true);
			expect(items.every(({ id, amount }) => amountOf(id) === amount)).toBe(true);
			expect(crm().opportunities.length).toBe(before);
		},
	);

	it('Send One Call per Item, or no Opportunity Type, sends one call each; an item with a note goes alone, the others in one bulk call', async () => {
		await updateAll(amounts(ids.slice(0, 2)), { options: { opportunityType: SALES_DEAL, oneCallPerItem: true } });
		await updateAll(amounts(ids.slice(0, 2)), { options: {} });
		expect(sandbox().requestsTo(BULK)).toHaveLength(0);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(4);
		sandbox().clearRecord();

		const items = amounts(ids.slice(0, 4)).map((item, i) => (i === 1 ? { ...item, note: 'Called back' } : item));
		const result = await updateAll(items);
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(SINGLE).map((request) => (request.body as { OpportunityNote?: string }).OpportunityNote)).toEqual(['Called back']);
		expect(bodySizes()).toEqual([3]);
		expect(result.items.map((item) => item.json.opportunityId)).toEqual(ids.slice(0, 4));
		expect(crm().opportunities.find((o) => o.id === ids[1])?.note).toBe('Called back');
	});

	it('refuses an Opportunity Type that is no code before anything is sent', async () => {
		const result = await updateAll(amounts(ids.slice(0, 2)), { options: { opportunityType: 'Sales' } });
		expect(result.error?.message).toMatch(/^'Opportunity Type \(for Bulk Update\)' must be a whole number 1 or more \(got "Sales"\) \[item 0\]$/);
		expect(sandbox().requests).toEqual([]);
	});
});
