import { LeadSquaredApi } from '../../credentials/LeadSquaredApi.credentials';
import { API_BASE_URL_EXPRESSION, baseUrlFor, REGIONS } from '../../nodes/LeadSquared/transport/hosts';
import { expectNoSecretIn } from '../harness/assertions';
import { sendTestRequest } from '../harness/credentialTester';
import { workflowWith } from '../harness/engine';
import { useSandbox } from '../harness/sandboxFixture';
import { US_ACCOUNT } from '../sandbox/fixtures';

const sandbox = useSandbox();

const USERS_PATH = '/v2/UserManagement.svc/Users.Get';

/** The message n8n's Test button shows for a refused call (n8n 2.x; test/e2e/credentialTest.test.ts checks it there). */
const ruleFor = (status: number) =>
	new LeadSquaredApi().test.rules?.find((rule) => rule.type === 'responseCode' && rule.properties.value === status)?.properties
		.message;

describe('the credential’s Test button (its declarative test request, sent as n8n sends it)', () => {
	it('passes with the right keys, calling Users.Get with them as headers', async () => {
		await expect(sendTestRequest(sandbox().credentialsFor())).resolves.toEqual({ ok: true });
		const [request] = sandbox().requestsTo(USERS_PATH, 'GET');
		expect(request.headers['x-lsq-accesskey']).toBe(sandbox().credentialsFor().accessKey);
		expect(request.headers['x-lsq-secretkey']).toBe(sandbox().credentialsFor().secretKey);
		expectNoSecretIn(request.url);
	});

	it.each([
		['a wrong secret key', 401, () => ({ ...sandbox().credentialsFor(), secretKey: 'typo-in-secret' })],
		['keys of another region', 401, () => sandbox().credentialsFor(US_ACCOUNT)],
		['an address where no LeadSquared answers', 404, () => ({ ...sandbox().credentialsFor(), apiUrl: `${sandbox().url}/not-leadsquared` })],
	])('reaches LeadSquared and is refused with %s (%i)', async (_, status, credentials) => {
		await expect(sendTestRequest(credentials())).resolves.toMatchObject({ ok: false, httpStatus: status });
	});

	it('is refused with 429 while the account’s rate limit is in use', async () => {
		sandbox().setFaults([{ kind: 'status429', path: USERS_PATH, count: 1 }]);
		const result = await sendTestRequest(sandbox().credentialsFor());
		sandbox().setFaults([]);
		expect(result).toMatchObject({ ok: false, httpStatus: 429 });
	});

	it('has a rule saying what to do for each of those statuses', () => {
		expect(ruleFor(401)).toMatch(/^LeadSquared rejected the keys \(401\)\. Check the Access Key and Secret Key, and that Region/);
		expect(ruleFor(404)).toMatch(/^No LeadSquared API answered at this address \(404\)\. Check Region, or the API URL/);
		expect(ruleFor(429)).toMatch(/in use right now \(429\), so the keys could not be checked\. Try again in a few seconds\.$/);
	});

	it('tests the API host the nodes call, for every Region', () => {
		const { workflow } = workflowWith({ id: 'n', name: 'n', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} });
		const [node] = Object.values(workflow.nodes);
		const hostOf = (credentials: Record<string, string>) =>
			workflow.expression.getSimpleParameterValue(node, API_BASE_URL_EXPRESSION, 'internal', { $credentials: credentials });
		for (const region of [...Object.keys(REGIONS), 'unknown']) {
			expect(hostOf({ region })).toBe(baseUrlFor({ region }, 'api'));
		}
		expect(hostOf({ region: 'custom', apiUrl: ' http://127.0.0.1:4010 ' })).toBe('http://127.0.0.1:4010');
	});
});
