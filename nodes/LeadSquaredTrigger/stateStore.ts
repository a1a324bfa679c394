import { createHash, randomBytes } from 'crypto';
import { closeSync, openSync, promises as fs, readSync, renameSync, rmSync } from 'fs';
import { basename, dirname, join } from 'path';

import { triggerStateDir } from '../LeadSquared/captureJournal/paths';
import type { JournalCursor } from './journalReader';
import type { WatchedRequest } from './watchedRequest';

/** What one trigger (workflow + node + LeadSquared account) keeps between polls and restarts. */
export interface TriggerState {
	accountId: string;
	workflowId: string;
	nodeId: string;
	cursor: JournalCursor;
	/** Typed Request IDs already taken in, so each is watched once. */
	typedSeen: string[];
	watched: WatchedRequest[];
	/** The latest emitted Request IDs, so one typed and also journaled is not emitted twice. */
	emittedIds: string[];
}

export interface StoredState {
	state: TriggerState;
	/** Bumped by every save; 0 when nothing is stored yet. */
	version: number;
}

const FORMAT = 'n8n-nodes-leadsquared/trigger-state';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 512;
const STALE_TEMP_MS = 10 * 60_000;

export function statePathFor(workflowId: string, nodeId: string, accountId: string): string {
	const key = createHash('sha256').update(`${workflowId}\n${nodeId}\n${accountId}`).digest('hex').slice(0, 32);
	return join(triggerStateDir(), `${key}.json`);
}

/** The saved version, read synchronously from the first line (header) of the file. */
function storedVersionSync(path: string): number {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
		throw error;
	}
	try {
		const buffer = Buffer.alloc(HEADER_BYTES);
		const bytes = readSync(fd, buffer, 0, HEADER_BYTES, 0);
		const text = buffer.subarray(0, bytes).toString('utf8');
		return parseHeader(text.slice(0, text.indexOf('\n')), path).version;
	} finally {
		closeSync(fd);
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function parseHeader(line: string, path: string): { version: number } {
	const header = (parseJson(line) ?? {}) as { format?: unknown; formatVersion?: unknown; version?: unknown };
	if (header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION || typeof header.version !== 'number') {
		throw new Error(`The LeadSquared Trigger's state file ${path} is not readable. Move it away to start watching afresh.`);
	}
	return { version: header.version };
}

async function removeStaleTemps(path: string): Promise<void> {
	const prefix = `${basename(path)}.`;
	const names = await fs.readdir(dirname(path)).catch(() => [] as string[]);
	for (const name of names.filter((candidate) => candidate.startsWith(prefix) && candidate.endsWith('.tmp'))) {
		const temp = join(dirname(path), name);
		const stat = await fs.stat(temp).catch(() => undefined);
		if (stat && stat.mtimeMs + STALE_TEMP_MS < Date.now()) await fs.rm(temp, { force: true });
	}
}

export async function loadState(path: string): Promise<StoredState | undefined> {
	let text: string;
	try {
		text = await fs.readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	await removeStaleTemps(path);
	const newline = text.indexOf('\n');
	const { version } = parseHeader(text.slice(0, newline), path);
	const state = parseJson(text.slice(newline + 1)) as TriggerState | undefined;
	if (!state || !Array.isArray(state.watched)) {
		throw new Error(`The LeadSquared Trigger's state file ${path} is damaged. Move it away to start watching afresh.`);
	}
	return { state, version };
}

/**
 * Replaces the stored state atomically (temp file, fsync, rename), unless another poll of
 * the same trigger saved since this one loaded `loadedVersion`: then nothing is written
 * and false is returned, and the caller must emit nothing (the other poll did).
 */
export async function saveState(path: string, state: TriggerState, loadedVersion: number): Promise<boolean> {
	await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
	const header = JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, version: loadedVersion + 1 });
	const temp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
	const handle = await fs.open(temp, 'w', 0o600);
	try {
		await handle.writeFile(`${header}\n${JSON.stringify(state)}`, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
	// Compare and rename with no await in between, so no other poll in this process can slip in.
	if (storedVersionSync(path) !== loadedVersion) {
		rmSync(temp, { force: true });
		return false;
	}
	renameSync(temp, path);
	return true;
}
