/**
 * Secrets: with known keys (holding characters URL-encoding changes), every operation and
 * dropdown loader runs through success and every failure path. No key, raw or URL-encoded,
 * may appear in outputs, errors (message, description, cause, stack), the whole run data,
 * anything n8n or the package logged (console, n8n's Logger and LoggerProxy at debug level,
 * stdout/stderr), or any request URL or body; keys travel only in their own headers.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { readdirSync, readFileSync } from 'fs';
import { LoggerProxy } from 'n8n-workflow';
import { join } from 'path';

import type { NodeRun } from '../harness/engine';
import { loadOptions, runNode } from '../harness/engine';
import { DEMO_USERS } from '../sandbox/fixtures';
import type { RecordedRequest } from '../sandbox/server';
import type { CapturedOutput } from './support/secretScan';
import { captureOutput } from './support/secretScan';
import { findSecrets } from '../harness/secrets';
import type { ScenarioResult } from './support/secretScenarios';
import { ALL_KEYS, echoServer, KEYS, LOADERS, runScenario, SCENARIOS, SECRETS } from './support/secretScenarios';

const CANARY = 'canary-7f3e: the output capture works';

let output: CapturedOutput;
const results = new Map<string, ScenarioResult>();
const scanned = { runs: 0, loaderCalls: 0, requests: 0, logEntries: 0, logSources: {} as Record<string, number>, files: 0 };

beforeAll(async () => {
	output = captureOutput();
	// Canaries: proof that each hook records (checked with the logs below).
	console.warn(CANARY);
	process.stderr.write(`${CANARY}\n`);
	LoggerProxy.debug(CANARY);
	Container.get(Logger).info(CANARY);
	for (const result of await Promise.all(SCENARIOS.map(runScenario))) results.set(result.scenario.name, result);
}, 120_000);

afterAll(async () => {
	output.stop();
	for (const { sandboxes } of results.values()) await Promise.all([sandboxes.api.close(), sandboxes.async.close()]);
	process.stdout.write(
		`\nSecrets: ${results.size} paths, ${scanned.runs} node runs, ${scanned.loaderCalls} dropdown loads, ${scanned.requests} requests received, ` +
			`${scanned.logEntries} log/console/stdout entries ${JSON.stringify(scanned.logSources)}, ${
				scanned.files
			} files under the n8n user folder scanned for ${SECRETS.length} keys (raw and URL-encoded)\n`,
	);
});

const errorText = (run: NodeRun) =>
	run.error?.message ??
	run.items
		.map((item) => item.json.error)
		.filter(Boolean)
		.join(' | ');

/** Each key only in its own header: access and secret key on every call, x-api-key only on the async host's. */
function headerProblems(request: RecordedRequest, asyncHost: boolean): string[] {
	const problems: string[] = [];
	for (const [name, value] of Object.entries(request.headers)) {
		const allowed = {
			'x-lsq-accesskey': ALL_KEYS.access,
			'x-lsq-secretkey': ALL_KEYS.secret,
			'x-api-key': asyncHost ? ALL_KEYS.async : [],
		}[name];
		if (allowed) {
			if (!allowed.includes(value)) problems.push(`${request.path}: header ${name} holds something other than its own key`);
		} else if (name === 'x-api-key') {
			problems.push(`${request.path}: x-api-key sent to the API host`);
		} else {
			problems.push(...findSecrets(value, SECRETS, `${request.path} header ${name}`));
		}
	}
	return problems;
}

