import { closeSync, mkdirSync, openSync, writeSync } from 'fs';
import { join } from 'path';

import { now } from '../helpers/clock';
import type { JournalEntry } from './entry';
import { serializeEntry } from './entry';
import { accountJournalDir, journalRetentionMs } from './paths';
import { pruneSegments, segmentNameFor } from './segments';

const PRUNE_EVERY_MS = 3_600_000;

/** Real time of each account's last prune in this process, so appends prune at most hourly. */
const lastPrune = new Map<string, number>();

/**
 * One write() of the whole line on an O_APPEND descriptor: concurrent writers (other
 * executions, other processes on the same volume) cannot interleave inside it. Synchronous
 * on purpose: three tiny system calls cost less than three trips through libuv's thread pool.
 */
function appendLine(path: string, line: Buffer): void {
	const fd = openSync(path, 'a', 0o600);
	try {
		const written = writeSync(fd, line, 0, line.length);
		if (written !== line.length) throw new Error(`only ${written} of ${line.length} bytes were written`);
	} finally {
		closeSync(fd);
	}
}

/** Records an accepted capture in the account's journal, for the LeadSquared Trigger. */
export async function appendToJournal(accountId: string, entry: JournalEntry): Promise<void> {
	const dir = accountJournalDir(accountId);
	const path = join(dir, segmentNameFor(entry.submittedAt));
	const line = serializeEntry(entry);
	try {
		appendLine(path, line);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		mkdirSync(dir, { recursive: true, mode: 0o700 });
		appendLine(path, line);
	}
	if ((lastPrune.get(accountId) ?? 0) + PRUNE_EVERY_MS <= Date.now()) {
		lastPrune.set(accountId, Date.now());
		await pruneSegments(dir, now(), journalRetentionMs()).catch(() => undefined);
	}
}
