import type { SandboxOptions } from '../sandbox/server';
import { LeadSquaredSandbox } from '../sandbox/server';

/** A sandbox started before the file's tests and closed after them. */
export function useSandbox(options: SandboxOptions = {}): () => LeadSquaredSandbox {
	let sandbox: LeadSquaredSandbox | undefined;
	beforeAll(async () => {
		sandbox = await LeadSquaredSandbox.start(options);
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	return () => {
		if (!sandbox) throw new Error('The sandbox has not started');
		return sandbox;
	};
}