describe.each(SCENARIOS.map((scenario) => scenario.name))('keys on the path "%s"', (name) => {
	const result = () => results.get(name)!;

	it('took the path it names', () => {
		const push = result().runs.find((entry) => entry.name === 'sendBrowserPush')!.run;
		expect(errorText(push)).toMatch(result().scenario.pushError);
		const capture = result().runs.find((entry) => entry.name === 'captureAsync with Search By')!.run;
		if (result().scenario.captureError) expect(errorText(capture)).toMatch(result().scenario.captureError!);
	});

	it('leaves no key in any output item, error or the run data', () => {
		const hits = result().runs.flatMap(({ name: run, run: { items, error, run: data } }) => [
			...findSecrets({ items, error, data }, SECRETS, run),
			...findSecrets(JSON.stringify(data), SECRETS, `${run} (run data as JSON)`),
			...findSecrets(`${error?.message} ${error?.description}`, SECRETS, `${run} (error text)`),
		]);
		scanned.runs += result().runs.length;
		expect(hits).toEqual([]);
	});

	it('leaves no key in what the dropdown loaders return or throw', () => {
		expect(
			result()
				.loaders.map((loader) => loader.name)
				.sort(),
		).toEqual([...LOADERS].sort());
		scanned.loaderCalls += result().loaders.length;
		expect(result().loaders.flatMap(({ name: loader, outcome }) => findSecrets(outcome, SECRETS, loader))).toEqual([]);
	});

	it('sends keys only in their headers, never in a URL or a body', () => {
		const { api, async } = result().sandboxes;
		const problems = [
			...api.requests.flatMap((request) => [
				...findSecrets([request.url, request.rawBody], SECRETS, request.path),
				...headerProblems(request, false),
			]),
			...async.requests.flatMap((request) => [
				...findSecrets([request.url, request.rawBody], SECRETS, request.path),
				...headerProblems(request, true),
			]),
		];
		scanned.requests += api.requests.length + async.requests.length;
		expect(problems).toEqual([]);
		expect(async.requests.every((request) => request.headers['x-lsq-accesskey'] && request.headers['x-api-key'])).toBe(true);
	});
});

/** A push, a capture and a dropdown load against a server that is not LeadSquared. */
async function againstServer(url: string) {
	const credentials = {
		accessKey: KEYS.accessKey,
		secretKey: KEYS.secretKey,
		asyncApiKey: KEYS.asyncApiKey,
		region: 'custom',
		apiUrl: url,
		asyncApiUrl: url,
	};
	const push = await runNode({
		parameters: { resource: 'notification', operation: 'sendBrowserPush', userId: DEMO_USERS[0].ID, title: 'T', content: 'C' },
		credentials,
	});
	const capture = await runNode({
		parameters: {
			resource: 'lead',
			operation: 'captureAsync',
			fieldsMode: 'json',
			json: '{"EmailAddress": "a@example.com"}',
			searchBy: 'EmailAddress',
		},
		credentials,
		continueOnFail: true,
	});
	const users = await loadOptions('getActiveUsers', { parameters: {}, credentials }).catch((error: unknown) => error);
	return { push, capture, users };
}

describe('a server that quotes the request headers in its error', () => {
	it('as is (a proxy’s error page, 400 and 401): the node shows LeadSquared’s words with the keys masked', async () => {
		for (const status of [400, 401]) {
			const server = await echoServer(status, false);
			try {
				const { push, capture, users } = await againstServer(server.url);
				expect(push.error?.message).toContain('x-lsq-secretkey=***');
				expect(findSecrets({ push, capture, users, json: JSON.stringify([push.run, capture.run]) }, SECRETS)).toEqual([]);
			} finally {
				await server.close();
			}
		}
	});
});

describe('everything logged while the paths above ran (every scenario, and the server quoting headers as is)', () => {
	it('holds no key: console.*, n8n’s Logger and LoggerProxy (debug level), stdout and stderr', () => {
		scanned.logEntries = output.entries.length;
		for (const { source } of output.entries) scanned.logSources[source] = (scanned.logSources[source] ?? 0) + 1;
		const canarySources = output.entries.filter((entry) => entry.text.includes(CANARY)).map((entry) => entry.source);
		expect(canarySources.sort()).toEqual(['console.warn', 'n8n logger debug', 'n8n logger info', 'process.stderr']);
		expect(output.entries.length).toBeGreaterThan(100); // n8n logs every node run at debug level
		expect(findSecrets(output.entries, SECRETS, 'log')).toEqual([]);
	});

	it('holds no key in any file written under n8n’s user folder', () => {
		const files = filesUnder(process.env.N8N_USER_FOLDER!);
		scanned.files = files.length;
		expect(files.flatMap((file) => findSecrets(readFileSync(file, 'utf8'), SECRETS, file))).toEqual([]);
	});
});

function filesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
	);
}

describe('a server that quotes the request headers URL-encoded in its error (after the log check: its logs hold the keys)', () => {
	// A key quoted URL-encoded (here "u%24rel%2FAK%2B…") is masked like a raw one.
	it('URL-encoded (400): the keys are masked too', async () => {
		const server = await echoServer(400, true);
		try {
			const { push, capture, users } = await againstServer(server.url);
			expect(push.error?.message).toContain('LeadSquared refused the request (400)');
			expect(findSecrets({ push, capture, users }, SECRETS)).toEqual([]);
		} finally {
			await server.close();
		}
	});
});
