import type { INodeExecutionData } from 'n8n-workflow';

import { CAPTURE_BY_EMAIL } from '../../harness/captureRuns';
import { runNode } from '../../harness/engine';
import type { FaultRule } from '../../sandbox/faults';
import { LeadSquaredSandbox } from '../../sandbox/server';

export const CAPTURE_PATH = '/lead/capture';

/**
 * The sandbox tries a request's fault rules in order and applies at most one failure, so a
 * later rule only sees the requests no earlier rule failed. Scales each rate so that every
 * kind hits its planned share of all requests.
 */
export function exclusiveRates(rules: FaultRule[]): FaultRule[] {
	let untouched = 1;
	return rules.map((rule) => {
		if (rule.kind === 'latency') return rule;
		const planned = rule.rate ?? 1;
		const scaled = { ...rule, rate: Math.min(1, planned / untouched) };
		untouched -= planned;
		return scaled;
	});
}

/** The mix the issue asks for: 10% 5xx, 5% dropped connections, 2% 429s, random latency. */
export const LOAD_FAULTS: FaultRule[] = exclusiveRates([
	{ kind: 'status500', path: CAPTURE_PATH, rate: 0.04 },
	{ kind: 'status502', path: CAPTURE_PATH, rate: 0.03 },
	{ kind: 'status503', path: CAPTURE_PATH, rate: 0.03 },
	{ kind: 'dropBefore', path: CAPTURE_PATH, rate: 0.025 },
	{ kind: 'dropAfter', path: CAPTURE_PATH, rate: 0.025 },
	{ kind: 'status429', path: CAPTURE_PATH, rate: 0.02 },
	{ kind: 'latency', path: CAPTURE_PATH, rate: 0.3, latencyMs: [5, 150] },
]);

/** A storm (60% of calls fail) so that some items exhaust their retries and end as error items. */
export const STORM_FAULTS: FaultRule[] = exclusiveRates([
	{ kind: 'status503', path: CAPTURE_PATH, rate: 0.3 },
	{ kind: 'dropBefore', path: CAPTURE_PATH, rate: 0.15 },
	{ kind: 'dropAfter', path: CAPTURE_PATH, rate: 0.15 },
]);

export interface LoadOptions {
	items: number;
	itemsPerExecution: number;
	/** The sandbox's limit, and the credential's (so the governor is in play). */
	rateLimit: { calls: number; windowMs: number };
	seed: number;
	faults?: FaultRule[];
}

interface ItemOutcome {
	email: string;
	requestId?: string;
	error?: string;
	outcomes: number;
}

