import type { INodeParameters } from 'n8n-workflow';

import { leadBy, WHATSAPP_MESSAGE } from '../harness/crmFixtures';
import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';

/** Activity → Post over many items: LeadSquared's Post Activities on Leads in Bulk, 25 activities a call. */

const BULK = '/v2/ProspectActivity.svc/Bulk/CustomActivity/Add/ByLeadId';
const SINGLE = '/v2/ProspectActivity.svc/Create';
const NO_SUCH_LEAD = '00000000-0000-4000-8000-00000000abcd';
const UNKNOWN = /^Unknown whether LeadSquared posted this activity: its Post Activities on Leads in Bulk call \(\d+ activities\) failed after it was sent: .* \[item \d+\]$/;

const { sandbox, credentials, crm } = useCrmNodeTests();

let run = 0;
/** `count` items, each a WhatsApp message on a lead of its own (made straight in the sandbox's store), with a note of its own. */
function activities(count: number) {
	run++;
	return Array.from({ length: count }, (_, i) => ({
		leadId: crm().insertLead({ EmailAddress: `bulk.activity${run}.${i}@example.com` }, 'test').id,
		note: `bulk ${run} activity ${i}`,
		message: `Message ${i}`,
	}));
}

type Item = ReturnType<typeof activities>[number] | { leadId: string; note: string; message: string };

const postAll = async (items: Item[], options: { options?: INodeParameters; continueOnFail?: boolean; credentials?: object; lead?: INodeParameters['lead'] } = {}) =>
	await runNode({
		parameters: {
			resource: 'activity',
			operation: 'post',
			lead: options.lead ?? leadBy('id', '={{ $json.leadId }}'),
			activityEvent: WHATSAPP_MESSAGE,
			note: '={{ $json.note }}',
			activityFields: { field: [{ schemaName: 'mx_Custom_1', value: '={{ $json.message }}' }] },
			options: options.options ?? {},
		},
		items: items as never,
		credentials: { ...credentials(), ...options.credentials },
		continueOnFail: options.continueOnFail,
	});

/** The activities the sandbox holds with this note: what reached "LeadSquared". */
const stored = (note: string) => crm().activities.filter((activity) => activity.note === note);
const bodySizes = () => sandbox().requestsTo(BULK).map((request) => (request.body as unknown[]).length);
const eachOnce = (items: Item[]) => items.every((item) => stored(item.note).length === 1 && stored(item.note)[0].leadId === item.leadId);

