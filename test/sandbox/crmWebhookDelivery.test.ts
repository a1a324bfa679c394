import type { Loose } from './crmTestKit';
import { WebhookReceiver, apiClient, control, createLead, pairs, registerWebhook as register, sleep, useCrmSandbox, waitFor } from './crmTestKit';

const WH = '/v2/Webhook.svc';
const LM = '/v2/LeadManagement.svc';

describe('sandbox CRM: webhook deliveries', () => {
	const sandbox = useCrmSandbox({ queue: { delayMs: 50 } });
	const api = () => apiClient(sandbox());
	let receiver: WebhookReceiver;

	beforeAll(async () => {
		receiver = await WebhookReceiver.start();
	});
	afterAll(async () => {
		await sandbox().crm.dispatcher.idle();
		await receiver.close();
	});
	beforeEach(async () => {
		await sandbox().crm.dispatcher.idle();
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		await control(sandbox(), 'POST', '/__sandbox/webhooks/deliveries/clear');
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { retryDelaysMs: [20, 20, 20], disableAfterFailures: 10, batchWindowMs: 30 });
		receiver.reset();
	});

	it('posts the flat lead to a "lead created" webhook with its custom headers, unsigned', async () => {
		await register(api(), `${receiver.url}/lead-created`, 3, { CustomHeaders: [{ Key: 'x-hook-secret', Value: 's3cret' }] });
		const id = await createLead(api(), { EmailAddress: 'hook@example.com', FirstName: 'Hook' });
		await waitFor(() => receiver.received.length === 1, 2_000, 'the delivery');
		const [delivery] = receiver.received;
		expect(delivery.path).toBe('/lead-created');
		expect(delivery.headers['x-hook-secret']).toBe('s3cret');
		expect(delivery.headers['content-type']).toMatch(/^application\/json/);
		expect(Object.keys(delivery.headers).filter((h) => /signature/i.test(h))).toEqual([]);
		expect(JSON.parse(delivery.body)).toMatchObject({ ProspectID: id, FirstName: 'Hook', EmailAddress: 'hook@example.com', ProspectStage: 'Prospect' });
		const recorded = (await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries?event=3')).body;
		expect(recorded).toEqual([expect.objectContaining({ attempt: 1, status: 200, ok: true, url: `${receiver.url}/lead-created` })]);
	});

	it('encodes form-urlencoded bodies for webhooks that ask for them', async () => {
		await register(api(), receiver.url, 3, { ContentType: 'application/x-www-form-urlencoded' });
		await createLead(api(), { EmailAddress: 'form@example.com', FirstName: 'Form' });
		await waitFor(() => receiver.received.length === 1);
		const form = new URLSearchParams(receiver.received[0].body);
		expect(form.get('EmailAddress')).toBe('form@example.com');
		expect(receiver.received[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
	});

	it('does not hold the API call while the receiver is slow', async () => {
		await register(api(), receiver.url, 3);
		receiver.delayMs = 400;
		const started = Date.now();
		await createLead(api(), { EmailAddress: 'slow@example.com' });
		expect(Date.now() - started).toBeLessThan(200);
		await waitFor(() => sandbox().crm.dispatcher.attempts.some((a) => a.ok), 2_000);
	});

	it('retries a delivery answered other than 200 (a 204 too: the probe speaks of non-200s) and stops at the first 200', async () => {
		const webhookId = await register(api(), receiver.url, 3);
		receiver.script = [500, 204];
		await createLead(api(), { EmailAddress: 'retry@example.com' });
		await waitFor(() => receiver.received.length === 3, 2_000);
		await sandbox().crm.dispatcher.idle();
		const attempts = sandbox().crm.dispatcher.attempts.map(({ attempt, status, ok }) => ({ attempt, status, ok }));
		expect(attempts).toEqual([
			{ attempt: 1, status: 500, ok: false },
			{ attempt: 2, status: 204, ok: false },
			{ attempt: 3, status: 200, ok: true },
		]);
		expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
		const [webhook] = (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: webhookId } })).body.Response;
		expect(webhook.StatusCode).toBe(0);
	});

	it('ten answers other than 200 in a row (the probe) disable the webhook (StatusCode 2); it gets nothing more', async () => {
		const webhookId = await register(api(), 'http://127.0.0.1:1/refused', 3);
		const status = async () => (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: webhookId } })).body.Response[0].StatusCode;
		for (const email of ['fail1@example.com', 'fail2@example.com']) {
			await createLead(api(), { EmailAddress: email });
			await sandbox().crm.dispatcher.idle();
		}
		// Two deliveries of four attempts each: eight failures, still enabled.
		expect(sandbox().crm.dispatcher.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
		expect(sandbox().crm.dispatcher.attempts.every((a) => a.error && !a.ok)).toBe(true);
		expect(await status()).toBe(0);

		await createLead(api(), { EmailAddress: 'fail3@example.com' });
		await sandbox().crm.dispatcher.idle();
		expect(sandbox().crm.dispatcher.attempts).toHaveLength(10);
		expect(await status()).toBe(2);
		expect((await api().post(`${WH}/Retrieve`, { Parameter: { StatusCode: 2 } })).body.Response.map((w: Loose) => w.WebhookId)).toEqual([webhookId]);
		await createLead(api(), { EmailAddress: 'fail4@example.com' });
		await sleep(50);
		expect(sandbox().crm.dispatcher.attempts).toHaveLength(10);
	});

	it('Lead.Update fires "lead updated", owner changes and field updates only with postUpdatedLead=true; a field update posts the lead before and after', async () => {
		for (const event of [4, 6]) await register(api(), `${receiver.url}/e${event}`, event);
		const field = { ChangedLeadField: 'ProspectStage', WebhookProperties: '{"ChangedLeadField":"ProspectStage"}' };
		await register(api(), `${receiver.url}/e26`, 26, field);
		const id = await createLead(api(), { EmailAddress: 'stage@example.com' });
		await api().post(`${LM}/Lead.Update?leadId=${id}`, pairs({ ProspectStage: 'Opportunity' }));
		await sleep(60);
		expect(receiver.received).toHaveLength(0);
		const newOwner = sandbox().accounts[0].users[1].ID;
		await api().post(`${LM}/Lead.Update?leadId=${id}&postUpdatedLead=true`, pairs({ ProspectStage: 'Customer', OwnerId: newOwner }));
		await waitFor(() => receiver.received.length === 3);
		const byPath = Object.fromEntries(receiver.received.map((r) => [r.path, JSON.parse(r.body)]));
		expect(byPath['/e6']).toMatchObject({ ProspectID: id, ProspectStage: 'Customer', OwnerId: newOwner });
		expect(byPath['/e26']).toEqual({
			Before: expect.objectContaining({ ProspectID: id, ProspectStage: 'Opportunity' }),
			After: expect.objectContaining({ ProspectID: id, ProspectStage: 'Customer', OwnerId: newOwner }),
		});
		expect(byPath['/e4']).toMatchObject({ OwnerId: newOwner });

		await api().post(`${LM}/Lead.Update?leadId=${id}&postUpdatedLead=true`, pairs({ FirstName: 'Only the name' }));
		await waitFor(() => receiver.received.length === 4);
		await sleep(60);
		// A change of another field is a lead update, not a ProspectStage field update.
		expect(receiver.received.map((r) => r.path).sort()).toEqual(['/e26', '/e4', '/e6', '/e6']);
	});

	it('a Lead Field Update webhook on a custom field is posted the lead before and after when that field changes, and only then', async () => {
		const onField = (field: string) => ({ ChangedLeadField: field, WebhookProperties: JSON.stringify({ ChangedLeadField: field }) });
		await register(api(), `${receiver.url}/city`, 26, onField('mx_City'));
		await register(api(), `${receiver.url}/budget`, 26, onField('mx_Budget'));
		const id = await createLead(api(), { EmailAddress: 'city@example.com', mx_City: 'Pune' });

		await api().post(`${LM}/Lead.Update?leadId=${id}&postUpdatedLead=true`, pairs({ mx_City: 'Mumbai' }));
		await waitFor(() => receiver.received.length === 1);
		await api().post(`${LM}/Lead.Update?leadId=${id}&postUpdatedLead=true`, pairs({ FirstName: 'Not watched', Source: 'Referral' }));
		await sleep(60);
		await sandbox().crm.dispatcher.idle();

		expect(receiver.received.map((r) => r.path)).toEqual(['/city']);
		expect(JSON.parse(receiver.received[0].body)).toEqual({
			Before: expect.objectContaining({ ProspectID: id, mx_City: 'Pune' }),
			After: expect.objectContaining({ ProspectID: id, mx_City: 'Mumbai' }),
		});
	});

	it('activities of the registered type are posted in batches, as arrays in the probe\'s shape; other types are not', async () => {
		const activity = (type: string) => ({ ActivityEvent: type, WebhookProperties: JSON.stringify({ ActivityEvent: type, ActivityData: '[]', WebPageNames: '[]' }) });
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { batchWindowMs: 300 });
		await register(api(), `${receiver.url}/calls`, 2, activity('201'));
		const leadId = await createLead(api(), { EmailAddress: 'batch@example.com' });
		const owner = sandbox().accounts[0].users[0].ID;
		for (const note of ['first call', 'second call']) {
			await api().post('/v2/ProspectActivity.svc/Create', { RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: note, Fields: [{ SchemaName: 'mx_Custom_1', Value: '42' }] });
		}
		await api().post('/v2/ProspectActivity.svc/Create', { RelatedProspectId: leadId, ActivityEvent: 202, ActivityNote: 'not watched' });

		await waitFor(() => receiver.received.length === 1, 2_000, 'the batch');
		await sandbox().crm.dispatcher.idle();
		expect(receiver.received).toHaveLength(1);
		const batch = JSON.parse(receiver.received[0].body);
		expect(batch).toEqual([
			{ ProspectActivityId: expect.any(String), RelatedProspectId: leadId, ActivityEvent: '201', ActivityEventName: 'Phone Call', CreatedBy: owner, CreatedOn: expect.any(String), Data: { Note: 'first call', mx_Custom_1: '42' } },
			expect.objectContaining({ ActivityEvent: '201', Data: { Note: 'second call', mx_Custom_1: '42' } }),
		]);
	});

	it('tasks and opportunities fire their events; opportunity deliveries are in the activity shape (probe), for the registered types', async () => {
		const opportunityBody = { OpportunityEvents: ['12000'], WebhookProperties: '{"OpportunityEvents":["12000"],"IsAsyncEnable":false}' };
		for (const event of [7, 16]) await register(api(), `${receiver.url}/e${event}`, event);
		for (const event of [31, 34]) await register(api(), `${receiver.url}/e${event}`, event, opportunityBody);
		await register(api(), `${receiver.url}/renewals`, 31, { ...opportunityBody, OpportunityEvents: ['12001'] });
		const leadId = await createLead(api(), { EmailAddress: 'events@example.com' });
		const task = await api().post('/v2/Task.svc/Create', { Name: 't', TaskType: { Name: 'Meeting' }, OwnerId: sandbox().accounts[0].users[0].ID });
		await api().post('/v2/Task.svc/Update', { UserTaskId: task.body.Message.Id, StatusCode: 1 });
		const opportunity = await api().post('/v2/OpportunityManagement.svc/Capture', {
			LeadDetails: pairs({ EmailAddress: 'events@example.com' }),
			Opportunity: { OpportunityEventCode: 12000, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Deal' }] },
		});
		await api().post('/v2/OpportunityManagement.svc/Update', {
			ProspectOpportunityId: opportunity.body.CreatedOpportunityId,
			Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Proposal' }],
		});
		await waitFor(() => ['/e7', '/e16', '/e31', '/e34'].every((path) => receiver.received.some((r) => r.path === path)), 2_000, 'every event');
		await sandbox().crm.dispatcher.idle();
		const first = (path: string) => JSON.parse(receiver.received.find((r) => r.path === path)!.body);
		expect(first('/e16')).toMatchObject({ UserTaskId: task.body.Message.Id, StatusCode: '1' });
		expect(first('/e34')).toEqual([
			{ ProspectActivityId: opportunity.body.CreatedOpportunityId, RelatedProspectId: leadId, ActivityEvent: '12000', CreatedBy: expect.any(String), CreatedOn: expect.any(String), Data: {} },
		]);
		expect(receiver.received.some((r) => r.path === '/renewals')).toBe(false);
	});

	it('a verification is a POST with no payload, with the webhook\'s headers, and is not retried', async () => {
		const webhookId = await register(api(), receiver.url, 3, { CustomHeaders: [{ Key: 'x-hook-secret', Value: 's3cret' }] });
		receiver.script = [401];
		await control(sandbox(), 'POST', '/__sandbox/webhooks/verify', { webhookId });
		await waitFor(() => receiver.received.length === 1);
		await sandbox().crm.dispatcher.idle();
		expect(receiver.received).toEqual([expect.objectContaining({ body: '', headers: expect.objectContaining({ 'x-hook-secret': 's3cret', 'content-length': '0' }) })]);
		expect(sandbox().crm.dispatcher.attempts).toEqual([expect.objectContaining({ verification: true, status: 401, ok: false })]);
	});

	it('a landing-page submission fires webhooks for all pages or for the listed ones only', async () => {
		await register(api(), `${receiver.url}/Loose`, 1);
		await register(api(), `${receiver.url}/pricing-only`, 1, { IsSpecificLandingPage: true, LandingPageUrls: ['https://lp.example.com/pricing'] });
		const submit = async (pageUrl: string, email: string) =>
			(await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl, fields: { EmailAddress: email, FirstName: 'Visitor' } })).body;
		const first = await submit('https://lp.example.com/home', 'lp1@example.com');
		expect(first).toMatchObject({ created: true, leadId: expect.any(String) });
		await submit('https://lp.example.com/pricing/', 'lp2@example.com');
		await waitFor(() => receiver.received.length === 3);
		await sleep(30);
		expect(receiver.received.map((r) => r.path).sort()).toEqual(['/Loose', '/Loose', '/pricing-only']);
		expect(JSON.parse(receiver.received.find((r) => r.path === '/pricing-only')!.body)).toMatchObject({
			EmailAddress: 'lp2@example.com',
			LandingPageUrl: 'https://lp.example.com/pricing/',
		});
		const invalid = await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl: 'https://lp.example.com', fields: { EmailAddress: 'nope' } });
		expect(invalid.status).toBe(400);
	});

	it('an async capture becomes a CRM lead, readable by id, and fires "lead created"', async () => {
		await register(api(), `${receiver.url}/created`, 3);
		const asyncApi = apiClient(sandbox(), sandbox().accounts[0], { 'x-api-key': sandbox().accounts[0].asyncApiKey });
		const accepted = await asyncApi.post('/lead/capture', pairs({ EmailAddress: 'queued@example.com', FirstName: 'Queued', SearchBy: 'EmailAddress' }));
		expect(accepted.status).toBe(200);
		await waitFor(() => receiver.received.length === 1, 3_000, 'the lead created webhook of the async capture');
		const status = (await asyncApi.get(`/lead/status?RequestID=${accepted.body.RequestID}`)).body;
		const leadId = JSON.parse(status.TaskStatus.Message).Message.Id;
		expect(JSON.parse(receiver.received[0].body)).toMatchObject({ ProspectID: leadId, EmailAddress: 'queued@example.com' });
		const [lead] = (await api().get(`${LM}/Leads.GetById?id=${leadId}`)).body;
		expect(lead).toMatchObject({ FirstName: 'Queued', ProspectAutoId: expect.any(String) });
		const duplicate = await api().post(`${LM}/Lead.Create`, pairs({ EmailAddress: 'queued@example.com' }));
		expect(duplicate.body.ExceptionType).toBe('MXDuplicateEntryException');
	});
});
