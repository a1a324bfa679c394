/**
 * A separate OS process appending to the capture journal, for the concurrency test:
 *   node -r ts-node/register/transpile-only journalWriterProcess.ts <accountId> <tag> <count>
 * Entries carry padding of varying size (up to ~6 KB, past the 4 KB pipe-atomicity size).
 */
import { appendToJournal } from '../../nodes/LeadSquared/captureJournal/append';

async function main() {
	const [accountId, tag, count] = process.argv.slice(2);
	for (let index = 0; index < Number(count); index++) {
		await appendToJournal(accountId, {
			requestId: `${tag}-${index}`,
			submittedAt: Date.now(),
			workflowId: 'wf-writers',
			executionId: tag,
			nodeName: 'Capture',
			searchBy: null,
			submitted: { Notes: 'x'.repeat((index * 997) % 6_000) },
		});
		if (index === 0) process.stdout.write('started\n');
	}
	process.stdout.write('done\n');
}

void main();
