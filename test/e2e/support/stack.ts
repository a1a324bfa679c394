import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { upsertExampleCredentials } from '../../demo/credential';
import { EXAMPLE_CREDENTIAL_NAME } from '../../demo/exampleWorkflows';
import type { SandboxOptions } from '../../sandbox/server';
import { LeadSquaredSandbox } from '../../sandbox/server';
import { REPO_ROOT } from './builtNode';
import type { N8nInstall, N8nLine, N8nRestClient, NodeTypeDescription, RunningN8n } from './tooling';
import { ensureN8n, N8nRest, startN8n } from './tooling';

export const OWNER = { email: 'owner@example.com', password: 'E2e-passw0rd', firstName: 'E2E', lastName: 'Owner' };

export const ARTIFACTS_DIR = join(REPO_ROOT, 'test', 'artifacts');

/** A LeadSquared sandbox and a fresh n8n with the built package, an owner and a credential pointing at the sandbox. */
export interface E2eStack {
	line: N8nLine;
	install: N8nInstall;
	sandbox: LeadSquaredSandbox;
	n8n: RunningN8n;
	rest: N8nRestClient;
	credential: { id: string; name: string };
	nodeTypes: NodeTypeDescription[];
	stop(): Promise<void>;
}

export interface StackOptions {
	sandbox?: SandboxOptions;
	/** Names the n8n log in test/artifacts/. */
	label: string;
}

export async function startStack(line: N8nLine, options: StackOptions): Promise<E2eStack> {
	const install = await ensureN8n(line);
	const userFolder = mkdtempSync(join(tmpdir(), `lsq-e2e-n8n${line}-`));
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const sandbox = await LeadSquaredSandbox.start(options.sandbox);
	let n8n: RunningN8n | undefined;
	const stop = async () => {
		await n8n?.stop();
		await sandbox.close();
		rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		n8n = await startN8n({
			install,
			userFolder,
			communityPackages: [REPO_ROOT],
			// jest sets NODE_ENV=test, under which n8n's bin exits at once without a word
			env: { NODE_ENV: undefined },
			logFile: join(ARTIFACTS_DIR, `n8n-line${line}-${options.label}.log`),
		});
		const rest = new N8nRest(n8n.baseUrl);
		await rest.setupOwner(OWNER);
		const credential = await upsertExampleCredentials(rest, n8n.baseUrl, EXAMPLE_CREDENTIAL_NAME, sandbox.credentialsFor());
		const nodeTypes = await rest.getNodeTypes();
		return { line, install, sandbox, n8n, rest, credential, nodeTypes, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
