import { promises as fs } from 'fs';
import { hostname } from 'os';
import { join } from 'path';

const HOUR_MS = 3_600_000;

const SEGMENT_NAME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(?:\.[A-Za-z0-9_-]+)?\.jsonl$/;

/**
 * Each process writes its own segments, so no two writers ever append to one file: on a
 * volume shared between hosts (NFS and the like) appends from different hosts are not atomic.
 */
const WRITER = `${hostname()}-${process.pid}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** Entries go to one segment per UTC hour and writing process, e.g. `20250106T09.host-4242.jsonl`. */
export function segmentNameFor(time: number, writer = WRITER): string {
	const iso = new Date(time).toISOString();
	return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}.${writer}.jsonl`;
}

/** The start of the hour a segment covers, or undefined for a file that is not a segment. */
export function segmentStart(name: string): number | undefined {
	const match = SEGMENT_NAME.exec(name);
	if (!match) return undefined;
	const [, year, month, day, hour] = match.map(Number);
	return Date.UTC(year, month - 1, day, hour);
}

/** The account's segment names, oldest hour first (names sort by time). */
export async function listSegments(dir: string): Promise<string[]> {
	try {
		return (await fs.readdir(dir)).filter((name) => segmentStart(name) !== undefined).sort();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
}

/** Deletes segments whose hour ended more than `retentionMs` before `time`. */
export async function pruneSegments(dir: string, time: number, retentionMs: number): Promise<string[]> {
	const expired = (await listSegments(dir)).filter((name) => segmentStart(name)! + HOUR_MS + retentionMs <= time);
	for (const name of expired) {
		await fs.rm(join(dir, name), { force: true });
	}
	return expired;
}
