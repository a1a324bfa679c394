import { rateLimitFloorMs } from '../../harness/rateFloor';
import type { RateLimitOptions } from '../../sandbox/crm/limits';
import { BULK_CALLS_COUNT_AGAINST_GENERAL_LIMIT } from '../../sandbox/crm/unconfirmed';
import type { RecordedRequest } from '../../sandbox/server';
import { LeadSquaredSandbox } from '../../sandbox/server';
import type { Execution } from '../../e2e/support/tooling';
import { nodeOutput } from '../../e2e/support/tooling';
import { SENDER } from './bulkWorkflows';

/** A plan profile: LeadSquared's limits per 5 s (page rate-limits), bulk APIs apart. */
export interface Profile {
	key: string;
	name: string;
	calls: number;
	bulkCalls: number;
}

/** What a row's figures are checked against: both budgets, at the window the run used. */
export interface Budgets {
	general: RateLimitOptions;
	bulk: RateLimitOptions;
}

export interface RowResult {
	profile: string;
	mode: string;
	items: number;
	calls: number;
	bulkCalls: number;
	rateLimited: number;
	failedItems: number;
	duplicatedItems: number;
	wallMs: number;
	floorMs: number;
	/** Items written (not failed) per second of wall time. */
	itemsPerSecond: number;
	/** The window the run used: shorter than LeadSquared's 5 s with `--window-ms`. */
	windowMs: number;
}

/** Items per second had the run used LeadSquared's 5-s window: scaled by the window, so only as good as wall / floor says. */
export const itemsPerSecondAt5s = (row: RowResult) => (row.itemsPerSecond * row.windowMs) / 5_000;

/** A recorded call, and whether the sandbox counts it against the bulk limit (the APIs page rate-limits names). */
export type Call = RecordedRequest & { bulk: boolean };

/** The API calls the sandbox recorded (its control endpoints are not calls). */
export function apiCalls(sandbox: LeadSquaredSandbox): Call[] {
	const routes = sandbox.crm.routes();
	return sandbox.requests
		.filter((request) => !request.path.startsWith('/__sandbox'))
		.map((request) => ({ ...request, bulk: routes[`${request.method} ${request.path}`]?.bulk === true }));
}

/**
 * The shortest time both budgets allow for `items`: one call each (per item), or calls of
 * `perCall` under the bulk budget (and under the general one too where bulk calls count there).
 */
export function floorMs(items: number, perCall: number | undefined, budgets: Budgets): number {
	if (!perCall) return rateLimitFloorMs(items, budgets.general.calls, budgets.general.windowMs);
	const calls = Math.ceil(items / perCall);
	const general = BULK_CALLS_COUNT_AGAINST_GENERAL_LIMIT ? rateLimitFloorMs(calls, budgets.general.calls, budgets.general.windowMs) : 0;
	return Math.max(general, rateLimitFloorMs(calls, budgets.bulk.calls, budgets.bulk.windowMs));
}

/** Items the sender's output marks failed, plus items that never reached its output (a failed execution). */
export function failedItemsOf(executions: Execution[], expectedItems: number): number {
	const outputs = executions.map((execution) => nodeOutput(execution, SENDER) ?? []);
	const failed = outputs.reduce((sum, output) => sum + output.filter((item) => 'error' in item.json).length, 0);
	const missing = expectedItems - outputs.reduce((sum, output) => sum + output.length, 0);
	return failed + Math.max(0, missing);
}

const store = (sandbox: LeadSquaredSandbox) => sandbox.crm.storeFor(sandbox.accounts[0]);

/** Leads in the sandbox's store whose e-mail starts with `prefix`. */
export function leadsWithPrefix(sandbox: LeadSquaredSandbox, prefix: string) {
	return store(sandbox)
		.leads()
		.filter((lead) => (lead.fields.EmailAddress ?? '').toLowerCase().startsWith(prefix.toLowerCase()));
}

/** How many more than one there are of any key: what was stored twice. */
function extras(keys: string[]): number {
	return keys.length - new Set(keys).size;
}

export const duplicatedLeads = (sandbox: LeadSquaredSandbox, prefix: string) =>
	extras(leadsWithPrefix(sandbox, prefix).map((lead) => lead.fields.EmailAddress.toLowerCase()));

/** Activities whose note starts with `prefix`, posted more than once on the same lead. */
export function duplicatedActivities(sandbox: LeadSquaredSandbox, prefix: string): number {
	const posted = store(sandbox).activities.filter((activity) => activity.note.startsWith(prefix));
	return extras(posted.map((activity) => `${activity.leadId}\n${activity.note}`));
}

/** Leads made straight in the sandbox's store, for activities to be posted on. */
export function seedLeads(sandbox: LeadSquaredSandbox, prefix: string, count: number): string[] {
	const crm = store(sandbox);
	return Array.from({ length: count }, (_, i) => crm.insertLead({ EmailAddress: `${prefix}-${i}@example.com`, FirstName: 'Seeded' }, 'bench').id);
}

/** A row's figures: `perCall` is the most items one bulk call takes (undefined: one call per item). */
export function rowOf(
	fields: Pick<RowResult, 'profile' | 'mode' | 'items' | 'failedItems' | 'duplicatedItems' | 'wallMs'>,
	calls: Call[],
	budgets: Budgets,
	perCall: number | undefined,
): RowResult {
	const bulkCalls = calls.filter((call) => call.bulk).length;
	// a row is what it says only if the node sent the calls its mode names
	const unlike = perCall && !bulkCalls ? ' (NO BULK CALL)' : !perCall && bulkCalls ? ' (SENT BULK CALLS)' : '';
	return {
		...fields,
		mode: fields.mode + unlike,
		calls: calls.length,
		bulkCalls,
		rateLimited: calls.filter((call) => call.status === 429).length,
		floorMs: floorMs(fields.items, perCall, budgets),
		windowMs: budgets.general.windowMs,
		itemsPerSecond: (fields.items - fields.failedItems) / Math.max(0.001, fields.wallMs / 1000),
	};
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function printable(rows: RowResult[]): Array<Record<string, string | number>> {
	return rows.map((row) => ({
		profile: row.profile,
		mode: row.mode,
		items: row.items,
		calls: row.bulkCalls ? `${row.calls} (${row.bulkCalls} bulk)` : row.calls,
		'429s': row.rateLimited,
		'429 %': ((100 * row.rateLimited) / Math.max(1, row.calls)).toFixed(1),
		'failed items': row.failedItems,
		'duplicated items': row.duplicatedItems,
		'wall (s)': seconds(row.wallMs),
		'floor (s)': seconds(row.floorMs),
		'wall / floor': row.floorMs ? (row.wallMs / row.floorMs).toFixed(2) : '-',
		'items/s': row.itemsPerSecond.toFixed(2),
		'items/s at 5 s': row.windowMs === 5_000 ? '=' : itemsPerSecondAt5s(row).toFixed(2),
	}));
}

export const wallMsOf = (execution: Execution) => Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt);
