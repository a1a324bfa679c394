/**
 * Poll cost of the LeadSquared Trigger: status calls per finished request on the sandbox's
 * default completion mix (test/sandbox/completionMix.ts), against checking every pending
 * request on every poll. 1-minute polls on a virtual clock, LeadSquared's real queue delay
 * and retry timetable; target: at most 2 calls per finished request.
 *   npx ts-node --transpile-only test/bench/triggerStatusCalls.ts
 * Also prints the trigger's calls to n8n's API per poll.
 * Env: BENCH_REQUESTS (500), BENCH_SEED (11).
 */
import '../harness/setupEnv';

const MINUTE = 60_000;
const GIVE_UP_MS = 10 * 60 * MINUTE;

interface Submission {
	at: number;
	requestId: string;
	kind: string;
}

async function main() {
	const { VirtualClock } = await import('../harness/virtualClock');
	const { LeadSquaredSandbox } = await import('../sandbox/server');
	const { mixedLeads, DEFAULT_COMPLETION_MIX } = await import('../sandbox/completionMix');
	const { captureLeads } = await import('../harness/captureRuns');
	const { TriggerProcess, emittedJson } = await import('../harness/triggerProcess');
	const { FakeN8nApi } = await import('../harness/fakeN8nApi');
	const { Container } = await import('@n8n/di');
	const { SSHClientsManager } = await import('n8n-core/dist/execution-engine/ssh-clients-manager');

	const count = Number(process.env.BENCH_REQUESTS ?? 500);
	const leads = mixedLeads(count, Number(process.env.BENCH_SEED ?? 11), DEFAULT_COMPLETION_MIX, 'bench');
	const start = Date.UTC(2025, 0, 6, 8, 0, 0);
	const batch = 20;

	let n8n: InstanceType<typeof FakeN8nApi>;

	/** Submits the same 500 captures at the same virtual times, then calls `poll` once a minute until `done`. */
	type Sandbox = InstanceType<typeof LeadSquaredSandbox>;
	async function run(poll: (sandbox: Sandbox, submissions: Submission[], time: number) => Promise<void>, done: () => boolean) {
		const clock = new VirtualClock(start);
		clock.install();
		const sandbox = await LeadSquaredSandbox.start({ clock: clock.now, rateLimit: { calls: 5000, windowMs: 1_000 } });
		n8n = await FakeN8nApi.start(clock.now);
		const submissions: Submission[] = [];
		await poll(sandbox, submissions, clock.time); // activation
		for (let minute = 0; minute < 24 * 60 && !(submissions.length === count && done()); minute++) {
			if (minute % 2 === 0 && submissions.length < count) {
				const slice = leads.slice(submissions.length, submissions.length + batch);
				const { requestIds } = await captureLeads(sandbox, slice.map((mixed) => mixed.lead), { n8n });
				requestIds.forEach((requestId, i) => submissions.push({ at: clock.time, requestId, kind: slice[i].kind }));
			}
			clock.advance(MINUTE);
			await poll(sandbox, submissions, clock.time);
		}
		const calls = sandbox.requestsTo('/lead/status', 'GET').length;
		const finishedAt = new Map(sandbox.captures().map((capture) => [capture.requestId, sandbox.queue.finishedAt(capture)]));
		await sandbox.close();
		await n8n.close();
		clock.uninstall();
		return { calls, submissions, finishedAt, virtualHours: (clock.time - start) / (60 * MINUTE) };
	}

	// The trigger.
	const emitted = new Map<string, { status: string; checks: number; seenAt: number }>();
	let trigger: InstanceType<typeof TriggerProcess> | undefined;
	const n8nCallsPerPoll: number[] = [];
	const triggerRun = await run(
		async (sandbox) => {
			trigger ??= new TriggerProcess({ parameters: { outcome: 'any' }, credentials: sandbox.credentialsFor(), n8nApi: n8n.credentialsFor() });
			const before = n8n.requests.length;
			const result = await trigger.poll();
			n8nCallsPerPoll.push(n8n.requests.length - before);
			for (const item of emittedJson(result)) {
				emitted.set(item.requestId as string, {
					status: item.status as string,
					checks: item.statusChecks as number,
					seenAt: Date.parse(item.seenFinishedAt as string),
				});
			}
		},
		() => emitted.size === count,
	);

	// Checking every pending request on every poll (ERROR counted final at the same 10 h give-up).
	const naiveFinished = new Map<string, number>();
	const naiveRun = await run(
		async (sandbox, submissions, time) => {
			const credentials = sandbox.credentialsFor();
			const headers = { 'x-LSQ-AccessKey': credentials.accessKey, 'x-LSQ-SecretKey': credentials.secretKey, 'x-api-key': credentials.asyncApiKey };
			const pending = submissions.filter((submission) => !naiveFinished.has(submission.requestId));
			await Promise.all(
				pending.map(async ({ requestId, at }) => {
					const response = await fetch(`${sandbox.url}/lead/status?RequestID=${requestId}`, { headers });
					const status = ((await response.json()) as { TaskStatus?: { Status?: string } }).TaskStatus?.Status;
					if (status === 'Success' || status === 'FAILURE' || time - at >= GIVE_UP_MS) naiveFinished.set(requestId, time);
				}),
			);
		},
		() => naiveFinished.size === count,
	);

	const byKind: Record<string, { requests: number; calls: number; statuses: Set<string> }> = {};
	for (const { requestId, kind } of triggerRun.submissions) {
		const { status, checks } = emitted.get(requestId) ?? { status: 'not emitted', checks: 0 };
		byKind[kind] ??= { requests: 0, calls: 0, statuses: new Set() };
		byKind[kind].requests++;
		byKind[kind].calls += checks;
		byKind[kind].statuses.add(status);
	}

	const meanDelayMinutes = (seen: Array<[string, number]>, finishedAt: Map<string, number>) =>
		Number((seen.reduce((sum, [id, at]) => sum + (at - finishedAt.get(id)!), 0) / seen.length / MINUTE).toFixed(2));
	const row = (calls: number, finished: number, hours: number, delay: number) => ({
		'finished requests': finished,
		'mean minutes from finish to emission': delay,
		'status calls': calls,
		'calls per finished request': Number((calls / finished).toFixed(3)),
		'virtual hours': Number(hours.toFixed(1)),
	});
	console.log(`Completion mix: ${JSON.stringify(DEFAULT_COMPLETION_MIX)}, ${count} requests, 1-minute polls`);
	console.table({
		'LeadSquared Trigger (schedule)': row(
			triggerRun.calls,
			emitted.size,
			triggerRun.virtualHours,
			meanDelayMinutes([...emitted].map(([id, { seenAt }]) => [id, seenAt]), triggerRun.finishedAt),
		),
		'every pending request, every poll': row(naiveRun.calls, naiveFinished.size, naiveRun.virtualHours, meanDelayMinutes([...naiveFinished], naiveRun.finishedAt)),
	});
	console.table(
		Object.fromEntries(
			Object.entries(byKind).map(([kind, { requests, calls, statuses }]) => [
				kind,
				{ requests, 'emitted as': [...statuses].join(', '), 'status calls per request': Number((calls / requests).toFixed(2)) },
			]),
		),
	);
	const n8nCalls = n8nCallsPerPoll.reduce((sum, calls) => sum + calls, 0);
	console.log(
		`n8n API calls of the trigger: ${n8nCalls} in ${n8nCallsPerPoll.length} polls, ` +
			`${(n8nCalls / n8nCallsPerPoll.length).toFixed(2)} per poll (at most ${Math.max(...n8nCallsPerPoll)})`,
	);
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
	process.exit(0);
}

void main();
