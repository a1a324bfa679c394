import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, dirname, join } from 'path';

import { e2eLines } from './support/lines';
import { PACKAGE_NAME, REPO_ROOT } from './support/builtNode';
import { STACK_START_TIMEOUT_MS } from './support/perLine';
import { readmeInstallCommand } from './support/readmeInstall';
import { ARTIFACTS_DIR, OWNER } from './support/stack';
import type { N8nRestClient, RunningN8n } from './support/tooling';
import { ensureN8n, N8N_LINES, N8nRest, startN8n } from './support/tooling';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packTarball } = require('./packTarball') as { packTarball(packageDir: string, destDir: string): string };

/**
 * A new user's install: the README's npm command, run by the Node of the n8n line with
 * the packed tarball for the package name and a fresh n8n user folder as home (~), then
 * n8n started on that folder.
 */
for (const line of e2eLines()) {
	describe(`The README's npm install of the packed package [n8n ${N8N_LINES[line].version}, line ${line}]`, () => {
		const home = mkdtempSync(join(tmpdir(), `lsq-e2e-install-n8n${line}-`));
		const nodesFolder = join(home, '.n8n', 'nodes');
		let n8n: RunningN8n | undefined;
		let rest: N8nRestClient;

		beforeAll(async () => {
			const install = await ensureN8n(line);
			const tarball = packTarball(REPO_ROOT, home);
			execFileSync('bash', ['-c', readmeInstallCommand(tarball)], {
				cwd: home,
				env: { ...process.env, HOME: home, PATH: `${dirname(install.nodeBin)}${delimiter}${process.env.PATH}` },
				stdio: 'pipe',
			});
			rmSync(tarball);
			n8n = await startN8n({
				install,
				userFolder: home,
				env: { NODE_ENV: undefined },
				logFile: join(ARTIFACTS_DIR, `n8n-line${line}-install.log`),
			});
			rest = new N8nRest(n8n.baseUrl);
			await rest.setupOwner(OWNER);
		}, STACK_START_TIMEOUT_MS);

		afterAll(async () => {
			await n8n?.stop();
			rmSync(home, { recursive: true, force: true });
		}, 60_000);

		it('installs the package alone into ~/.n8n/nodes, not n8n-workflow (n8n brings its own)', () => {
			expect(readdirSync(join(nodesFolder, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([PACKAGE_NAME]);
		});

		it('n8n loads both nodes and the credential', async () => {
			const nodeNames = (await rest.getNodeTypes()).map((node) => node.name);
			expect(nodeNames).toEqual(expect.arrayContaining([`${PACKAGE_NAME}.leadSquared`, `${PACKAGE_NAME}.leadSquaredTrigger`]));
			const credentialNames = (await rest.getCredentialTypes()).map((credential) => credential.name);
			expect(credentialNames).toContain('leadSquaredApi');
		});

		it('n8n serves both icons of every node', async () => {
			const ours = (await rest.getNodeTypes()).filter((node) => node.name.startsWith(`${PACKAGE_NAME}.`));
			const urls = ours.flatMap((node) => Object.values(node.iconUrl as Record<string, string>));
			expect(new Set(urls.map((url) => url.replace(/.*\//, '')))).toEqual(new Set(['leadsquared.svg', 'leadsquared.dark.svg']));
			for (const url of urls) {
				const response = await fetch(`${n8n!.baseUrl}/${url}`);
				expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({
					url,
					status: 200,
					type: expect.stringContaining('svg'),
				});
			}
		});
	});
}
