import type { IDataObject } from 'n8n-workflow';

import { captureLeads } from '../harness/captureRuns';
import { emittedJson, StoredStaticData, TriggerProcess } from '../harness/triggerProcess';
import { useTriggerWorld } from '../harness/triggerWorld';
import { FINAL_STATUS, mixedLeads } from '../sandbox/completionMix';
import { seededRandom } from '../sandbox/faults';

const MINUTE = 60_000;

const { clock, sandbox, n8n } = useTriggerWorld();

const LEADS = 500;
const EXECUTIONS = 25;

describe('LeadSquared Trigger across restarts', () => {
	it('emits each of 500 captures exactly once, with LeadSquared’s outcome, though restarted at random points', async () => {
		const random = seededRandom(20_250_106);
		const leads = mixedLeads(LEADS, 11);
		// n8n's database: what a restarted main instance starts from.
		const store = new StoredStaticData();
		const options = { parameters: { outcome: 'any' }, credentials: sandbox().credentialsFor(), n8nApi: n8n().credentialsFor() };
		const start = () => new TriggerProcess(options, store);
		let trigger = start();
		expect(await trigger.poll()).toBeNull(); // activation: starts watching from here

		const kindOf = new Map<string, string>();
		const submittedBy = new Map<string, { workflowId: string; executionId?: string }>();
		const emitted: IDataObject[] = [];
		const restarts = { betweenPolls: 0, midPoll: 0 };
		const batch = LEADS / EXECUTIONS;

		for (let step = 0; step < 2_000; step++) {
			// 25 executions of 20 captures, one every 2 minutes, from two workflows.
			if (step % 2 === 0 && step / 2 < EXECUTIONS) {
				const index = step / 2;
				const slice = leads.slice(index * batch, (index + 1) * batch);
				const workflowId = index % 2 ? 'wf-form-a' : 'wf-form-b';
				const { requestIds, executionId } = await captureLeads(sandbox(), slice.map((mixed) => mixed.lead), { workflowId, n8n: n8n() });
				requestIds.forEach((id, i) => (kindOf.set(id, slice[i].kind), submittedBy.set(id, { workflowId, executionId })));
			}
			clock.advance(step < 120 ? MINUTE : 5 * MINUTE);

			const dice = random();
			if (dice < 0.08) {
				trigger = start();
				restarts.betweenPolls++;
			}
			if (dice >= 0.08 && dice < 0.3) {
				const outcome = await trigger.pollUntilFrozen(1 + Math.floor(random() * 6));
				if (outcome.frozen) restarts.midPoll++;
				else emitted.push(...emittedJson(outcome.result));
				trigger = start();
			} else {
				emitted.push(...emittedJson(await trigger.poll()));
			}
			if (kindOf.size === LEADS && emitted.length >= LEADS && step > 150) break;
		}
		for (let extra = 0; extra < 5; extra++) {
			clock.advance(30 * MINUTE);
			emitted.push(...emittedJson(await start().poll()));
		}

		expect(restarts.betweenPolls).toBeGreaterThan(5);
		expect(restarts.midPoll).toBeGreaterThan(5);
		console.log({ restarts, emitted: emitted.length, statusCalls: sandbox().requestsTo('/lead/status', 'GET').length });

		const ids = emitted.map((item) => item.requestId as string);
		expect(new Set(ids).size).toBe(ids.length); // none twice
		expect(new Set(ids)).toEqual(new Set(kindOf.keys())); // none lost

		const captures = new Map(sandbox().captures().map((capture) => [capture.requestId, capture]));
		for (const item of emitted) {
			const id = item.requestId as string;
			const capture = captures.get(id)!;
			const lsqStatus = sandbox().queue.statusOf(capture).status;
			expect({ id, status: item.status }).toEqual({ id, status: FINAL_STATUS[kindOf.get(id) as keyof typeof FINAL_STATUS] });
			expect(item.leadSquaredStatus).toBe(lsqStatus);
			expect(item.leadId).toBe(lsqStatus === 'Success' ? capture.leadId : null);
			expect(item).toMatchObject({ source: 'capture', ...submittedBy.get(id) });
			expect(item.submitted).toEqual(Object.fromEntries(capture.body.filter((p) => p.Attribute !== 'SearchBy').map((p) => [p.Attribute, p.Value])));
		}
		const statuses = emitted.map((item) => item.status);
		expect(new Set(statuses)).toEqual(new Set(['success', 'failure', 'error']));
	}, 300_000);
});
