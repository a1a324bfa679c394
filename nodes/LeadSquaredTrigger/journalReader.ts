import { promises as fs } from 'fs';
import { join } from 'path';

import type { JournalEntry } from '../LeadSquared/captureJournal/entry';
import { parseEntries } from '../LeadSquared/captureJournal/entry';
import { accountJournalDir } from '../LeadSquared/captureJournal/paths';
import { listSegments } from '../LeadSquared/captureJournal/segments';

/**
 * Byte offset read so far in each segment. Every segment still on disk keeps its own
 * offset, so an entry appended late to an older segment (a writer whose clock or hour
 * lagged) is still read.
 */
export type JournalCursor = Record<string, number>;

/** Bounds one poll's memory; the rest is read by the next poll. */
const MAX_BYTES_PER_SEGMENT_READ = 8 * 1024 * 1024;

async function sizeOf(path: string): Promise<number> {
	try {
		return (await fs.stat(path)).size;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
		throw error;
	}
}

async function readRange(path: string, start: number, end: number): Promise<Buffer> {
	const handle = await fs.open(path, 'r');
	try {
		const buffer = Buffer.alloc(end - start);
		const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
		return buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

/** The journal's end now: a new trigger watches what is submitted from here on. */
export async function journalEnd(accountId: string): Promise<JournalCursor> {
	const dir = accountJournalDir(accountId);
	const cursor: JournalCursor = {};
	for (const name of await listSegments(dir)) cursor[name] = await sizeOf(join(dir, name));
	return cursor;
}

/** Whole entries appended after `cursor`, and the cursor past them. */
export async function readJournal(
	accountId: string,
	cursor: JournalCursor,
): Promise<{ entries: JournalEntry[]; cursor: JournalCursor }> {
	const dir = accountJournalDir(accountId);
	const entries: JournalEntry[] = [];
	const next: JournalCursor = {};
	for (const name of await listSegments(dir)) {
		const path = join(dir, name);
		const size = await sizeOf(path);
		// A segment that shrank was deleted and written anew: read it from its start.
		const offset = (cursor[name] ?? 0) <= size ? (cursor[name] ?? 0) : 0;
		next[name] = offset;
		if (size === offset) continue;
		const read = parseEntries(await readRange(path, offset, Math.min(size, offset + MAX_BYTES_PER_SEGMENT_READ)));
		entries.push(...read.entries);
		next[name] = offset + read.consumed;
	}
	return { entries, cursor: next };
}

/** The most recently appended entries that `accept` takes, newest first. */
export async function newestEntries(
	accountId: string,
	limit: number,
	accept: (entry: JournalEntry) => boolean,
): Promise<JournalEntry[]> {
	const dir = accountJournalDir(accountId);
	const found: JournalEntry[] = [];
	for (const name of (await listSegments(dir)).reverse()) {
		const path = join(dir, name);
		const size = await sizeOf(path);
		const start = Math.max(0, size - MAX_BYTES_PER_SEGMENT_READ);
		const { entries } = parseEntries(await readRange(path, start, size));
		found.push(...entries.filter(accept).reverse());
		if (found.length >= limit) break;
	}
	return found.slice(0, limit);
}
