import { expectNoSecretIn } from '../harness/assertions';
import { apiClient, control, createLead, pairs } from '../sandbox/crmTestKit';
import { EVENT_HEADER, PROOF_HEADER } from '../../nodes/LeadSquaredEventTrigger/deliveryHeaders';
import { createLeadWithNode, EVENT_TRIGGER_NODE, finishedExecutions, saveEventTriggerWorkflow } from './support/eventTriggerWorkflow';
import { describeEachLine } from './support/perLine';
import { nodeOutput } from './support/tooling';

interface SandboxWebhook {
	WebhookId: string;
	URL: string;
	EventName: string;
	StatusCode: number;
	CustomHeaders: Array<{ Key: string; Value: string }>;
}

const BURST = 100;
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describeEachLine(
	'LeadSquared Trigger (instant) in n8n',
	// The burst creates 100 leads at once: above LeadSquared's default 25 calls per 5 s.
	{ label: 'event-trigger', sandbox: { rateLimit: { calls: 1_000, windowMs: 5_000 } } },
	(stack) => {
		let workflow: Awaited<ReturnType<typeof saveEventTriggerWorkflow>>;
		let url = '';
		let secret = '';
		const api = () => apiClient(stack().sandbox);
		const registrations = async () =>
			(await control<SandboxWebhook[]>(stack().sandbox, 'GET', '/__sandbox/webhooks')).body.filter((webhook) => webhook.URL === url);
		const header = (webhook: SandboxWebhook, name: string) => webhook.CustomHeaders.find((h) => h.Key === name)?.Value;
		const triggerItems = (execution: Parameters<typeof nodeOutput>[0]) => (nodeOutput(execution, EVENT_TRIGGER_NODE) ?? []).map((item) => item.json);

		it('activation registers exactly one webhook per event, carrying the secret header', async () => {
			const { rest, credential, n8n } = stack();
			workflow = await saveEventTriggerWorkflow(rest, credential, ['leadCreated', 'leadStageChanged']);
			url = `${n8n.baseUrl}/webhook/${workflow.webhookId}/webhook`;

			await rest.activateWorkflow(workflow.id);

			const webhooks = await registrations();
			expect(webhooks.map((webhook) => [webhook.EventName, webhook.StatusCode, header(webhook, EVENT_HEADER)]).sort()).toEqual([
				['Lead Creation', 0, '3'],
				['Lead Stage Change', 0, '5'],
			]);
			secret = header(webhooks[0], PROOF_HEADER) ?? '';
			expect(secret).toMatch(/^[0-9a-f]{64}$/);
			expect(header(webhooks[1], PROOF_HEADER)).toBe(secret);
		});

		it('answers HEAD with 200, starting nothing', async () => {
			const answer = await fetch(url, { method: 'HEAD' });
			expect(answer.status).toBe(200);
			await sleep(1_000);
			expect(await stack().rest.listExecutions(workflow.id)).toEqual([]);
		});

		it('a lead created through the LeadSquared node (Lead → Create) starts the workflow once, with the lead\'s fields', async () => {
			const { rest, credential } = stack();
			const { leadId } = await createLeadWithNode(rest, credential, {
				FirstName: 'Priya',
				LastName: 'Sharma',
				EmailAddress: 'priya.instant@example.com',
				Phone: '+91-9876543210',
			});

			const [execution] = await finishedExecutions(rest, workflow.id, 1, 30_000);

			expect(execution.status).toBe('success');
			expect(execution.mode).toBe('webhook');
			expect(triggerItems(execution)).toEqual([
				expect.objectContaining({
					event: 'leadCreated',
					eventCode: 3,
					leadId,
					firstName: 'Priya',
					lastName: 'Sharma',
					email: 'priya.instant@example.com',
					phone: '+91-9876543210',
					stage: 'Prospect',
					raw: expect.objectContaining({ ProspectID: leadId }),
				}),
			]);
			await sleep(2_000);
			expect(await rest.listExecutions(workflow.id)).toHaveLength(1);
			expect(JSON.stringify(execution)).not.toContain(secret);
			expectNoSecretIn(execution);
		});

		it('a stage change starts it once more, as "Lead Stage Changed"', async () => {
			const { rest } = stack();
			const [lead] = (await api().get('/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=priya.instant@example.com')).body;

			await api().post(`/v2/LeadManagement.svc/Lead.Update?leadId=${lead.ProspectID}&postUpdatedLead=true`, pairs({ ProspectStage: 'Customer' }));

			const executions = await finishedExecutions(rest, workflow.id, 2, 30_000);
			const stageChanged = executions.flatMap(triggerItems).filter((item) => item.event === 'leadStageChanged');
			expect(stageChanged).toEqual([expect.objectContaining({ leadId: lead.ProspectID, stage: 'Customer', previousStage: 'Prospect' })]);
		});

		it('a forged delivery without the secret, or with a wrong one, gets 401 and starts nothing', async () => {
			const { rest } = stack();
			const forged = (headers: Record<string, string>) =>
				fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', [EVENT_HEADER]: '3', ...headers }, body: JSON.stringify({ ProspectID: 'forged', FirstName: 'Mallory' }) });

			const answers = [await forged({}), await forged({ [PROOF_HEADER]: 'f'.repeat(64) })];

			expect(answers.map((answer) => answer.status)).toEqual([401, 401]);
			await sleep(2_000);
			expect(await rest.listExecutions(workflow.id)).toHaveLength(2);
		});

		it(`${BURST} events delivered in a burst start ${BURST} executions, none lost or doubled`, async () => {
			const { rest, sandbox } = stack();
			await control(sandbox, 'POST', '/__sandbox/webhooks/deliveries/clear');
			const before = (await rest.listExecutions(workflow.id)).length;
			const started = Date.now();

			const leadIds = await Promise.all(
				Array.from({ length: BURST }, async (_, i) => await createLead(api(), { FirstName: `Burst ${i}`, EmailAddress: `burst.${i}@example.com` })),
			);

			// A delivery n8n is too busy to answer within LeadSquared's wait is sent again later (the sandbox: after 60 s).
			await finishedExecutions(rest, workflow.id, before + BURST, 240_000);
			await sandbox.crm.dispatcher.idle();
			await sleep(3_000);
			const executions = await finishedExecutions(rest, workflow.id, before + BURST, 10_000);
			expect(executions).toHaveLength(before + BURST);
			expect(executions.every((execution) => execution.status === 'success')).toBe(true);
			const burstItems = executions.flatMap(triggerItems).filter((item) => String(item.firstName).startsWith('Burst '));
			expect(burstItems.map((item) => item.leadId).sort()).toEqual([...leadIds].sort());
			const attempts = (await control<Array<{ deliveryId: number; attempt: number; ok: boolean }>>(sandbox, 'GET', '/__sandbox/webhooks/deliveries')).body;
			const deliveries = new Map<number, boolean[]>();
			for (const { deliveryId, ok } of attempts) deliveries.set(deliveryId, [...(deliveries.get(deliveryId) ?? []), ok]);
			expect(deliveries.size).toBe(BURST);
			expect([...deliveries.values()].every((outcomes) => outcomes.at(-1) === true && outcomes.filter(Boolean).length === 1)).toBe(true);
			const retried = [...deliveries.values()].filter((outcomes) => outcomes.length > 1).length;
			console.info(`n8n ${stack().line}: ${BURST} deliveries, ${retried} answered late and sent again, ${BURST} executions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		}, 330_000);

		it('deactivation removes the registrations', async () => {
			await stack().rest.request('POST', `/rest/workflows/${workflow.id}/deactivate`, {});
			// n8n 2.x may finish a deactivation just after answering.
			for (let waited = 0; (await registrations()).length && waited < 10_000; waited += 250) await sleep(250);
			expect((await control<SandboxWebhook[]>(stack().sandbox, 'GET', '/__sandbox/webhooks')).body).toEqual([]);
		});
	},
);
