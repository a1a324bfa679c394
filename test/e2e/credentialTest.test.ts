import { LeadSquaredApi } from '../../credentials/LeadSquaredApi.credentials';
import { expectNoSecretIn } from '../harness/assertions';
import type { LeadSquaredSandbox } from '../sandbox/server';
import { DEMO_ACCOUNT } from '../sandbox/fixtures';
import { describeEachLine } from './support/perLine';

const USERS_PATH = '/v2/UserManagement.svc/Users.Get';

const ruleFor = (status: number) =>
	new LeadSquaredApi().test.rules?.find((rule) => rule.type === 'responseCode' && rule.properties.value === status)?.properties
		.message;

/**
 * n8n 1.x never applies a declarative test's rules: its request helper drops the response
 * from the error its tester inspects, so the tester shows n8n's words for the status.
 */
const N8N_1_WORDS: Record<number, string> = {
	401: 'Authorization failed - please check your credentials',
	404: 'The resource you are requesting could not be found',
	429: 'The service is receiving too many requests from you',
};

describeEachLine('Credential "Test" button', { label: 'credential' }, (stack, line) => {
	it('passes with the sandbox keys', async () => {
		const { rest, sandbox, credential } = stack();
		sandbox.clearRecord();

		await expect(rest.testCredential(credential.id)).resolves.toMatchObject({ status: 'OK' });

		const calls = sandbox.requestsTo(USERS_PATH, 'GET');
		expect(calls.map((call) => call.status)).toEqual([200]);
		expect(calls[0].headers['x-lsq-accesskey']).toBe(DEMO_ACCOUNT.accessKey);
		expectNoSecretIn(calls[0].url);
	});

	it.each([
		['a wrong secret key', 401, (sandbox: LeadSquaredSandbox) => ({ ...sandbox.credentialsFor(), secretKey: 'not-the-secret-key' })],
		['an API URL where no LeadSquared answers', 404, (sandbox: LeadSquaredSandbox) => ({ ...sandbox.credentialsFor(), apiUrl: `${sandbox.url}/x` })],
		['the account’s rate limit in use', 429, (sandbox: LeadSquaredSandbox) => {
			sandbox.setFaults([{ kind: 'status429', path: USERS_PATH, count: 1 }]);
			return sandbox.credentialsFor();
		}],
	])(`fails with %s (%i), ${line === '2' ? 'saying what to do' : 'in n8n 1.x’s words'}`, async (_, status, credentials) => {
		const { rest, sandbox } = stack();
		const data = credentials(sandbox);

		const result = await rest.testCredential({ type: 'leadSquaredApi', data });
		sandbox.setFaults([]);

		expect(result).toEqual({ status: 'Error', message: line === '2' ? ruleFor(status) : N8N_1_WORDS[status] });
		expect(sandbox.requests.at(-1)).toMatchObject({ path: expect.stringMatching(/Users\.Get$/), status });
		expect(JSON.stringify(result)).not.toContain('not-the-secret-key');
	});
});
