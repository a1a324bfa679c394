import { DEMO_ACCOUNT } from '../sandbox/fixtures';
import type { LeadSquaredSandbox } from '../sandbox/server';
import { findSecrets } from './secrets';

export const DEMO_SECRETS = [DEMO_ACCOUNT.accessKey, DEMO_ACCOUNT.secretKey, DEMO_ACCOUNT.asyncApiKey];

/** Fails if any of the keys appears anywhere in `value`, as is, URL-encoded or JSON-escaped. */
export function expectNoSecretIn(value: unknown, secrets: string[] = DEMO_SECRETS): void {
	expect(findSecrets(value, secrets)).toEqual([]);
}

/** Fails if the sandbox received any request at all to `path`. */
export function expectNothingSentTo(sandbox: LeadSquaredSandbox, path: string, method = 'POST'): void {
	expect(sandbox.requestsTo(path, method)).toEqual([]);
}
