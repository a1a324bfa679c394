import { upsertCredential } from '../../demo/credential';
import { EXAMPLE_CREDENTIAL_NAME, saveWorkflowAsEditorDoes } from '../../demo/exampleWorkflows';
import type { N8nLine } from '../../e2e/support/tooling';
import { newFinishedExecutions, workerOf } from '../../e2e/support/pushLoad';
import { startQueueStack } from '../../e2e/support/queueStack';
import type { RowResult } from './bulkMeasure';
import { apiCalls, duplicatedLeads, failedItemsOf, rowOf } from './bulkMeasure';
import type { BenchSettings } from './bulkSettings';
import { budgetsOf, credentialData, PER_BULK_CALL, profileLabel, sandboxOptions } from './bulkSettings';
import { leadsWebhookWorkflow, leadUpsertNode } from './bulkWorkflows';

const PATH = 'lsq-bench-bulk';

/**
 * Queue mode as a self-hoster runs it (a main and 2 workers on PostgreSQL and Redis): per
 * profile, `queueExecutions` webhook calls at once, each an execution upserting `queueItems`
 * leads batched. One row per profile; the executions' workers are printed.
 */
export async function runQueueLoad(settings: BenchSettings, line: N8nLine): Promise<RowResult[]> {
	const rows: RowResult[] = [];
	for (const profile of settings.profiles) {
		const label = profileLabel(profile, settings.windowMs);
		console.log(`queue mode, 2 workers, ${label}…`);
		const stack = await startQueueStack(line, { label: `bench-bulk-queue-${profile.key}`, sandbox: sandboxOptions(profile, settings.windowMs), workers: 2 });
		try {
			const { rest, sandbox } = stack;
			await upsertCredential(rest, EXAMPLE_CREDENTIAL_NAME, credentialData(sandbox, profile, settings.windowMs));
			const prefix = `bench-queue-${profile.key}`;
			const workflow = await saveWorkflowAsEditorDoes(rest, leadsWebhookWorkflow(PATH, prefix, leadUpsertNode('batched')));
			await rest.activateWorkflow(workflow.id);
			sandbox.clearRecord();
			const known = new Set<string>();
			await Promise.all(
				Array.from({ length: settings.queueExecutions }, async (_, batch) => {
					const answer = await fetch(`${stack.main.baseUrl}/webhook/${PATH}`, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: JSON.stringify({ count: settings.queueItems, batch }),
					});
					if (!answer.ok) throw new Error(`the bench webhook answered ${answer.status}: ${await answer.text()}`);
				}),
			);
			const items = settings.queueExecutions * settings.queueItems;
			const budgets = budgetsOf(profile, settings.windowMs);
			const timeoutMs = Math.max(600_000, 4 * Math.ceil(items / budgets.general.calls) * budgets.general.windowMs);
			const finished = await newFinishedExecutions(rest, workflow.id, known, settings.queueExecutions, timeoutMs);
			const executions = await Promise.all(finished.map(async ({ id }) => await rest.getExecution(id, true)));
			const first = Math.min(...executions.map((execution) => Date.parse(execution.startedAt)));
			const last = Math.max(...executions.map((execution) => Date.parse(execution.stoppedAt)));
			const workers = executions.map((execution) => workerOf(execution.id, stack.workers));
			console.log(`  executions by worker: ${[0, 1].map((index) => workers.filter((worker) => worker === index).length).join(' + ')}`);
			const row = rowOf(
				{
					profile: label,
					mode: `queue, 2 workers: ${settings.queueExecutions} × ${settings.queueItems} batched`,
					items,
					failedItems: failedItemsOf(executions, items),
					duplicatedItems: duplicatedLeads(sandbox, prefix),
					wallMs: last - first,
				},
				apiCalls(sandbox),
				budgets,
				PER_BULK_CALL.leadUpsert,
			);
			console.log(`  429s: ${row.rateLimited} of ${row.calls} calls (${((100 * row.rateLimited) / Math.max(1, row.calls)).toFixed(1)} %)`);
			rows.push(row);
		} finally {
			await stack.stop();
		}
	}
	return rows;
}
