import { apiClient, control, pairs, useCrmSandbox } from './crmTestKit';
import { BULK_LEAD_MAX } from './crm/leadBulk';

const BULK = '/v2/LeadManagement.svc/Lead/Bulk/Create';
const USERS = '/v2/UserManagement.svc/Users.Get';

describe('sandbox CRM: limits and control endpoints', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());

	beforeEach(async () => {
		sandbox().clearRecord();
		await control(sandbox(), 'POST', '/__sandbox/config', { rateLimit: { calls: 10_000, windowMs: 5_000 }, bulkRateLimit: null, dailyQuota: null });
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
	});

	it('the rate limit answers 429 naming the account limit, counting only calls let through', async () => {
		await control(sandbox(), 'POST', '/__sandbox/config', { rateLimit: { calls: 3, windowMs: 1_000 } });
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await api().get(USERS)).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const refused = await api().get(USERS);
		expect(refused.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXAPIRateLimitExceededException',
			ExceptionMessage: 'API calls exceeded the limit of 3 in 1 second(s)',
		});
	});

	it('bulk APIs have their own lower limit; ordinary calls are not held by it', async () => {
		await control(sandbox(), 'POST', '/__sandbox/config', { bulkRateLimit: { calls: 1, windowMs: 5_000 } });
		const batch = [pairs({ EmailAddress: 'b1@example.com' }), pairs({ EmailAddress: 'b2@example.com' })];
		const first = await api().post(BULK, batch);
		expect(first.body).toEqual([
			{ RowNumber: 1, LeadId: expect.any(String), LeadCreated: true, LeadUpdated: false, AffectedRows: 1 },
			{ RowNumber: 2, LeadId: expect.any(String), LeadCreated: true, LeadUpdated: false, AffectedRows: 1 },
		]);
		const second = await api().post(BULK, [pairs({ EmailAddress: 'b3@example.com' })]);
		expect(second.status).toBe(429);
		expect(second.body.ExceptionMessage).toBe('API calls exceeded the limit of 1 in 5 second(s)');
		expect((await api().get(USERS)).status).toBe(200);
	});

	it(`bulk create takes at most ${BULK_LEAD_MAX.create} leads and reports each row`, async () => {
		const tooMany = Array.from({ length: BULK_LEAD_MAX.create + 1 }, (_, i) => pairs({ EmailAddress: `many${i}@example.com` }));
		expect((await api().post(BULK, tooMany)).status).toBe(400);
		const mixed = await api().post(BULK, [pairs({ EmailAddress: 'ok@example.com' }), pairs({ EmailAddress: 'ok@example.com' })]);
		expect(mixed.body[1]).toMatchObject({ RowNumber: 2, LeadId: null, LeadCreated: false, ExceptionType: 'MXDuplicateEntryException' });
	});

	it(`bulk create or update takes at most ${BULK_LEAD_MAX.createOrUpdate} leads; each row says created or updated, or why it failed`, async () => {
		const UPSERT = '/v2/LeadManagement.svc/Lead/Bulk/CreateOrUpdate';
		const tooMany = Array.from({ length: BULK_LEAD_MAX.createOrUpdate + 1 }, (_, i) => pairs({ EmailAddress: `up${i}@example.com` }));
		const refused = await api().post(UPSERT, tooMany);
		expect(refused.status).toBe(400);
		expect(refused.body.ExceptionType).toBe('MXInvalidInputException');
		const first = await api().post(UPSERT, [pairs({ EmailAddress: 'up@example.com', FirstName: 'Up' })]);
		const answer = await api().post(UPSERT, [
			pairs({ EmailAddress: 'up@example.com', FirstName: 'Again' }),
			pairs({ EmailAddress: 'new@example.com' }),
			pairs({ EmailAddress: 'not-an-address' }),
		]);
		expect(answer.body).toEqual([
			{ RowNumber: 1, LeadId: first.body[0].LeadId, LeadCreated: false, LeadUpdated: true, AffectedRows: 1 },
			{ RowNumber: 2, LeadId: expect.any(String), LeadCreated: true, LeadUpdated: false, AffectedRows: 1 },
			expect.objectContaining({ RowNumber: 3, LeadId: null, LeadCreated: false, ExceptionType: expect.stringMatching(/^MX/) }),
		]);
		const leads = (await control(sandbox(), 'GET', '/__sandbox/crm/leads')).body;
		expect(leads.find((lead: { EmailAddress: string }) => lead.EmailAddress === 'up@example.com').FirstName).toBe('Again');
	});

	it('the daily quota refuses calls once spent', async () => {
		const config = await control(sandbox(), 'POST', '/__sandbox/config', { dailyQuota: 2 });
		expect(config.body.dailyQuota).toBe(2);
		expect((await api().get(USERS)).status).toBe(200);
		expect((await api().get(USERS)).status).toBe(200);
		const refused = await api().get(USERS);
		expect(refused.status).toBe(429);
		expect(refused.body.ExceptionType).toBe('MXAPIDailyLimitExceededException');
	});

	it('control endpoints seed, list and clear CRM entities', async () => {
		const seeded = await control(sandbox(), 'POST', '/__sandbox/crm/seed', { leads: [{ FirstName: 'Seed', EmailAddress: 'seed@example.com' }] });
		expect(seeded.body.leadIds).toHaveLength(1);
		const leads = (await control(sandbox(), 'GET', '/__sandbox/crm/leads')).body;
		expect(leads).toEqual([expect.objectContaining({ ProspectID: seeded.body.leadIds[0], FirstName: 'Seed' })]);
		expect((await api().get(`/v2/LeadManagement.svc/Leads.GetById?id=${seeded.body.leadIds[0]}`)).body).toHaveLength(1);
		expect((await control(sandbox(), 'GET', '/__sandbox/crm/activityTypes')).body.length).toBeGreaterThan(2);
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', { entities: ['leads'] });
		expect((await control(sandbox(), 'GET', '/__sandbox/crm/leads')).body).toEqual([]);
		expect((await control(sandbox(), 'GET', '/__sandbox/crm/shoes')).status).toBe(400);
		expect((await control(sandbox(), 'POST', '/__sandbox/crm/clear', { entities: ['shoes'] })).status).toBe(400);
	});

	it('delivery behaviour is set through its control endpoint and /__sandbox/config', async () => {
		const set = await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { retryDelaysMs: [1, 2, 3], disableAfterFailures: 7 });
		expect(set.body).toMatchObject({ retryDelaysMs: [1, 2, 3], disableAfterFailures: 7 });
		const config = await control(sandbox(), 'POST', '/__sandbox/config', { delivery: { disableAfterFailures: 9 } });
		expect(config.body.delivery).toMatchObject({ retryDelaysMs: [1, 2, 3], disableAfterFailures: 9 });
		expect(sandbox().crm.dispatcher.options.disableAfterFailures).toBe(9);
	});

	describe('faults and paths', () => {
		const raw = async (method: string, path: string) => {
			const account = sandbox().accounts[0];
			const response = await fetch(sandbox().url + path, {
				method,
				headers: { 'x-LSQ-AccessKey': account.accessKey, 'x-LSQ-SecretKey': account.secretKey, 'x-api-key': account.asyncApiKey },
			});
			return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
		};
		afterEach(() => {
			sandbox().setFaults([]);
			sandbox().relocatedPaths = {};
		});

		it.each([500, 502, 503, 504])('an injected %i looks like a failing server or gateway: no MX exception in it', async (status) => {
			sandbox().setFaults([{ kind: `status${status}` as 'status500', path: USERS }]);
			const page = await raw('GET', USERS);
			expect(page.status).toBe(status);
			expect(page.type).toContain('text/html');
			expect(page.text).toMatch(new RegExp(`<title>${status}[^<]*</title>`));
			expect(page.text).not.toMatch(/MX\w*Exception/);
			sandbox().setFaults([{ kind: `status${status}` as 'status500', path: '/lead/metrics' }]);
			const gateway = await raw('GET', '/lead/metrics');
			expect(gateway.status).toBe(status);
			expect(Object.keys(JSON.parse(gateway.text))).toEqual(['message']);
		});

		it('an injected status500Mx is LeadSquared refusing the request: a 500 naming an MX exception', async () => {
			sandbox().setFaults([{ kind: 'status500Mx', path: USERS }]);
			const answer = await api().get(USERS);
			expect(answer.status).toBe(500);
			expect(answer.body).toMatchObject({ Status: 'Error', ExceptionType: expect.stringMatching(/^MX/) });
		});

		it('a path it serves with another method answers 405, as IIS does; an unknown path 404', async () => {
			expect((await raw('POST', USERS)).status).toBe(405);
			expect((await raw('GET', '/v2/LeadManagement.svc/NoSuchThing')).status).toBe(404);
		});

		it('a relocated path is served at its new place and not at the old one', async () => {
			await control(sandbox(), 'POST', '/__sandbox/config', { relocatedPaths: { [USERS]: '/v2/UserManagement.svc/Users.List' } });
			expect((await raw('GET', USERS)).status).toBe(404);
			expect((await api().get('/v2/UserManagement.svc/Users.List')).body.length).toBeGreaterThan(0);
		});
	});
});
