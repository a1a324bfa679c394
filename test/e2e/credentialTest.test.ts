import { expectNoSecretIn } from '../harness/assertions';
import { DEMO_ACCOUNT } from '../sandbox/fixtures';
import { describeEachLine } from './support/perLine';

const USERS_PATH = '/v2/UserManagement.svc/Users.Get';

describeEachLine('Credential "Test" button', { label: 'credential' }, (stack) => {
	it('passes with the sandbox keys', async () => {
		const { rest, sandbox, credential } = stack();
		sandbox.clearRecord();

		await expect(rest.testCredential(credential.id)).resolves.toMatchObject({ status: 'OK' });

		const calls = sandbox.requestsTo(USERS_PATH, 'GET');
		expect(calls.map((call) => call.status)).toEqual([200]);
		expect(calls[0].headers['x-lsq-accesskey']).toBe(DEMO_ACCOUNT.accessKey);
		expectNoSecretIn(calls[0].url);
	});

	it('fails with a wrong secret key, saying LeadSquared rejected the keys', async () => {
		const { rest, sandbox } = stack();
		const data = { ...sandbox.credentialsFor(), secretKey: 'not-the-secret-key' };

		const result = await rest.testCredential({ type: 'leadSquaredApi', data });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^LeadSquared rejected the keys \(401\) at 127\.0\.0\.1:\d+: Invalid AccessKey or SecretKey\. Check the Access Key and Secret Key, and that Region matches/,
		);
		expect(result.message).not.toContain('not-the-secret-key');
	});

	it('fails with an API URL where no LeadSquared answers, saying so', async () => {
		const { rest, sandbox } = stack();
		const data = { ...sandbox.credentialsFor(), apiUrl: `${sandbox.url}/not-leadsquared` };

		const result = await rest.testCredential({ type: 'leadSquaredApi', data });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^No LeadSquared API answered at 127\.0\.0\.1:\d+ \(404\)/);
	});
});
