import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { upsertCredential } from '../demo/credential';
import { EXAMPLE_CREDENTIAL_NAME, saveWorkflowAsEditorDoes } from '../demo/exampleWorkflows';
import { singleLine } from '../e2e/support/lines';
import type { E2eStack } from '../e2e/support/stack';
import { ARTIFACTS_DIR, startStack } from '../e2e/support/stack';
import type { WorkflowJson } from '../e2e/support/tooling';
import type { Budgets, Profile, RowResult } from './support/bulkMeasure';
import { apiCalls, duplicatedActivities, duplicatedLeads, failedItemsOf, printable, rowOf, seedLeads, wallMsOf } from './support/bulkMeasure';
import { printChecks } from './support/bulkChecks';
import { runQueueLoad } from './support/bulkQueue';
import type { BenchSettings, RowName } from './support/bulkSettings';
import { budgetsOf, credentialData, PER_BULK_CALL, parseSettings, profileLabel, sandboxOptions } from './support/bulkSettings';
import { activitiesWorkflow, activityPostNode, httpRequestUpsertNode, leadsWorkflow, leadUpsertNode } from './support/bulkWorkflows';

/**
 * `npm run bench:bulk`: leads and activities through the LeadSquared node in real n8n against
 * the sandbox at each plan profile's limits (general and bulk), batched (the node's default)
 * and one call per item, next to n8n's HTTP Request node looping over the same leads. Prints
 * per row: calls, 429s, failed and duplicated items (counted in the sandbox's store), wall time,
 * the floor both budgets allow, wall / floor and items per second. `--queue`: the same in queue
 * mode (2 workers), several executions at once. Flags: see USAGE in support/bulkSettings.ts.
 */
interface RowPlan {
	mode: string;
	items: number;
	perCall: number | undefined;
	workflow: (prefix: string) => WorkflowJson;
	duplicates: (prefix: string) => number;
}

function rowPlans(stack: E2eStack, profile: Profile, settings: BenchSettings): Record<RowName, () => RowPlan> {
	const { sandbox } = stack;
	const leadRow = (mode: string, items: number, perCall: number | undefined, sender: Parameters<typeof leadsWorkflow>[3]): RowPlan => ({
		mode,
		items,
		perCall,
		workflow: (prefix) => leadsWorkflow(`bench: ${mode}`, prefix, items, sender),
		duplicates: (prefix) => duplicatedLeads(sandbox, prefix),
	});
	return {
		batched: () => leadRow('Create or Update, batched', settings.items, PER_BULK_CALL.leadUpsert, leadUpsertNode('batched')),
		'per-item': () => leadRow('Create or Update, per item', settings.perItemItems, undefined, leadUpsertNode('per item')),
		http: () => leadRow('HTTP Request node, defaults', settings.perItemItems, undefined, httpRequestUpsertNode(sandbox.url)),
		'http-paced': () => leadRow('HTTP Request node, paced', settings.perItemItems, undefined, httpRequestUpsertNode(sandbox.url, budgetsOf(profile, settings.windowMs).general)),
		activities: () => ({
			mode: 'Activity → Post, batched',
			items: settings.activities,
			perCall: PER_BULK_CALL.activityPost,
			workflow: (prefix) => activitiesWorkflow('bench: activities', prefix, seedLeads(sandbox, `${prefix}-lead`, settings.activities), activityPostNode('batched')),
			duplicates: (prefix) => duplicatedActivities(sandbox, prefix),
		}),
	};
}

/** Generous: four times the floor of one call per item, at least 5 minutes. */
const timeoutFor = (items: number, budgets: Budgets) => Math.max(300_000, 4 * Math.ceil(items / budgets.general.calls) * budgets.general.windowMs);

async function runRow(stack: E2eStack, profile: Profile, settings: BenchSettings, plan: RowPlan, prefix: string): Promise<RowResult> {
	const { rest, sandbox } = stack;
	const budgets = budgetsOf(profile, settings.windowMs);
	const created = await saveWorkflowAsEditorDoes(rest, plan.workflow(prefix));
	sandbox.clearRecord(); // also forgets the rate-limit history
	console.log(`  ${plan.mode}, ${plan.items} items…`);
	const execution = await rest.runWorkflowManually(created.id, { timeoutMs: timeoutFor(plan.items, budgets) });
	const row = rowOf(
		{
			profile: profileLabel(profile, settings.windowMs),
			mode: plan.mode,
			items: plan.items,
			failedItems: failedItemsOf([execution], plan.items),
			duplicatedItems: plan.duplicates(prefix),
			wallMs: wallMsOf(execution),
		},
		apiCalls(sandbox),
		budgets,
		plan.perCall,
	);
	console.log(`    ${(row.wallMs / 1000).toFixed(1)} s, ${row.calls} calls, ${row.rateLimited} 429s, ${row.failedItems} failed, ${row.duplicatedItems} duplicated`);
	// the account's window and the node's governor go idle before the next row
	await new Promise((resolve) => setTimeout(resolve, 2 * settings.windowMs));
	return row;
}

async function regularMode(settings: BenchSettings, line: ReturnType<typeof singleLine>): Promise<RowResult[]> {
	const rows: RowResult[] = [];
	for (const profile of settings.profiles) {
		console.log(`${profileLabel(profile, settings.windowMs)}: ${profile.calls} calls (bulk ${profile.bulkCalls}) per ${settings.windowMs / 1000} s`);
		// one n8n per profile: the node's governor of one account lives as long as its n8n
		const stack = await startStack(line, { label: `bench-bulk-${profile.key}`, sandbox: sandboxOptions(profile, settings.windowMs) });
		try {
			await upsertCredential(stack.rest, EXAMPLE_CREDENTIAL_NAME, credentialData(stack.sandbox, profile, settings.windowMs));
			const plans = rowPlans(stack, profile, settings);
			for (const name of settings.rows) rows.push(await runRow(stack, profile, settings, plans[name](), `bench-${profile.key}-${name}`));
		} finally {
			await stack.stop();
		}
	}
	return rows;
}

async function main() {
	const settings = parseSettings(process.argv.slice(2));
	const line = singleLine();
	const rows = settings.queue ? await runQueueLoad(settings, line) : await regularMode(settings, line);
	const earlier = settings.withFiles.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { rows: RowResult[] }).rows);
	console.log(`\nn8n line ${line}; floor = floor((calls − 1) / budget) × window, for the calls the items need at best (bulk: 25 items a call)`);
	if (earlier.length) console.log(`index ${rows.length} on: rows of ${settings.withFiles.join(', ')}`);
	console.table(printable([...rows, ...earlier]));
	printChecks([...rows, ...earlier]);
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const file = join(ARTIFACTS_DIR, `bench-bulk-line${line}-${settings.queue ? 'queue' : settings.rows.join('+')}-${settings.windowMs}ms.json`);
	writeFileSync(file, JSON.stringify({ settings, rows }, null, 2) + '\n');
	console.log(`(saved ${file})`);
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
