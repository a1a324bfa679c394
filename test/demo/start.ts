import { mkdirSync } from 'fs';
import { join } from 'path';

import { DEMO_ACCOUNT } from '../sandbox/fixtures';
import { LeadSquaredSandbox } from '../sandbox/server';
import { REPO_ROOT } from '../e2e/support/builtNode';
import { singleLine } from '../e2e/support/lines';
import type { RunningN8n } from '../e2e/support/tooling';
import { ensureN8n, N8nRest, startN8n } from '../e2e/support/tooling';
import { realAccountFromEnv, upsertExampleCredentials } from './credential';
import { activateSelfStarting, EXAMPLE_CREDENTIAL_NAME, importExampleWorkflows } from './exampleWorkflows';
import { curlCommand, incomingCallRequest, INCOMING_CALL_EXAMPLE, seedIncomingCallExample } from './incomingCall';

/**
 * `npm start`: the package in a real n8n with a LeadSquared to talk to.
 * Env: N8N_LINE (1 | 2), N8N_PORT (5678), SANDBOX_PORT (4010), SANDBOX_RATE_CALLS /
 * SANDBOX_RATE_WINDOW_MS (25 / 5000); LEADSQUARED_ACCESS_KEY + LEADSQUARED_SECRET_KEY
 * (+ LEADSQUARED_REGION, LEADSQUARED_ASYNC_API_KEY, LEADSQUARED_API_URL,
 * LEADSQUARED_ASYNC_API_URL) to use a real account instead of the sandbox.
 */
const DEMO_OWNER = { email: 'demo@example.com', password: 'LeadSquared-demo-1', firstName: 'Demo', lastName: 'Owner' };

async function main() {
	const env = process.env;
	const line = singleLine();
	const realAccount = realAccountFromEnv();

	// What a signal must stop; filled in as each part starts.
	const running: { sandbox?: LeadSquaredSandbox; n8n?: RunningN8n } = {};
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n${running.sandbox ? ' and the sandbox' : ''}…`);
		await running.n8n?.stop();
		await running.sandbox?.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	const sandbox = realAccount
		? undefined
		: (running.sandbox = await LeadSquaredSandbox.start({
				port: Number(env.SANDBOX_PORT ?? 4010),
				rateLimit: { calls: Number(env.SANDBOX_RATE_CALLS ?? 25), windowMs: Number(env.SANDBOX_RATE_WINDOW_MS ?? 5000) },
			}));

	const install = await ensureN8n(line);
	console.log(`n8n line ${line}: n8n ${install.version} (${line === '2' ? 'Node 24 from the npm registry' : 'this machine’s Node'})`);

	const userFolder = join(REPO_ROOT, '.n8n-demo', `line-${line}`);
	mkdirSync(userFolder, { recursive: true });
	const logFile = join(userFolder, 'n8n.log');
	console.log(`starting n8n (log: ${logFile})…`);
	const n8n = (running.n8n = await startN8n({
		install,
		userFolder,
		port: Number(env.N8N_PORT ?? 5678),
		// copied again on every start, so a rebuilt dist/ is what n8n loads
		communityPackages: [REPO_ROOT],
		logFile,
	}));

	const rest = new N8nRest(n8n.baseUrl);
	await rest.setupOwner(DEMO_OWNER);
	const credential = await upsertExampleCredentials(rest, n8n.baseUrl, EXAMPLE_CREDENTIAL_NAME, realAccount ?? sandbox!.credentialsFor());
	const nodeTypes = await rest.getNodeTypes();
	const imported = await importExampleWorkflows(rest, nodeTypes);
	const active = await activateSelfStarting(rest, imported, n8n.baseUrl);
	if (sandbox) await seedIncomingCallExample(sandbox);
	const callReady = imported.some((report) => report.file === INCOMING_CALL_EXAMPLE && report.id);

	console.log('');
	console.log(`Credential "${credential.name}": ${credential.created ? 'created' : 'updated'}, ${realAccount ? `your LeadSquared account (region ${realAccount.region})` : 'pointing at the sandbox'}`);
	console.log('Example workflows:');
	for (const report of imported) {
		const notes = report.notes.length ? ` (${report.notes.join('; ')})` : '';
		const result = { created: 'imported', exists: 'already there', skipped: 'not loaded' }[report.result];
		console.log(`  ${result.padEnd(13)} ${report.name}${notes}`);
		for (const entryPoint of active.get(report.name) ?? []) console.log(`                  active, ${entryPoint}`);
	}
	console.log('Try it: submit the form; within about a minute the trigger workflow runs (Executions tab) and sends');
	console.log('the push and the Converse card.');
	if (callReady) {
		console.log(
			sandbox
				? 'Ready command: an incoming call, as a telephony provider posts it (the sandbox has the caller as a lead):'
				: 'An incoming call, as a telephony provider posts it (put a lead’s number in "from" and a user’s e-mail in "agentEmail"):',
		);
		console.log(`  ${curlCommand(incomingCallRequest(n8n.baseUrl))}`);
	}
	console.log('');
	console.log(`n8n editor   ${n8n.baseUrl}/`);
	console.log(`login        ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
	if (sandbox) {
		console.log(`sandbox      ${sandbox.url}  (record: ${sandbox.url}/__sandbox/requests)`);
		console.log(`             keys ${DEMO_ACCOUNT.accessKey} / ${DEMO_ACCOUNT.secretKey}, async ${DEMO_ACCOUNT.asyncApiKey}`);
		console.log(`             rate limit ${sandbox.rateLimit.calls} calls per ${sandbox.rateLimit.windowMs / 1000} s`);
	} else {
		console.log('sandbox      not started: the credential uses your LEADSQUARED_* keys');
	}
	console.log('Ctrl-C stops n8n' + (sandbox ? ' and the sandbox.' : '.'));
}

main().catch((error: Error) => {
	console.error(`npm start failed: ${error.stack ?? error.message}`);
	process.exit(1);
});
