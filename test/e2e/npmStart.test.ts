import { execFile, spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { promisify } from 'util';

import { REPO_ROOT } from './support/builtNode';
import { e2eLines } from './support/lines';
import { STACK_START_TIMEOUT_MS } from './support/perLine';
import { freePort } from './support/tooling';

const reachable = async (url: string) =>
	await fetch(url).then(
		() => true,
		() => false,
	);

function exited(child: ChildProcess): Promise<number | string | null> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? child.signalCode);
		else child.once('exit', (code, signal) => resolve(code ?? signal));
	});
}

/** `npm start`, once (on the first n8n line tested): the demo as a new user runs it. */
describe(`npm start [n8n line ${e2eLines()[0]}]`, () => {
	let npm: ChildProcess;
	let output = '';
	let n8nUrl: string;
	let sandboxUrl: string;

	beforeAll(async () => {
		const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
		n8nUrl = `http://127.0.0.1:${n8nPort}/healthz`;
		sandboxUrl = `http://127.0.0.1:${sandboxPort}/__sandbox/requests`;
		// its own process group, as in a terminal: a signal to npm's pid reaches npm alone
		npm = spawn('npm', ['start'], {
			cwd: REPO_ROOT,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, NODE_ENV: undefined, N8N_LINE: e2eLines()[0], N8N_PORT: String(n8nPort), SANDBOX_PORT: String(sandboxPort) },
		});
		npm.stdout!.on('data', (chunk) => (output += chunk));
		npm.stderr!.on('data', (chunk) => (output += chunk));
		const ready = new Promise<void>((resolve, reject) => {
			npm.stdout!.on('data', () => output.includes('Ctrl-C stops') && resolve());
			npm.once('exit', () => reject(new Error(`npm start exited before it was ready:\n${output.slice(-3000)}`)));
		});
		await ready;
	}, STACK_START_TIMEOUT_MS);

	afterAll(async () => {
		// if the test failed, SIGTERM the group: the demo then stops n8n and the sandbox itself
		if (npm.exitCode === null && npm.signalCode === null) {
			process.kill(-npm.pid!, 'SIGTERM');
			await exited(npm);
		}
	}, 60_000);

	it('serves n8n and the sandbox', async () => {
		await expect(reachable(n8nUrl)).resolves.toBe(true);
		await expect(reachable(sandboxUrl)).resolves.toBe(true);
	});

	it('prints a ready command that runs the incoming-call example end to end: LeadSquared shows the popup', async () => {
		const command = /^\s*(curl -X POST .*\/webhook\/.*)$/m.exec(output)?.[1];
		expect(command).toBeDefined();
		const { stdout } = await promisify(execFile)('sh', ['-c', command!]);
		expect(JSON.parse(stdout)).toEqual({ message: 'Workflow was started' });
		const popups = async () =>
			((await (await fetch(sandboxUrl)).json()) as Array<{ path: string; status?: number; body: { LeadId?: string } }>).filter(
				(request) => request.path === '/v2/Telephony.svc/ShowAgentPopup',
			);
		for (let waited = 0; !(await popups()).length && waited < 30_000; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500));
		expect((await popups()).map((request) => request.status)).toEqual([200]);
	}, 60_000);

	it('stops n8n and the sandbox, and exits, on a SIGINT to the npm process alone', async () => {
		process.kill(npm.pid!, 'SIGINT');
		await expect(exited(npm)).resolves.toBe(0);
		expect(output).toContain('SIGINT: stopping n8n and the sandbox');
		await expect(reachable(n8nUrl)).resolves.toBe(false);
		await expect(reachable(sandboxUrl)).resolves.toBe(false);
	}, 60_000);
});
