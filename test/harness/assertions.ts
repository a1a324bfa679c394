import { DEMO_ACCOUNT } from '../sandbox/fixtures';
import type { LeadSquaredSandbox } from '../sandbox/server';

export const DEMO_SECRETS = [DEMO_ACCOUNT.accessKey, DEMO_ACCOUNT.secretKey, DEMO_ACCOUNT.asyncApiKey];

/** Fails if any of the keys (raw or URL-encoded) appears anywhere in `value`. */
export function expectNoSecretIn(value: unknown, secrets: string[] = DEMO_SECRETS): void {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	for (const secret of secrets) {
		expect(text).not.toContain(secret);
		expect(text).not.toContain(encodeURIComponent(secret));
	}
}

/** Fails if the sandbox received any request at all to `path`. */
export function expectNothingSentTo(sandbox: LeadSquaredSandbox, path: string, method = 'POST'): void {
	expect(sandbox.requestsTo(path, method)).toEqual([]);
}