describe('Activity → Post in bulk', () => {
	it('60 items go as three bulk calls of 25, 25 and 10; each output pairs with its item and has its activity’s ID', async () => {
		const items = activities(60);
		const result = await postAll(items);
		expect(result.error).toBeUndefined();
		expect(bodySizes()).toEqual([25, 25, 10]);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(0);
		expect(sandbox().requestsTo(BULK)[1].body).toEqual(
			items.slice(25, 50).map(({ leadId, note, message }) => ({
				RelatedProspectId: leadId,
				ActivityEvent: WHATSAPP_MESSAGE,
				ActivityNote: note,
				Fields: [{ SchemaName: 'mx_Custom_1', Value: message }],
			})),
		);
		expect(result.items).toHaveLength(60);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({
				activityId: stored(items[i].note)[0].id,
				leadId: items[i].leadId,
				leadEmail: null,
				activityEvent: WHATSAPP_MESSAGE,
				note: items[i].note,
				activityDateTime: null,
				fields: { mx_Custom_1: items[i].message },
			});
		});
		expect(eachOnce(items)).toBe(true);
	});

	it('an activity LeadSquared refuses inside a bulk answer stops the node naming it; with Continue On Fail it is an error item and the others are posted', async () => {
		const [first, , last] = activities(3);
		const items = [first, { leadId: NO_SUCH_LEAD, note: `refused ${run}`, message: 'x' }, last];

		const stopped = await postAll(items);
		expect(stopped.error?.message).toMatch(/^LeadSquared refused this activity in its Post Activities on Leads in Bulk call \(MXInvalidEntityReferenceException\): .* \[item 1\]$/);
		expect(stopped.error?.description).toContain('Items sent successfully before the node stopped (numbered from 0): 0, 2.');
		expect(bodySizes()).toEqual([3]);

		const continued = await postAll(items, { continueOnFail: true });
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(continued.items[0].json.activityId).toBe(stored(first.note)[1].id);
		expect(continued.items[1].json.error).toMatch(/MXInvalidEntityReferenceException.*\[item 1\]$/);
		expect(continued.items[2].json.activityId).toBe(stored(last.note)[1].id);
		expect(stored(items[1].note)).toHaveLength(0);
	});

	it('a 429 on a bulk call is sent again once LeadSquared has room: every activity posted once', async () => {
		const items = activities(30);
		sandbox().setFaults([{ kind: 'status429', path: BULK, count: 1 }]);
		const result = await postAll(items);
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK).map((request) => request.status).sort()).toEqual([200, 200, 429]);
		expect(result.items.every((item, i) => item.json.activityId === stored(items[i].note)[0].id)).toBe(true);
		expect(eachOnce(items)).toBe(true);
	});

	it('a connection dropped after LeadSquared posted a bulk call’s activities: not sent again, none posted twice, its items say it is unknown', async () => {
		const items = activities(30);
		sandbox().setFaults([{ kind: 'dropAfter', path: BULK, count: 1 }]);
		const result = await postAll(items, { continueOnFail: true });
		expect(sandbox().requestsTo(BULK)).toHaveLength(2);
		expect(eachOnce(items)).toBe(true);
		const dropped = result.items.filter((item) => item.json.error !== undefined);
		expect([5, 25]).toContain(dropped.length);
		for (const item of dropped) {
			expect(item.json.error).toMatch(UNKNOWN);
			expect(item.json.details).toContain('Activity → Get Many');
		}
		expect(result.items.filter((item) => item.json.activityId).length).toBe(30 - dropped.length);
	});

	it.each(['dropBefore', 'status502'] as const)('after %s on a bulk call nothing is resent; the node stops naming the items whose outcome is unknown', async (kind) => {
		const items = activities(10);
		sandbox().setFaults([{ kind, path: BULK, count: 1 }]);
		const result = await postAll(items);
		expect(result.error?.message).toMatch(UNKNOWN);
		expect(result.error?.description).toContain('Items LeadSquared may or may not have written (not sent again): 0, 1, 2, 3, 4, 5, 6, 7, 8, 9.');
		expect(sandbox().requestsTo(BULK)).toHaveLength(1);
		expect(items.every((item) => stored(item.note).length === 0)).toBe(true);
	});

	it('Send One Call per Item, a lead given by email, or a single item: one Post an Activity call each', async () => {
		const items = activities(5);
		await postAll(items.slice(0, 2), { options: { oneCallPerItem: true } });
		const byEmail = items.slice(2, 4).map((item, i) => ({ ...item, email: `bulk.activity${run}.${i + 2}@example.com` }));
		const emailRun = await postAll(byEmail, { lead: leadBy('email', '={{ $json.email }}') });
		expect(emailRun.items.map((item) => item.json.leadEmail)).toEqual(byEmail.map((item) => item.email));
		await postAll(items.slice(4));
		expect(sandbox().requestsTo(BULK)).toHaveLength(0);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(5);
		expect(eachOnce(items)).toBe(true);
	});

	it('on an older plan (bulk 1 per 5 s against 25 single calls) bulk calls are no faster: items go one call each', async () => {
		const items = activities(3);
		const result = await postAll(items, { credentials: { plan: 'legacyEnterprise' } });
		expect(result.error).toBeUndefined();
		expect(sandbox().requestsTo(BULK)).toHaveLength(0);
		expect(sandbox().requestsTo(SINGLE)).toHaveLength(3);
		expect(eachOnce(items)).toBe(true);
	});
});
