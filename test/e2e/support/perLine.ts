import { e2eLines } from './lines';
import type { E2eStack, StackOptions } from './stack';
import { startStack } from './stack';
import type { N8nLine } from './tooling';
import { N8N_LINES } from './tooling';

/** Installing an n8n line on a fresh machine takes about 4 minutes; starting one about 10 s. */
export const STACK_START_TIMEOUT_MS = 15 * 60_000;

/**
 * One describe block per n8n line in N8N_LINES, each with its own sandbox and fresh
 * n8n (started before the block's first test, stopped after its last).
 */
export function describeEachLine(
	title: string,
	options: StackOptions,
	body: (stack: () => E2eStack, line: N8nLine) => void,
): void {
	for (const line of e2eLines()) {
		describe(`${title} [n8n ${N8N_LINES[line].version}, line ${line}]`, () => {
			let stack: E2eStack | undefined;
			beforeAll(async () => {
				stack = await startStack(line, options);
			}, STACK_START_TIMEOUT_MS);
			afterAll(async () => {
				await stack?.stop();
			}, 60_000);
			body(() => {
				if (!stack) throw new Error(`the n8n ${line} stack did not start (see beforeAll's error)`);
				return stack;
			}, line);
		});
	}
}
