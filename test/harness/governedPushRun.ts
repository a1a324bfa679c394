import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { NodeRun } from './engine';
import { runNode } from './engine';
import type { LeadSquaredSandbox } from '../sandbox/server';

/** Runs `executions` Send Browser Push executions at once, `itemsEach` items each, timed (the sandbox's credential, or `credentials`). */
export async function concurrentPushes(
	sandbox: LeadSquaredSandbox,
	executions: number,
	itemsEach: number,
	credentials: ICredentialDataDecryptedObject = sandbox.credentialsFor(),
): Promise<{ runs: NodeRun[]; wallMs: number }> {
	const started = Date.now();
	const runs = await Promise.all(
		Array.from({ length: executions }, async (_, execution) =>
			await runNode({
				parameters: { resource: 'notification', operation: 'sendBrowserPush', title: '=Run {{ $json.run }}', content: '=Item {{ $json.item }}' },
				items: Array.from({ length: itemsEach }, (__, item) => ({ run: execution, item })),
				credentials,
				executionId: `governed-${execution}`,
			}),
		),
	);
	return { runs, wallMs: Date.now() - started };
}