export interface LoadReport {
	items: number;
	executions: number;
	wallMs: number;
	runStatuses: Record<string, number>;
	/** Requests the sandbox received at /lead/capture, and how many of them each fault hit. */
	captureCalls: number;
	faults: Record<string, number>;
	/** 429s from the sandbox's own rate limit (not injected): the governor should leave none. */
	unplannedRateLimited: number;
	withRequestId: number;
	errorItems: number;
	/** Items with no outcome or more than one. */
	itemsWithoutOneOutcome: number;
	/** RequestIDs on items that the sandbox did not hand out for that item's e-mail. */
	foreignRequestIds: number;
	/** Items with a RequestID whose lead is not in LeadSquared once the queue is processed. */
	lost: number;
	/** E-mails with more than one lead. */
	duplicates: number;
	/** Captures LeadSquared accepted more than once for one e-mail (retries after a dropped answer), upserted into one lead. */
	emailsAcceptedMoreThanOnce: number;
	/** For error items: whether their lead exists anyway (it reached LeadSquared before the answer was lost). */
	errorItemsWithLead: number;
	errorItemsWithoutLead: number;
	/** Each error item's e-mail, and whether LeadSquared has its lead (once) or not. */
	errorItemLeads: Array<{ email: string; lead: 'present once' | 'absent' | 'present more than once' }>;
	errorMessages: Record<string, number>;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function outcomesOf(items: INodeExecutionData[], emails: string[]): ItemOutcome[] {
	const outcomes: ItemOutcome[] = emails.map((email) => ({ email, outcomes: 0 }));
	for (const item of items) {
		const paired = item.pairedItem as { item: number } | undefined;
		const target = paired && outcomes[paired.item];
		if (!target) continue;
		target.outcomes++;
		if (typeof item.json.requestId === 'string') target.requestId = item.json.requestId;
		if (typeof item.json.error === 'string') target.error = item.json.error;
	}
	return outcomes;
}

/**
 * N async captures with Search By, in several executions at once through the real engine,
 * with Continue On Fail, while the sandbox injects LOAD_FAULTS (or `faults`). Then checks LeadSquared's
 * side: every item exactly one outcome, no lead twice, none missing.
 */
export async function capturesUnderFaults(options: LoadOptions): Promise<LoadReport> {
	const sandbox = await LeadSquaredSandbox.start({
		rateLimit: options.rateLimit,
		queue: { delayMs: 20, timeScale: 0.001 },
		faults: options.faults ?? LOAD_FAULTS,
		seed: options.seed,
	});
	try {
		const executions = Math.ceil(options.items / options.itemsPerExecution);
		const batches = Array.from({ length: executions }, (_, e) =>
			Array.from({ length: Math.min(options.itemsPerExecution, options.items - e * options.itemsPerExecution) }, (__, i) => ({
				name: `Load ${e}-${i}`,
				email: `load-${options.seed}-${e}-${i}@example.com`,
			})),
		);
		const started = Date.now();
		const runs = await Promise.all(
			batches.map(
				async (items, e) =>
					await runNode({
						parameters: CAPTURE_BY_EMAIL,
						items,
						credentials: sandbox.credentialsFor(),
						continueOnFail: true,
						executionId: `load-${e}`,
					}),
			),
		);
		const wallMs = Date.now() - started;
		await sleep(200); // let the (compressed) async queue process the last captures

		const outcomes = runs.flatMap((run, e) =>
			outcomesOf(
				run.items,
				batches[e].map((item) => item.email),
			),
		);
		const captures = sandbox.captures();
		const byRequestId = new Map(captures.map((capture) => [capture.requestId, capture]));
		const emailOf = (body: Array<{ Attribute: string; Value: unknown }>) =>
			String(body.find((pair) => pair.Attribute === 'EmailAddress')?.Value);
		const leadsByEmail = new Map<string, number>();
		for (const lead of sandbox.queue.leads)
			leadsByEmail.set(lead.fields.EmailAddress, (leadsByEmail.get(lead.fields.EmailAddress) ?? 0) + 1);
		const acceptedByEmail = new Map<string, number>();
		for (const capture of captures) acceptedByEmail.set(emailOf(capture.body), (acceptedByEmail.get(emailOf(capture.body)) ?? 0) + 1);
		const leadIdsByEmail = new Map(sandbox.queue.leads.map((lead) => [lead.fields.EmailAddress, lead.id]));

		const received = sandbox.requestsTo(CAPTURE_PATH);
		const faults: Record<string, number> = {};
		for (const request of received) if (request.fault) faults[request.fault] = (faults[request.fault] ?? 0) + 1;
		const errors = outcomes.filter((outcome) => outcome.error !== undefined);
		const errorMessages: Record<string, number> = {};
		for (const { error } of errors) {
			const kind = error!.replace(/ at [\d.:]+/, '').replace(/\d+ retries/, 'N retries');
			errorMessages[kind] = (errorMessages[kind] ?? 0) + 1;
		}

		return {
			items: options.items,
			executions,
			wallMs,
			runStatuses: runs.reduce<Record<string, number>>((all, run) => ({ ...all, [run.status]: (all[run.status] ?? 0) + 1 }), {}),
			captureCalls: received.length,
			faults,
			unplannedRateLimited: received.filter((request) => request.status === 429 && !request.fault).length,
			withRequestId: outcomes.filter((outcome) => outcome.requestId).length,
			errorItems: errors.length,
			itemsWithoutOneOutcome: outcomes.filter((o) => o.outcomes !== 1 || (o.requestId === undefined) === (o.error === undefined)).length,
			foreignRequestIds: outcomes.filter((o) => o.requestId && emailOf(byRequestId.get(o.requestId)?.body ?? []) !== o.email).length,
			lost: outcomes.filter(
				(o) =>
					o.requestId && (!byRequestId.get(o.requestId)?.leadId || byRequestId.get(o.requestId)?.leadId !== leadIdsByEmail.get(o.email)),
			).length,
			duplicates: [...leadsByEmail.values()].filter((count) => count > 1).length,
			emailsAcceptedMoreThanOnce: [...acceptedByEmail.values()].filter((count) => count > 1).length,
			errorItemsWithLead: errors.filter((o) => leadsByEmail.get(o.email) === 1).length,
			errorItemsWithoutLead: errors.filter((o) => !leadsByEmail.has(o.email)).length,
			errorItemLeads: errors.map((o) => {
				const leads = leadsByEmail.get(o.email) ?? 0;
				return { email: o.email, lead: leads === 0 ? 'absent' : leads === 1 ? 'present once' : 'present more than once' };
			}),
			errorMessages,
		};
	} finally {
		await sandbox.close();
	}
}

/** The report as a table row for console.table. */
export function reportRow(report: LoadReport) {
	return {
		items: report.items,
		executions: report.executions,
		'capture calls received': report.captureCalls,
		'faults injected': Object.entries(report.faults)
			.sort()
			.map(([kind, count]) => `${kind} ${count}`)
			.join(', '),
		'429 from the real limit': report.unplannedRateLimited,
		'items with RequestID': report.withRequestId,
		'error items (with lead / without)': `${report.errorItems} (${report.errorItemsWithLead} / ${report.errorItemsWithoutLead})`,
		'items without exactly one outcome': report.itemsWithoutOneOutcome,
		lost: report.lost,
		duplicates: report.duplicates,
		'e-mails accepted twice, upserted': report.emailsAcceptedMoreThanOnce,
		'wall time (s)': Number((report.wallMs / 1000).toFixed(1)),
	};
}
