import { leadBy } from '../harness/crmFixtures';
import { listSearch, loadOptions, runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';

/**
 * How the node tells LeadSquared's refusals from failures: a 5xx naming an MX exception is
 * LeadSquared's answer (not retried), a gateway's 5xx a failure (retried for reads); and a call
 * whose path no page shows names that assumption, and where to override it, when refused.
 */

const LM = '/v2/LeadManagement.svc';
const SEARCH = `${LM}/Leads.Get`;
const BY_ID = `${LM}/Leads.GetById`;

const { sandbox, credentials, fixtures } = useCrmNodeTests();

afterEach(() => {
	sandbox().relocatedPaths = {};
});

const search = () =>
	runNode({
		parameters: { resource: 'lead', operation: 'search', lookupName: 'EmailAddress', operator: 'equals', lookupValue: fixtures().email },
		credentials: credentials(),
	});

const withPaths = (paths: Record<string, string>) => ({ ...credentials(), overridePaths: true, ...paths });

describe('5xx answers', () => {
	it('a 500 naming an MX exception is LeadSquared refusing the request: a read is not sent again, and its message is shown', async () => {
		sandbox().setFaults([{ kind: 'status500Mx', path: SEARCH }]);
		const run = await search();
		expect(run.error?.message).toBe(
			'LeadSquared refused the request (500): A value in the request is not of the expected type (injected fault) [item 0]',
		);
		expect(run.error?.description).toContain('it would get the same answer');
		expect(sandbox().requestsTo(SEARCH).map((request) => request.status)).toEqual([500]);
	});

	it.each(['status502', 'status503', 'status504'] as const)('a gateway %s is a failure: a read is sent again and succeeds', async (kind) => {
		sandbox().setFaults([{ kind, path: SEARCH, count: 1 }]);
		const run = await search();
		expect(run.status).toBe('success');
		expect(run.items.map((item) => item.json.ProspectID)).toEqual([fixtures().leadId]);
		expect(sandbox().requestsTo(SEARCH).map((request) => request.status)).toEqual([Number(kind.slice(6)), 200]);
	});

	it('a gateway error on a write (not sent again) shows the gateway page’s title, not its HTML', async () => {
		sandbox().setFaults([{ kind: 'status502', path: `${LM}/Lead.Create` }]);
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'create', fieldsMode: 'json', json: '{"FirstName": "Gateway"}' },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe('LeadSquared failed to handle the request (502): 502 Bad Gateway [item 0]');
		expect(run.error?.description).toContain('Not sent again automatically');
		expect(sandbox().requestsTo(`${LM}/Lead.Create`)).toHaveLength(1);
	});
});

describe('a path no LeadSquared page shows', () => {
	const getById = (creds = credentials()) =>
		runNode({ parameters: { resource: 'lead', operation: 'get', lead: leadBy('id', fixtures().leadId) }, credentials: creds });

	it('refused with 404, the error names the assumption and the override; the credential’s path then reaches it', async () => {
		sandbox().relocatedPaths = { [BY_ID]: `${LM}/Lead.GetById` };
		const refused = await getById();
		expect(refused.error?.message).toBe(
			`LeadSquared did not accept the lead lookup by ID at GET ${BY_ID} (404); this path is not on LeadSquared's pages; override it in the credential's Override API Paths Not on LeadSquared’s Pages → Lead by ID Path [item 0]`,
		);
		expect(sandbox().requestsTo(BY_ID, 'GET')).toHaveLength(1);

		const found = await getById(withPaths({ leadByIdPath: `${LM}/Lead.GetById` }));
		expect(found.items[0].json).toMatchObject({ ProspectID: fixtures().leadId });
		expect(sandbox().requestsTo(`${LM}/Lead.GetById`, 'GET').map((request) => request.status)).toEqual([200]);
	});

	it('the credential’s paths apply only with its switch on (n8n drops hidden fields; so does the node)', async () => {
		sandbox().relocatedPaths = { [BY_ID]: `${LM}/Lead.GetById` };
		const run = await getById({ ...credentials(), overridePaths: false, leadByIdPath: `${LM}/Lead.GetById` } as never);
		expect(run.error?.message).toMatch(/^LeadSquared did not accept the lead lookup by ID at GET /);
	});

	it('a 405 to an overridden path says the address set there is what LeadSquared refused', async () => {
		const error = await loadOptions('getActivityTypes', {
			parameters: {},
			credentials: withPaths({ activityTypesPath: '/v2/ProspectActivity.svc/Create' }),
		}).catch((failure: Error) => failure);
		expect((error as Error).message).toBe(
			"LeadSquared did not accept the list of activity types at GET /v2/ProspectActivity.svc/Create (405); this is the address set in the credential's Override API Paths Not on LeadSquared’s Pages → Activity Types Path",
		);
	});

	it('the lead list’s quick search follows the credential’s path', async () => {
		sandbox().relocatedPaths = { [`${LM}/Leads.GetByQuickSearch`]: `${LM}/Leads.QuickSearch` };
		const found = await listSearch('searchLeads', {
			parameters: {},
			credentials: withPaths({ leadQuickSearchPath: `${LM}/Leads.QuickSearch` }),
			filter: fixtures().email,
		});
		expect(found.results.map((result) => result.value)).toEqual([fixtures().leadId]);
	});

	it('a credential path that is no path is refused before anything is sent', async () => {
		const run = await getById(withPaths({ leadByIdPath: 'https://elsewhere.example.com/x?y=1' }));
		expect(run.error?.message).toBe(
			'The credential\'s Lead by ID Path must be a path on the API host, like /v2/LeadManagement.svc/Leads.GetById (got "https://elsewhere.example.com/x?y=1") [item 0]',
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('an operation’s own URL override that LeadSquared refuses is named as such', async () => {
		const run = await runNode({
			parameters: { resource: 'lead', operation: 'getCaptureMetrics', options: { endpointUrl: `${sandbox().url}/lead/capture-metrics` } },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe(
			"LeadSquared did not accept the capture metrics call at GET /lead/capture-metrics (404); this is the address set in the operation's Options → Metrics API URL (Override) [item 0]",
		);
	});
});
