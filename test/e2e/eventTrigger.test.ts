import { readFileSync } from 'fs';

import { expectNoSecretIn } from '../harness/assertions';
import type { SandboxWebhook } from '../harness/eventTriggerKit';
import { header } from '../harness/eventTriggerKit';
import { apiClient, control, createLead, pairs } from '../sandbox/crmTestKit';
import { EVENT_HEADER, PROOF_HEADER } from '../../nodes/LeadSquared/instantTrigger/deliveryHeaders';
import { createLeadWithNode, EVENT_TRIGGER_NODE, finishedExecutions, saveEventTriggerWorkflow } from './support/eventTriggerWorkflow';
import { describeEachLine } from './support/perLine';
import { nodeOutput } from './support/tooling';

const BURST = 100;
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describeEachLine(
	'LeadSquared Instant Trigger in n8n',
	// The burst creates 100 leads at once: above LeadSquared's default 25 calls per 5 s. Activities are batched for 1 s, not LeadSquared's minute.
	{ label: 'event-trigger', sandbox: { rateLimit: { calls: 1_000, windowMs: 5_000 }, delivery: { batchWindowMs: 1_000 } } },
	(stack) => {
		let workflow: Awaited<ReturnType<typeof saveEventTriggerWorkflow>>;
		let url = '';
		let secret = '';
		const api = () => apiClient(stack().sandbox);
		const registrations = async () =>
			(await control<SandboxWebhook[]>(stack().sandbox, 'GET', '/__sandbox/webhooks')).body.filter((webhook) => webhook.URL === url);
		const triggerItems = (execution: Parameters<typeof nodeOutput>[0]) => (nodeOutput(execution, EVENT_TRIGGER_NODE) ?? []).map((item) => item.json);

		it('activation registers exactly one webhook per event, carrying the secret header', async () => {
			const { rest, credential, n8n } = stack();
			workflow = await saveEventTriggerWorkflow(rest, credential, ['leadCreated', 'leadStageChanged']);
			url = `${n8n.baseUrl}/webhook/${workflow.webhookId}/webhook`;

			await rest.activateWorkflow(workflow.id);

			const webhooks = await registrations();
			expect(webhooks.map((webhook) => [webhook.EventName, webhook.StatusCode, header(webhook, EVENT_HEADER)]).sort()).toEqual([
				['Lead Creation', 0, 'leadCreated'],
				['Lead Field Update', 0, 'leadStageChanged'],
			]);
			secret = header(webhooks[0], PROOF_HEADER) ?? '';
			expect(secret).toMatch(/^[0-9a-f]{64}$/);
			expect(header(webhooks[1], PROOF_HEADER)).toBe(secret);
		});

		it('answers HEAD, GET and a verification without payload with 200, starting nothing', async () => {
			const head = await fetch(url, { method: 'HEAD' });
			const get = await fetch(url);
			const verification = await fetch(url, { method: 'POST' });
			expect([head.status, get.status, verification.status]).toEqual([200, 200, 200]);
			expect((await verification.json()) as unknown).toEqual({ Status: 'Success', StatusReason: expect.any(String) });
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

		it('a forged delivery without the secret, or with a wrong one, gets 200 with Status Error and starts nothing', async () => {
			const { rest } = stack();
			const forged = (headers: Record<string, string>) =>
				fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', [EVENT_HEADER]: 'leadCreated', ...headers }, body: JSON.stringify({ ProspectID: 'forged', FirstName: 'Mallory' }) });

			const answers = [await forged({}), await forged({ [PROOF_HEADER]: 'f'.repeat(64) })];

			expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
			for (const answer of answers) expect(((await answer.json()) as { Status: string }).Status).toBe('Error');
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
			// Ten such answers in a row make LeadSquared disable the webhook (probe): then the rest never comes.
			await finishedExecutions(rest, workflow.id, before + BURST, 240_000).catch(async (error: Error) => {
				const status = (await registrations()).map((webhook) => `${webhook.EventName}: StatusCode ${webhook.StatusCode}`).join(', ');
				const late = sandbox.crm.dispatcher.attempts.filter((attempt) => !attempt.ok).length;
				throw new Error(`${error.message}; ${late} delivery attempts failed; registrations ${status}`);
			});
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

		const deactivate = async (id: string, leaves = 0) => {
			await stack().rest.request('POST', `/rest/workflows/${id}/deactivate`, {});
			// n8n 2.x may finish a deactivation just after answering.
			for (let waited = 0; (await allRegistrations()).length > leaves && waited < 10_000; waited += 250) await sleep(250);
		};
		const allRegistrations = async () => (await control<SandboxWebhook[]>(stack().sandbox, 'GET', '/__sandbox/webhooks')).body;

		it('deactivation removes the registrations: none is left in LeadSquared', async () => {
			await deactivate(workflow.id);
			expect(await allRegistrations()).toEqual([]);
		});

		it('activity events register per activity type; a minute\'s activities arrive as one array and start one execution with an item each; deactivation on an account that answers GET Delete with 405 leaves none', async () => {
			const { rest, credential, n8n, sandbox } = stack();
			const activities = await saveEventTriggerWorkflow(rest, credential, ['activityPosted'], { activityTypes: [201] });
			await rest.activateWorkflow(activities.id);
			const [registration] = await allRegistrations();
			expect(registration).toMatchObject({ EventCode: 'LeadActivity_Post_Create', URL: `${n8n.baseUrl}/webhook/${activities.webhookId}/webhook` });
			const leadId = await createLead(api(), { FirstName: 'Caller', EmailAddress: 'caller.instant@example.com' });

			for (const note of ['First call', 'Second call']) {
				await api().post('/v2/ProspectActivity.svc/Create', { RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: note });
			}

			const [execution] = await finishedExecutions(rest, activities.id, 1, 30_000);
			expect(triggerItems(execution)).toEqual([
				expect.objectContaining({ event: 'activityPosted', activityType: '201', activityName: 'Phone Call', activityNote: 'First call', leadId }),
				expect.objectContaining({ event: 'activityPosted', activityNote: 'Second call', leadId }),
			]);
			await control(sandbox, 'POST', '/__sandbox/config', { webhookDeleteForm: 'post' });
			sandbox.clearRecord();

			await deactivate(activities.id);

			expect(await allRegistrations()).toEqual([]);
			expect(sandbox.requests.filter((r) => r.path.endsWith('/Webhook.svc/Delete')).map((r) => [r.method, r.status])).toEqual([
				['GET', 405],
				['POST', 200],
			]);
			await control(sandbox, 'POST', '/__sandbox/config', { webhookDeleteForm: 'get' });
		});

		it('a deactivation whose Delete LeadSquared refuses is logged, naming what is left and how to remove it; the next try removes it', async () => {
			const { rest, credential, n8n, sandbox } = stack();
			const kept = await saveEventTriggerWorkflow(rest, credential, ['leadCreated']);
			await rest.activateWorkflow(kept.id);
			const [registration] = await allRegistrations();
			sandbox.setFaults([{ kind: 'status400', path: '/v2/Webhook.svc/Delete' }]);

			await deactivate(kept.id, 1);

			expect((await allRegistrations()).map((webhook) => webhook.WebhookId)).toEqual([registration.WebhookId]);
			let log = '';
			for (let waited = 0; !log.includes(registration.WebhookId) && waited < 10_000; waited += 250) {
				await sleep(250);
				log = readFileSync(n8n.logFile, 'utf8');
			}
			const line = log.split('\n').find((text) => text.includes(registration.WebhookId)) ?? '';
			expect(line).toContain('still registered');
			expect(line).toContain('(Lead Created, posting to');
			expect(line).toContain('My Account > Settings > API and Webhooks > Webhooks');
			sandbox.setFaults([]);

			await rest.activateWorkflow(kept.id);
			await deactivate(kept.id);

			expect(await allRegistrations()).toEqual([]);
		});
	},
);
