import type { Loose } from './crmTestKit';
import type { ApiClient } from './crmTestKit';
import { WebhookReceiver, apiClient, control, createLead, pairs, sleep, useCrmSandbox, waitFor } from './crmTestKit';
import { WEBHOOK_DELETE_PATH } from './crm/unconfirmed';

const WH = '/v2/Webhook.svc';
const LM = '/v2/LeadManagement.svc';

async function register(api: ApiClient, url: string, event: number, extra: Record<string, unknown> = {}): Promise<string> {
	const answer = await api.post(`${WH}/Create`, { Description: `event ${event}`, URL: url, Method: 'POST', ContentType: 'application/json', WebhookEvent: String(event), ...extra });
	if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
	return answer.body.Message.Id as string;
}

describe('sandbox CRM: webhooks', () => {
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
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { retryDelaysMs: [20, 20, 20], disableAfterFailures: 2 });
		receiver.reset();
	});

	describe('registration', () => {
		it.each([
			['no URL', { WebhookEvent: '3' }, 'MXMandatoryAttributeMissingException'],
			['a URL that is not HTTP(S)', { URL: 'ftp://example.com/in', WebhookEvent: '3' }, 'MXInvalidInputException'],
			['a relative URL', { URL: '/hooks/in', WebhookEvent: '3' }, 'MXInvalidInputException'],
			['an unknown event code', { URL: 'https://example.com/in', WebhookEvent: '12' }, 'MXInvalidInputException'],
			['a method other than POST', { URL: 'https://example.com/in', WebhookEvent: '3', Method: 'GET' }, 'MXInvalidInputException'],
			['an unsupported content type', { URL: 'https://example.com/in', WebhookEvent: '3', ContentType: 'application/xml' }, 'MXInvalidInputException'],
			['a malformed custom header', { URL: 'https://example.com/in', WebhookEvent: '3', CustomHeaders: [{ Key: 'bad key', Value: 'v' }] }, 'MXInvalidInputException'],
			['specific landing pages without URLs', { URL: 'https://example.com/in', WebhookEvent: '1', IsSpecificLandingPage: true }, 'MXInvalidInputException'],
			['an unknown attribute', { URL: 'https://example.com/in', WebhookEvent: '3', Secret: 's' }, 'MXInvalidInputException'],
		])('refuses %s (400)', async (_, body, type) => {
			const answer = await api().post(`${WH}/Create`, body);
			expect(answer.status).toBe(400);
			expect(answer.body.ExceptionType).toBe(type);
		});

		it('retrieves by event name, status and text, paged; updates and deletes', async () => {
			const ids = [];
			for (let i = 0; i < 3; i++) ids.push(await register(api(), 'https://example.com/in', 3, { Description: `Lead feed ${i}` }));
			await register(api(), 'https://example.com/tasks', 7);
			const retrieve = async (parameter: object, paging = { PageIndex: 1, PageSize: 25 }) =>
				(await api().post(`${WH}/Retrieve`, { Parameter: { Type: 'Webhook', ...parameter }, Sorting: { ColumnName: 'Description', Direction: '0' }, Paging: paging })).body;
			const leadCreate = await retrieve({ WebhookEvent: 'Lead_Post_Create', StatusCode: 0 });
			expect(leadCreate.RecordCount).toBe(3);
			expect(leadCreate.Response[0]).toMatchObject({ EventCode: 'Lead_Post_Create', EventName: 'Lead Creation', StatusCode: 0, URL: 'https://example.com/in' });
			expect((await retrieve({ WebhookEvent: 'Lead_Post_Create' }, { PageIndex: 2, PageSize: 2 })).Response.map((w: Loose) => w.Description)).toEqual(['Lead feed 2']);
			expect((await retrieve({ SearchText: 'feed 1' })).Response.map((w: Loose) => w.WebhookId)).toEqual([ids[1]]);

			const disabled = await api().post(`${WH}/Update`, { WebhookId: ids[0], StatusCode: 1, URL: 'https://example.com/moved' });
			expect(disabled.body.Status).toBe('Success');
			expect((await retrieve({ StatusCode: 1 })).Response).toEqual([expect.objectContaining({ WebhookId: ids[0], URL: 'https://example.com/moved' })]);
			expect((await api().post(`${WH}/Update`, { WebhookId: '00000000-0000-0000-0000-000000000000', URL: 'https://x.example' })).body.ExceptionType).toBe(
				'MXInvalidEntityReferenceException',
			);

			expect((await api().post(WEBHOOK_DELETE_PATH, { WebhookId: ids[2] })).body.Status).toBe('Success');
			expect((await retrieve({ WebhookId: ids[2] })).RecordCount).toBe(0);
		});
	});

	describe('delivery', () => {
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

		it('retries a failed delivery (non-2xx) and stops at the first success', async () => {
			const webhookId = await register(api(), receiver.url, 3);
			receiver.script = [500, 503];
			await createLead(api(), { EmailAddress: 'retry@example.com' });
			await waitFor(() => receiver.received.length === 3, 2_000);
			await sandbox().crm.dispatcher.idle();
			const attempts = sandbox().crm.dispatcher.attempts.map(({ attempt, status, ok }) => ({ attempt, status, ok }));
			expect(attempts).toEqual([
				{ attempt: 1, status: 500, ok: false },
				{ attempt: 2, status: 503, ok: false },
				{ attempt: 3, status: 200, ok: true },
			]);
			expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
			const [webhook] = (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: webhookId } })).body.Response;
			expect(webhook.StatusCode).toBe(0);
		});

		it('after the configured number of failed deliveries the webhook is disabled (StatusCode 2) and gets nothing more', async () => {
			const webhookId = await register(api(), 'http://127.0.0.1:1/refused', 3);
			await createLead(api(), { EmailAddress: 'fail1@example.com' });
			await sandbox().crm.dispatcher.idle();
			expect(sandbox().crm.dispatcher.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
			expect(sandbox().crm.dispatcher.attempts.every((a) => a.error && !a.ok)).toBe(true);
			const status = async () => (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: webhookId } })).body.Response[0].StatusCode;
			expect(await status()).toBe(0);
			await createLead(api(), { EmailAddress: 'fail2@example.com' });
			await sandbox().crm.dispatcher.idle();
			expect(await status()).toBe(2);
			expect((await api().post(`${WH}/Retrieve`, { Parameter: { StatusCode: 2 } })).body.Response.map((w: Loose) => w.WebhookId)).toEqual([webhookId]);
			await createLead(api(), { EmailAddress: 'fail3@example.com' });
			await sleep(50);
			expect(sandbox().crm.dispatcher.attempts).toHaveLength(8);
		});

		it('Lead.Update fires "lead updated", stage and owner changes only with postUpdatedLead=true', async () => {
			for (const event of [4, 5, 6]) await register(api(), `${receiver.url}/e${event}`, event);
			const id = await createLead(api(), { EmailAddress: 'stage@example.com' });
			await api().post(`${LM}/Lead.Update?leadId=${id}`, pairs({ ProspectStage: 'Opportunity' }));
			await sleep(60);
			expect(receiver.received).toHaveLength(0);
			const newOwner = sandbox().accounts[0].users[1].ID;
			await api().post(`${LM}/Lead.Update?leadId=${id}&postUpdatedLead=true`, pairs({ ProspectStage: 'Customer', OwnerId: newOwner }));
			await waitFor(() => receiver.received.length === 3);
			const byPath = Object.fromEntries(receiver.received.map((r) => [r.path, JSON.parse(r.body)]));
			expect(byPath['/e6']).toMatchObject({ ProspectID: id, ProspectStage: 'Customer', OwnerId: newOwner });
			expect(byPath['/e5']).toMatchObject({ ProspectStage: 'Customer', PreviousProspectStage: 'Opportunity' });
			expect(byPath['/e4']).toMatchObject({ OwnerId: newOwner });
		});

		it('activities, tasks and opportunities fire their events', async () => {
			for (const event of [2, 7, 16, 31, 34]) await register(api(), `${receiver.url}/e${event}`, event);
			const leadId = await createLead(api(), { EmailAddress: 'events@example.com' });
			await api().post('/v2/ProspectActivity.svc/Create', { RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: 'call' });
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
			await waitFor(() => ['/e2', '/e7', '/e16', '/e31', '/e34'].every((path) => receiver.received.some((r) => r.path === path)), 2_000, 'every event');
			const first = (path: string) => JSON.parse(receiver.received.find((r) => r.path === path)!.body);
			expect(first('/e2')).toMatchObject({ RelatedProspectId: leadId, ActivityEvent: '201', ActivityNote: 'call' });
			expect(first('/e16')).toMatchObject({ UserTaskId: task.body.Message.Id, StatusCode: '1' });
			expect(first('/e34')).toMatchObject({ OpportunityId: opportunity.body.CreatedOpportunityId, mx_Custom_2: 'Proposal' });
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
});
