import { createHash } from 'crypto';

import { OPPORTUNITY_CAPTURE_PATH } from '../sandbox/crm/unconfirmed';
import { apiClient, control, createLead, pairs, useCrmSandbox, waitFor } from '../sandbox/crmTestKit';
import { WebhookTriggerHost } from '../harness/webhookTriggerHost';
import { PROOF_HEADER, EVENT_HEADER } from '../../nodes/LeadSquaredEventTrigger/deliveryHeaders';
import { TRIGGER_EVENTS } from '../../nodes/LeadSquaredEventTrigger/events';

const LM = '/v2/LeadManagement.svc';
const WH = '/v2/Webhook.svc';

interface SandboxWebhook {
	WebhookId: string;
	URL: string;
	EventName: string;
	StatusCode: number;
	Description: string;
	CustomHeaders: Array<{ Key: string; Value: string }>;
}

describe('LeadSquared Trigger (instant): webhook methods and deliveries in n8n-core, against the sandbox', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	let host: WebhookTriggerHost;

	const registered = async () => (await control<SandboxWebhook[]>(sandbox(), 'GET', '/__sandbox/webhooks')).body;
	const header = (webhook: SandboxWebhook, name: string) => webhook.CustomHeaders.find((h) => h.Key === name)?.Value;
	const delivered = async (count: number) => {
		await waitFor(() => host.executions.length >= count, 5_000, `${count} executions`);
		await sandbox().crm.dispatcher.idle();
		return host.executions;
	};
	const post = async (url: string, headers: Record<string, string>, body: unknown = { ProspectID: 'forged' }) =>
		await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

	beforeEach(async () => {
		await sandbox().crm.dispatcher.idle();
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		await control(sandbox(), 'POST', '/__sandbox/webhooks/deliveries/clear');
		sandbox().setFaults([]);
		sandbox().clearRecord();
		host = await WebhookTriggerHost.start({ events: ['leadCreated', 'leadStageChanged'] }, sandbox().credentialsFor());
	});
	afterEach(async () => {
		await sandbox().crm.dispatcher.idle();
		await host.close();
	});

	it('activation registers one webhook per event at the node URL, each with the secret and event headers', async () => {
		await host.activate();

		const webhooks = await registered();
		expect(webhooks.map((w) => w.EventName).sort()).toEqual(['Lead Creation', 'Lead Stage Change']);
		const secret = header(webhooks[0], PROOF_HEADER)!;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		for (const webhook of webhooks) {
			expect(webhook).toMatchObject({ URL: host.productionUrl, StatusCode: 0, Description: expect.stringMatching(/\[n8n-webhook-[0-9a-f]{16}\]$/) });
			expect(header(webhook, PROOF_HEADER)).toBe(secret);
		}
		expect(webhooks.map((w) => header(w, EVENT_HEADER)).sort()).toEqual(['3', '5']);
		expect(host.nodeStaticData()).toEqual({
			registrations: { [host.productionUrl]: { secretHash: createHash('sha256').update(secret).digest('hex'), webhooks: expect.arrayContaining(webhooks.map((w) => ({ id: w.WebhookId, eventCode: Number(header(w, EVENT_HEADER)) }))) } },
		});
	});

	it('a lead created in LeadSquared starts one execution with its flat fields and the raw payload', async () => {
		await host.activate();
		const leadId = await createLead(api(), { FirstName: 'Priya', LastName: 'Sharma', EmailAddress: 'priya@example.com', Phone: '+91-9876543210' });

		const [items] = await delivered(1);
		expect(host.executions).toHaveLength(1);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'leadCreated',
				eventName: 'Lead Created',
				eventCode: 3,
				leadId,
				firstName: 'Priya',
				lastName: 'Sharma',
				email: 'priya@example.com',
				phone: '+91-9876543210',
				stage: 'Prospect',
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				raw: expect.objectContaining({ ProspectID: leadId, EmailAddress: 'priya@example.com' }),
			}),
		]);
		const [attempt] = (await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries')).body;
		expect(attempt).toMatchObject({ attempt: 1, status: 200, ok: true });
		const secret = attempt.headers[PROOF_HEADER];
		expect(JSON.stringify(host.executions)).not.toContain(secret);
		expect(JSON.stringify(host.stored)).not.toContain(secret);
		expect(host.answers.at(-1)?.status).toBe(200);
	});

	it('a stage change starts one execution naming the event, with the new and previous stage', async () => {
		await host.activate();
		const leadId = await createLead(api(), { FirstName: 'Stage', EmailAddress: 'stage@example.com' });
		await delivered(1);

		await api().post(`${LM}/Lead.Update?leadId=${leadId}&postUpdatedLead=true`, pairs({ ProspectStage: 'Customer' }));

		const executions = await delivered(2);
		expect(executions).toHaveLength(2);
		expect(executions[1]).toEqual([expect.objectContaining({ event: 'leadStageChanged', leadId, stage: 'Customer', previousStage: 'Prospect' })]);
	});

	it('HEAD answers 200 and starts nothing', async () => {
		await host.activate();
		const answer = await fetch(host.productionUrl, { method: 'HEAD' });
		expect(answer.status).toBe(200);
		expect(host.executions).toHaveLength(0);
	});

	it('a delivery without the secret, or with a wrong one, is answered 401 and starts nothing', async () => {
		await host.activate();
		const secret = header((await registered())[0], PROOF_HEADER)!;

		const missing = await post(host.productionUrl, { [EVENT_HEADER]: '3' });
		// the secret with its last hex digit changed (to 1 if it was 0): one digit off
		const oneOff = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
		const wrong = await post(host.productionUrl, { [PROOF_HEADER]: oneOff, [EVENT_HEADER]: '3' });
		const empty = await post(host.productionUrl, { [PROOF_HEADER]: '' });

		expect([missing.status, wrong.status, empty.status]).toEqual([401, 401, 401]);
		expect(await missing.json()).toEqual({ Status: 'Error', StatusReason: expect.any(String) });
		expect(host.executions).toHaveLength(0);
		const right = await post(host.productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: '3' });
		expect(right.status).toBe(200);
		expect(host.executions).toHaveLength(1);
	});

	it('a delivery whose sender stopped waiting starts nothing; its retry starts the one execution', async () => {
		await host.activate();
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { timeoutMs: 150 });
		host.stall(1, 400);

		await createLead(api(), { FirstName: 'Late', EmailAddress: 'late@example.com' });

		const executions = await delivered(1);
		await waitFor(() => host.answers.length === 2, 2_000, 'both attempts handled');
		expect(executions).toEqual([[expect.objectContaining({ event: 'leadCreated', firstName: 'Late' })]]);
		const attempts = (await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries')).body;
		expect(attempts.map(({ attempt, ok }: { attempt: number; ok: boolean }) => [attempt, ok])).toEqual([
			[1, false],
			[2, true],
		]);
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { timeoutMs: 1_000 });
	});

	it('a delivery LeadSquared sends again (same event and payload) is answered 200 and starts nothing more', async () => {
		await host.activate();
		const secret = header((await registered())[0], PROOF_HEADER)!;
		const lead = { ProspectID: 'resent-1', FirstName: 'Twice', ModifiedOn: '2024-05-01 10:00:00' };

		const first = await post(host.productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: '3' }, lead);
		const again = await post(host.productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: '3' }, lead);
		const otherEvent = await post(host.productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: '6' }, lead);

		expect([first.status, again.status, otherEvent.status]).toEqual([200, 200, 200]);
		expect(await again.json()).toEqual({ Status: 'Success', StatusReason: 'Already received' });
		expect(host.executions.map(([item]) => item.eventCode)).toEqual([3, 6]);
	});

	it('deactivation deletes every registration and forgets them', async () => {
		await host.activate();
		expect(await registered()).toHaveLength(2);

		expect(await host.deactivate()).toBe(true);

		expect(await registered()).toEqual([]);
		expect(host.nodeStaticData()).toEqual({ registrations: {} });
		await createLead(api(), { EmailAddress: 'after@example.com' });
		await sandbox().crm.dispatcher.idle();
		expect((await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries')).body).toEqual([]);
	});

	it('a restart keeps registrations that are still intact, without creating any', async () => {
		await host.activate();
		const before = (await registered()).map((w) => w.WebhookId).sort();
		sandbox().clearRecord();

		await host.activate('init');

		expect((await registered()).map((w) => w.WebhookId).sort()).toEqual(before);
		expect(sandbox().requestsTo(`${WH}/Create`)).toEqual([]);
	});

	it.each([
		['deleted by hand in LeadSquared', async (id: string) => await api().post(`${WH}/Delete`, { WebhookId: id })],
		['disabled by hand', async (id: string) => await api().post(`${WH}/Update`, { WebhookId: id, StatusCode: 1 })],
		['stripped of its secret header', async (id: string) => await api().post(`${WH}/Update`, { WebhookId: id, CustomHeaders: [] })],
	])('re-activation replaces registrations when one was %s, leaving exactly one per event', async (_, spoil) => {
		await host.activate();
		const before = await registered();
		const oldSecret = header(before[0], PROOF_HEADER);
		await spoil(before[0].WebhookId);

		await host.activate('init');

		const after = await registered();
		expect(after).toHaveLength(2);
		expect(after.every((w) => w.StatusCode === 0 && !before.some((old) => old.WebhookId === w.WebhookId))).toBe(true);
		expect(header(after[0], PROOF_HEADER)).not.toBe(oldSecret);
		await createLead(api(), { EmailAddress: 'replaced@example.com' });
		expect(await delivered(1)).toHaveLength(1);
	});

	it('a webhook that LeadSquared disabled after failed deliveries is replaced at the next activation', async () => {
		await host.activate();
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { retryDelaysMs: [5], disableAfterFailures: 1 });
		await host.close();
		await createLead(api(), { EmailAddress: 'nobody.listening@example.com' });
		await sandbox().crm.dispatcher.idle();
		expect((await registered()).find((w) => w.EventName === 'Lead Creation')?.StatusCode).toBe(2);
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { retryDelaysMs: [20, 20, 20], disableAfterFailures: 2 });

		const restarted = await WebhookTriggerHost.start(host.parameters, sandbox().credentialsFor());
		restarted.stored = host.stored;
		host = restarted;
		await host.activate('init');

		expect((await registered()).map((w) => [w.URL, w.StatusCode])).toEqual([
			[host.productionUrl, 0],
			[host.productionUrl, 0],
		]);
	});

	it('a Create whose answer was lost leaves a registration that the failed activation removes, by its marker', async () => {
		sandbox().setFaults([{ kind: 'dropAfter', method: 'POST', path: `${WH}/Create`, count: 1 }]);

		await expect(host.activate()).rejects.toThrow();

		expect(await registered()).toEqual([]);
		expect(host.nodeStaticData()).toEqual({});
		await host.activate();
		expect(await registered()).toHaveLength(2);
	});

	it('an activation that fails part-way undoes what it registered', async () => {
		host.parameters = { events: ['leadCreated', 'taskCreated', 'opportunityCreated'] };
		// With seed 1 the rule lets the first Create through and refuses the second.
		sandbox().setFaults([{ kind: 'status400', method: 'POST', path: `${WH}/Create`, rate: 0.5, count: 1 }], 1);

		await expect(host.activate()).rejects.toThrow(/400/);

		expect(sandbox().requestsTo(`${WH}/Create`).map((r) => r.status)).toEqual([200, 400]);
		expect(await registered()).toEqual([]);
		expect(host.nodeStaticData()).toEqual({});
	});

	it('leftovers of its URL that the node does not know of are removed at activation', async () => {
		const stray = await api().post(`${WH}/Create`, { URL: host.productionUrl, WebhookEvent: '3', Description: 'x' });
		expect(stray.status).toBe(200);
		await host.activate();
		const marker = (await registered()).find((w) => w.WebhookId !== stray.body.Message.Id)!.Description.match(/\[(n8n-webhook-[0-9a-f]+)\]/)![1];
		await api().post(`${WH}/Create`, { URL: host.productionUrl, WebhookEvent: '3', Description: `copy [${marker}]` });
		await api().post(`${WH}/Create`, { URL: 'https://elsewhere.example.com/hook', WebhookEvent: '3', Description: `other URL [${marker}]` });

		await host.activate('init');

		const left = await registered();
		expect(left.filter((w) => w.URL === host.productionUrl && w.Description.includes(marker))).toHaveLength(2);
		expect(left.map((w) => w.Description)).toEqual(expect.arrayContaining(['x', `other URL [${marker}]`]));
	});

	it('the registrations of an old webhook URL are removed at the next activation', async () => {
		await host.activate();
		const moved = await WebhookTriggerHost.start(host.parameters, sandbox().credentialsFor());
		moved.stored = host.stored;
		await host.close();
		host = moved;

		await host.activate('init');

		expect((await registered()).map((w) => w.URL)).toEqual([host.productionUrl, host.productionUrl]);
		expect(Object.keys(host.nodeStaticData().registrations as object)).toEqual([host.productionUrl]);
	});

	it('"Listen for test event" registers the test URL apart and leaves the production registrations alone', async () => {
		await host.activate();
		const production = (await registered()).map((w) => w.WebhookId).sort();

		await host.listenForTestEvent();
		const during = await registered();
		expect(during.filter((w) => w.URL === host.testUrl)).toHaveLength(2);
		expect(during.filter((w) => w.URL === host.productionUrl).map((w) => w.WebhookId).sort()).toEqual(production);
		await createLead(api(), { EmailAddress: 'test.and.production@example.com' });
		expect(await delivered(2)).toHaveLength(2);
		expect(host.answers.filter((a) => a.status === 200).map((a) => a.url.split('/')[1]).sort()).toEqual(['webhook', 'webhook-test']);

		await host.stopListening();

		expect((await registered()).map((w) => w.WebhookId).sort()).toEqual(production);
	});

	it('tells which event a delivery is and maps the fields of activities, tasks, opportunities and landing pages', async () => {
		host.parameters = { events: ['activityPosted', 'taskCreated', 'taskCompleted', 'opportunityCreated', 'opportunityStageChanged', 'landingPageSubmission'] };
		await host.activate();
		const leadId = await createLead(api(), { FirstName: 'Ravi', EmailAddress: 'ravi@example.com' });
		const owner = sandbox().accounts[0].users[0];

		await api().post('/v2/ProspectActivity.svc/Create', { RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: 'Called', ActivityDateTime: '2024-05-01 10:00:00' });
		await delivered(1);
		const task = await api().post('/v2/Task.svc/Create', { Name: 'Call back', RelatedEntity: 1, RelatedEntityId: leadId, DueDate: '2024-06-01 09:00:00', OwnerId: owner.ID, TaskType: { Name: 'Phone Call' } });
		await delivered(2);
		await api().post('/v2/Task.svc/Update', { UserTaskId: task.body.Message.Id, StatusCode: 1 });
		await delivered(3);
		const opportunity = await api().post(OPPORTUNITY_CAPTURE_PATH, {
			LeadDetails: pairs({ EmailAddress: 'ravi@example.com', SearchBy: 'EmailAddress' }),
			Opportunity: { OpportunityEventCode: 12000, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Annual plan' }, { SchemaName: 'mx_Custom_2', Value: 'Prospecting' }] },
		});
		await delivered(5);
		await api().post('/v2/OpportunityManagement.svc/Update', { ProspectOpportunityId: opportunity.body.CreatedOpportunityId, Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Negotiation' }] });
		await delivered(6);
		await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl: 'https://example.com/lp/offer', fields: { EmailAddress: 'visitor@example.com', FirstName: 'Vee' } });

		// LeadSquared records an opportunity as an activity on its lead too: capturing one also posts an activity.
		const items = (await delivered(7)).map(([item]) => item);
		expect(items.map((item) => item.event).sort()).toEqual([
			'activityPosted',
			'activityPosted',
			'landingPageSubmission',
			'opportunityCreated',
			'opportunityStageChanged',
			'taskCompleted',
			'taskCreated',
		]);
		const byEvent = (event: string) => items.filter((item) => item.event === event).at(-1);
		expect(items[0]).toMatchObject({ leadId, activityType: '201', activityName: 'Phone Call', activityNote: 'Called', firstName: 'Ravi', email: 'ravi@example.com' });
		expect(byEvent('taskCreated')).toMatchObject({ taskId: task.body.Message.Id, taskName: 'Call back', taskType: 'Phone Call', relatedEntityId: leadId, ownerId: owner.ID, status: '0' });
		expect(byEvent('taskCompleted')).toMatchObject({ taskId: task.body.Message.Id, status: '1', completedOn: expect.any(String) });
		expect(byEvent('opportunityCreated')).toMatchObject({
			opportunityId: opportunity.body.CreatedOpportunityId,
			opportunityName: 'Annual plan',
			opportunityType: 'Sales Deal',
			stage: 'Prospecting',
			status: 'Open',
			ownerId: owner.ID,
			leadId,
		});
		expect(byEvent('opportunityStageChanged')).toMatchObject({ stage: 'Negotiation', changedFields: 'mx_Custom_2' });
		expect(byEvent('landingPageSubmission')).toMatchObject({ landingPageUrl: 'https://example.com/lp/offer', email: 'visitor@example.com', firstName: 'Vee' });
		expect(items.every((item) => item.raw && typeof item.raw === 'object')).toBe(true);
	});

	it('takes the one event the nodes panel sets as a plain value ("On lead created")', async () => {
		host.parameters = { events: 'leadCreated' };
		await host.activate();
		expect((await registered()).map((w) => w.EventName)).toEqual(['Lead Creation']);
	});

	it('registers landing page submissions for the chosen pages only', async () => {
		host.parameters = { events: ['landingPageSubmission'], landingPageUrls: 'https://example.com/lp/offer, https://example.com/lp/demo' };
		await host.activate();
		const [webhook] = await registered();
		expect(webhook).toMatchObject({ IsSpecificLandingPage: true, LandingPageUrls: 'https://example.com/lp/offer,https://example.com/lp/demo' });

		await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl: 'https://example.com/lp/other', fields: { EmailAddress: 'a@example.com' } });
		await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl: 'https://example.com/lp/demo', fields: { EmailAddress: 'b@example.com' } });

		const executions = await delivered(1);
		expect(executions.map(([item]) => item.email)).toEqual(['b@example.com']);
	});

	it.each([
		[{ events: [] }, 'Choose at least one event in Events'],
		[{ events: ['landingPageSubmission'], landingPageUrls: 'not a url' }, 'Landing Page URLs: "not a url" is not an http(s) URL'],
		[{ events: ['leadCreated'], options: { endpointUrl: 'ftp://x' } }, 'Delete API URL (Override) "ftp://x" is not an http(s) URL'],
	])('refuses to activate with %j, before calling LeadSquared', async (parameters, message) => {
		host.parameters = parameters;
		sandbox().clearRecord();
		await expect(host.activate()).rejects.toThrow(message);
		expect(sandbox().requests.filter((r) => r.path.startsWith(WH))).toEqual([]);
	});

	it('uses the Delete API URL (Override) to remove registrations', async () => {
		await host.activate();
		host.parameters = { ...host.parameters, options: { endpointUrl: `${sandbox().url}${WH}/Delete?via=override` } };
		sandbox().clearRecord();

		expect(await host.deactivate()).toBe(true);

		expect(sandbox().requests.filter((r) => r.path === `${WH}/Delete`).map((r) => r.url)).toEqual([
			expect.stringContaining('via=override'),
			expect.stringContaining('via=override'),
		]);
		expect(await registered()).toEqual([]);
	});

	it('offers every event it documents, each with a distinct LeadSquared code', () => {
		expect(new Set(TRIGGER_EVENTS.map((e) => e.code)).size).toBe(TRIGGER_EVENTS.length);
		expect(TRIGGER_EVENTS.map((e) => e.code).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 34, 35]);
	});
});
