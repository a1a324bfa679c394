import type { ExecutionSummary, N8nApi } from './n8nApi';
import { isFinal } from './n8nApi';

/**
 * Where the trigger is in n8n's executions. n8n numbers executions in the order they are
 * created and lists them newest first; it leaves out executions still running in the instance
 * that answers, and those of workflows the API key cannot see. So every number the listing
 * skipped, and every execution not finished when listed, is kept in `open` and asked for by
 * number until it has finished (or n8n no longer has it).
 */
export interface FeedState {
	/** Every execution up to this number has been taken in, or is in `open`. Null before the first poll. */
	readUpTo: number | null;
	/** Executions to ask about again: [number, first seen (ms)]. */
	open: Array<[number, number]>;
	/** A listing that stopped at the page budget, to continue from on the next poll. */
	scan: { cursor: string; top: number; lowest: number } | null;
}

export const EMPTY_FEED: FeedState = { readUpTo: null, open: [], scan: null };

const PAGE_SIZE = 250;
const PAGES_PER_POLL = 8;
/** A run of skipped numbers longer than this is not a few running executions: it is not followed up. */
const MAX_GAP = 1000;
const OPEN_CHECKS_PER_POLL = 100;
const MAX_OPEN = 5000;
const OPEN_FOR_AT_MOST_MS = 7 * 24 * 3_600_000;

export interface FeedRead {
	feed: FeedState;
	/** Finished executions not taken in before, oldest first. */
	finished: ExecutionSummary[];
	/** Open executions dropped because too many were open or for too long (a warning for the log). */
	dropped: number;
}

class FeedReader {
	private readonly open: Map<number, number>;

	readonly finished: ExecutionSummary[] = [];

	dropped = 0;

	constructor(
		private readonly feed: FeedState,
		private readonly now: number,
	) {
		this.open = new Map(feed.open);
	}

	keepOpen(id: number): void {
		if (!this.open.has(id)) this.open.set(id, this.now);
	}

	/** The numbers strictly between `lower` and `upper` that the listing skipped. */
	keepGapOpen(upper: number, lower: number): void {
		if (upper - lower - 1 > MAX_GAP) return;
		for (let id = lower + 1; id < upper; id++) this.keepOpen(id);
	}

	take(execution: ExecutionSummary): void {
		const id = Number(execution.id);
		if (isFinal(execution)) {
			this.open.delete(id);
			this.finished.push(execution);
		} else {
			this.keepOpen(id);
		}
	}

	async listNew(api: N8nApi, readUpTo: number): Promise<Pick<FeedState, 'readUpTo' | 'scan'>> {
		let { cursor, top, lowest } = this.feed.scan ?? { cursor: undefined, top: undefined, lowest: undefined };
		for (let pages = 0; pages < PAGES_PER_POLL; pages++) {
			const page = await api.executions({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
			let reachedKnown = false;
			for (const execution of page.data) {
				const id = Number(execution.id);
				if (!Number.isFinite(id)) continue;
				if (id <= readUpTo) {
					reachedKnown = true;
					break;
				}
				top ??= id;
				if (lowest !== undefined) this.keepGapOpen(lowest, id);
				lowest = id;
				this.take(execution);
			}
			if (reachedKnown || !page.nextCursor) {
				if (lowest !== undefined) this.keepGapOpen(lowest, readUpTo);
				return { readUpTo: top ?? readUpTo, scan: null };
			}
			cursor = page.nextCursor;
		}
		return { readUpTo, scan: { cursor: cursor!, top: top!, lowest: lowest! } };
	}

	/** Asks again about the oldest open executions: taken in once finished, forgotten once n8n no longer has them. */
	async recheckOpen(api: N8nApi): Promise<void> {
		const due = [...this.open.entries()].filter(([, firstSeen]) => firstSeen < this.now).sort((a, b) => a[0] - b[0]);
		for (const [id, firstSeen] of due.slice(0, OPEN_CHECKS_PER_POLL)) {
			const execution = await api.execution(String(id), false);
			if (!execution) this.open.delete(id);
			else if (isFinal(execution)) this.take(execution);
			else if (this.now - firstSeen > OPEN_FOR_AT_MOST_MS) this.drop(id);
		}
		const overflow = [...this.open.keys()].sort((a, b) => a - b).slice(0, Math.max(0, this.open.size - MAX_OPEN));
		overflow.forEach((id) => this.drop(id));
	}

	openEntries(): Array<[number, number]> {
		return [...this.open.entries()].sort((a, b) => a[0] - b[0]);
	}

	private drop(id: number): void {
		this.open.delete(id);
		this.dropped++;
	}
}

/**
 * Reads what n8n has executed since the last poll. The first poll only notes where n8n is:
 * a new trigger watches the captures made from its activation on.
 */
export async function readFeed(api: N8nApi, feed: FeedState, now: number): Promise<FeedRead> {
	if (feed.readUpTo === null) {
		const newest = (await api.executions({ limit: 1 })).data[0];
		return { feed: { readUpTo: newest ? Number(newest.id) : 0, open: [], scan: null }, finished: [], dropped: 0 };
	}
	const reader = new FeedReader(feed, now);
	const position = await reader.listNew(api, feed.readUpTo);
	await reader.recheckOpen(api);
	const finished = reader.finished.sort((a, b) => Number(a.id) - Number(b.id));
	return { feed: { ...position, open: reader.openEntries() }, finished, dropped: reader.dropped };
}

/** Finished executions the poll could not take in yet stay open, so the next poll takes them. */
export function keepForLater(feed: FeedState, executions: ExecutionSummary[], now: number): FeedState {
	const open = new Map(feed.open);
	for (const execution of executions) if (!open.has(Number(execution.id))) open.set(Number(execution.id), now);
	return { ...feed, open: [...open.entries()].sort((a, b) => a[0] - b[0]) };
}
