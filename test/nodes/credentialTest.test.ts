import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { expectNoSecretIn } from '../harness/assertions';
import { useSandbox } from '../harness/sandboxFixture';
import { US_ACCOUNT } from '../sandbox/fixtures';
import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';

const sandbox = useSandbox();

/** What the credential's Test button runs: the node's credentialTest method in n8n-core's context. */
async function testCredential(data: ICredentialDataDecryptedObject) {
	const node = new LeadSquared();
	const testedBy = node.description.credentials?.[0].testedBy as string;
	const test = node.methods.credentialTest[testedBy as 'leadSquaredApiTest'];
	return await test.call(new CredentialTestContext(), { id: '1', name: 'LeadSquared', type: 'leadSquaredApi', data });
}

describe('the credential’s Test button', () => {
	it('passes with the right keys and calls Users.Get with them as headers', async () => {
		const result = await testCredential(sandbox().credentialsFor());
		expect(result).toEqual({ status: 'OK', message: `Connected to ${new URL(sandbox().url).host}` });
		const [request] = sandbox().requestsTo('/v2/UserManagement.svc/Users.Get', 'GET');
		expect(request.headers['x-lsq-secretkey']).toBe(sandbox().credentialsFor().secretKey);
		expectNoSecretIn(request.url);
	});

	it('fails with LeadSquared’s words and a hint on wrong keys, without the secret', async () => {
		const result = await testCredential({ ...sandbox().credentialsFor(), secretKey: 'typo-in-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('LeadSquared rejected the keys (401)');
		expect(result.message).toContain('Invalid AccessKey or SecretKey');
		expect(result.message).toContain('Region');
		expect(result.message).not.toContain('typo-in-secret');
	});

	it('names the right host when the keys belong to another region', async () => {
		const result = await testCredential(sandbox().credentialsFor(US_ACCOUNT));
		expect(result.message).toContain('api-us11.leadsquared.com');
	});

	it('says when nothing answers at the address', async () => {
		const result = await testCredential({ ...sandbox().credentialsFor(), apiUrl: 'http://127.0.0.1:1' });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Could not reach 127\.0\.0\.1:1 \(ECONNREFUSED\)/) });
	});
});
