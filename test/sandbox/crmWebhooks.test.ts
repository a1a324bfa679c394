import type { Loose } from './crmTestKit';
import { apiClient, control, registerWebhook as register, useCrmSandbox } from './crmTestKit';
import { METHOD_NOT_ALLOWED, WEBHOOK_DELETE_PATH } from './crm/unconfirmed';

const WH = '/v2/Webhook.svc';

const raw = async (sandbox: { url: string; accounts: Array<{ accessKey: string; secretKey: string }> }, method: string, path: string, body?: unknown) => {
	const { accessKey, secretKey } = sandbox.accounts[0];
	const response = await fetch(sandbox.url + path, {
		method,
		headers: { 'x-LSQ-AccessKey': accessKey, 'x-LSQ-SecretKey': secretKey, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, type: response.headers.get('content-type'), allow: response.headers.get('allow'), text: await response.text() };
};

describe('sandbox CRM: webhook registration, as LeadSquared\'s pages and a live probe show it', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	const activity = (type: string) => ({ ActivityEvent: type, WebhookProperties: JSON.stringify({ ActivityEvent: type, ActivityData: '[]', WebPageNames: '[]' }) });

	beforeEach(async () => {
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		await control(sandbox(), 'POST', '/__sandbox/config', { webhookDeleteForm: 'get', webhookEventNumbers: 'page' });
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
			['WebhookProperties as an object, not a string of JSON (probe)', { URL: 'https://example.com/in', WebhookEvent: '2', ActivityEvent: '201', WebhookProperties: { ActivityEvent: '201' } }, 'MXInvalidInputException'],
		])('refuses %s (400)', async (_, body, type) => {
			const answer = await api().post(`${WH}/Create`, body);
			expect(answer.status).toBe(400);
			expect(answer.body.ExceptionType).toBe(type);
		});

		const hook = { URL: 'https://example.com/in' };
		it.each([
			['an activity webhook without a top-level ActivityEvent', { ...hook, WebhookEvent: '2', WebhookProperties: activity('201').WebhookProperties }, 'You have not passed ActivityEvent.'],
			['an activity type not in the account\'s catalogue', { ...hook, WebhookEvent: '2', ...activity('3001') }, 'ActivityEvent is not a valid activity type'],
			['Lead Stage Change with WebhookProperties null', { ...hook, WebhookEvent: '5', WebhookProperties: null }, 'Webhook Properties is not found'],
			['Lead Stage Change with "{}" (every JSON the probe sent)', { ...hook, WebhookEvent: '5', WebhookProperties: '{}' }, 'Webhook Properties is not a valid JSON'],
			['WebhookProperties that is not JSON', { ...hook, WebhookEvent: '3', WebhookProperties: '{ActivityEvent:' }, 'Webhook Properties is not a valid JSON'],
			['a Lead Field Update without a top-level ChangedLeadField', { ...hook, WebhookEvent: '26', WebhookProperties: '{"ChangedLeadField":"ProspectStage"}' }, 'You have not passed ChangedLeadField.'],
		])('refuses %s with 500 and an MX exception', async (_, body, message) => {
			const answer = await api().post(`${WH}/Create`, body);
			expect(answer.status).toBe(500);
			expect(answer.body).toEqual({ Status: 'Error', ExceptionType: 'MXInvalidDataTypeException', ExceptionMessage: message });
			expect((await control(sandbox(), 'GET', '/__sandbox/webhooks')).body).toEqual([]);
		});

		it('takes the bodies the probe found to work, answers {Status, Message: {Id}} and shows WebhookProperties as sent', async () => {
			const created = await api().post(`${WH}/Create`, { ...hook, WebhookEvent: '2', ...activity('201') });
			expect(created).toEqual({ status: 200, body: { Status: 'Success', Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) } } });
			const field = await api().post(`${WH}/Create`, { ...hook, WebhookEvent: '26', ChangedLeadField: 'ProspectStage', WebhookProperties: '{"ChangedLeadField":"ProspectStage"}' });
			const opportunity = await api().post(`${WH}/Create`, { ...hook, WebhookEvent: '31', OpportunityEvents: ['12000'], WebhookProperties: '{"OpportunityEvents":["12000"],"IsAsyncEnable":false}' });
			const lead = await api().post(`${WH}/Create`, { ...hook, WebhookEvent: '3', WebhookProperties: null });
			expect([field.status, opportunity.status, lead.status]).toEqual([200, 200, 200]);

			const [row] = (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: created.body.Message.Id } })).body.Response;
			expect(row).toMatchObject({ EventCode: 'LeadActivity_Post_Create', WebhookProperties: activity('201').WebhookProperties });
			const second = await api().post(`${WH}/Create`, { ...hook, URL: 'https://example.com/other', WebhookEvent: '26', ChangedLeadField: 'prospectstage', WebhookProperties: '{"ChangedLeadField":"ProspectStage"}' });
			expect(second).toMatchObject({ status: 500, body: { ExceptionType: 'MXDuplicateEntryException' } });
		});

		it('takes a Lead Field Update on a custom field, as the probe registered mx_ fields; one per field; not a field the account lacks', async () => {
			const onField = (field: string) => ({ ...hook, WebhookEvent: '26', ChangedLeadField: field, WebhookProperties: JSON.stringify({ ChangedLeadField: field }) });
			const custom = await api().post(`${WH}/Create`, onField('mx_City'));
			expect(custom.status).toBe(200);
			const [row] = (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: custom.body.Message.Id } })).body.Response;
			expect(row).toMatchObject({ EventCode: 'Lead_Field_Change', WebhookProperties: '{"ChangedLeadField":"mx_City"}' });
			expect(await api().post(`${WH}/Create`, onField('mx_City'))).toMatchObject({ status: 500, body: { ExceptionType: 'MXDuplicateEntryException' } });
			expect(await api().post(`${WH}/Create`, onField('mx_Unknown'))).toMatchObject({ status: 500, body: { ExceptionMessage: 'ChangedLeadField is not a lead field' } });
			expect((await api().post(`${WH}/Create`, onField('mx_Budget'))).status).toBe(200);
		});

		it('with webhookEventNumbers "probe", files the opportunity numbers as the probe\'s account did', async () => {
			expect((await control(sandbox(), 'POST', '/__sandbox/config', { webhookEventNumbers: 'probe' })).body.webhookEventNumbers).toBe('probe');
			const opportunity = { OpportunityEvents: ['12000'], WebhookProperties: '{"OpportunityEvents":["12000"],"IsAsyncEnable":false}' };
			const eventCodeOf = async (id: string) => (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: id } })).body.Response[0].EventCode;
			expect(await eventCodeOf(await register(api(), 'https://example.com/in', 31, opportunity))).toBe('Opportunity_Post_Delete');
			expect(await eventCodeOf(await register(api(), 'https://example.com/in', 29, opportunity))).toBe('Opportunity_Post_Create');
			expect(await eventCodeOf(await register(api(), 'https://example.com/in', 30, opportunity))).toBe('Opportunity_Post_Update');
			expect((await api().post(`${WH}/Create`, { URL: 'https://example.com/in', WebhookEvent: '35', ...opportunity })).body.ExceptionMessage).toBe('Webhook Event not found');
			expect((await api().post(`${WH}/Create`, { URL: 'https://example.com/in', WebhookEvent: '34', ...opportunity })).status).toBe(500);
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

			expect((await api().get(`${WEBHOOK_DELETE_PATH}?webhookId=${ids[2]}`)).body.Status).toBe('Success');
			expect((await retrieve({ WebhookId: ids[2] })).RecordCount).toBe(0);
		});
	});

	describe('delete', () => {
		const gone = async (id: string) => (await api().post(`${WH}/Retrieve`, { Parameter: { WebhookId: id } })).body.RecordCount === 0;

		it('is GET with ?webhookId= (the probe); a POST is answered 405 as IIS / WCF answer it, and deletes nothing', async () => {
			const id = await register(api(), 'https://example.com/in', 3);

			const posted = await raw(sandbox(), 'POST', WEBHOOK_DELETE_PATH, { WebhookId: id });
			expect(posted).toMatchObject({ status: 405, allow: 'GET', text: METHOD_NOT_ALLOWED.body });
			expect(posted.type).toMatch(/^text\/html/);
			expect(await gone(id)).toBe(false);

			expect(await api().get(`${WEBHOOK_DELETE_PATH}?WEBHOOKID=${id}`)).toEqual({ status: 200, body: { Status: 'Success', Message: { AffectedRows: 1 } } });
			expect(await gone(id)).toBe(true);
			expect((await api().get(`${WEBHOOK_DELETE_PATH}?webhookId=${id}`)).body.ExceptionType).toBe('MXInvalidEntityReferenceException');
			expect((await api().get(WEBHOOK_DELETE_PATH)).body.ExceptionType).toBe('MXMandatoryAttributeMissingException');
		});

		it('with webhookDeleteForm "post", the account takes only POST {WebhookId}, and answers GET 405', async () => {
			expect((await control(sandbox(), 'POST', '/__sandbox/config', { webhookDeleteForm: 'post' })).body.webhookDeleteForm).toBe('post');
			const id = await register(api(), 'https://example.com/in', 3);

			expect(await raw(sandbox(), 'GET', `${WEBHOOK_DELETE_PATH}?webhookId=${id}`)).toMatchObject({ status: 405, allow: 'POST' });
			expect(await gone(id)).toBe(false);
			expect((await api().post(WEBHOOK_DELETE_PATH, { WebhookId: id })).body.Status).toBe('Success');
			expect(await gone(id)).toBe(true);
		});
	});
});
