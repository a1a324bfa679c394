import type { ExecutionSummary, N8nApi } from './n8nApi';
import { isFinal } from './n8nApi';
import type { NumberRun } from './skippedNumbers';
import { SkippedNumbers } from './skippedNumbers';

/**
 * Where the trigger is in n8n's executions. n8n numbers executions in the order they are
 * created and lists them newest first; it leaves out executions still running in the instance
 * that answers, and those of workflows the API key cannot see, while asked by number it answers
 * a running one (and 404 for one pruned, never created, or in a workflow the key cannot see).
 * So every number the listing skipped is kept in `skipped` and asked about by number, and
 * every execution not finished when seen is kept in `open` and asked about until it has
 * finished (or n8n no longer has it).
 */
export interface FeedState {
	/**
	 * Every execution up to this number has been taken in, is in `open` or `skipped`, or was
	 * created before activation. Null before the first poll; 0 when n8n listed nothing at
	 * activation (its numbers may still be high: then the walk down ends at number 1, or at an
	 * execution seen to be created before activation).
	 */
	readUpTo: number | null;
	/** Executions to ask about again: [number, first seen (ms)]. */
	open: Array<[number, number]>;
	/** Runs of numbers the listing skipped, not asked about yet, highest first. */
	skipped?: NumberRun[];
	/** When the open executions are more than one poll re-checks: the last one re-checked. */
	recheckedUpTo?: number;
	/** A listing that stopped at the page budget, to continue from on the next poll. */
	scan: { cursor: string; top: number; lowest: number } | null;
	/** When the trigger was activated (ms): executions created before it are not its. */
	activatedAt?: number;
}

export const EMPTY_FEED: FeedState = { readUpTo: null, open: [], skipped: [], scan: null };

const PAGE_SIZE = 250;
const PAGES_PER_POLL = 8;
/** Executions asked about by number in one poll: open ones first (at most OPEN_CHECKS_PER_POLL), then skipped numbers. */
const NUMBER_CHECKS_PER_POLL = 200;
const OPEN_CHECKS_PER_POLL = 100;
const MAX_OPEN = 5000;
const OPEN_FOR_AT_MOST_MS = 7 * 24 * 3_600_000;
/** n8n's instances stamp executions with their own clocks: only this much before activation counts as before it. */
const CLOCK_MARGIN_MS = 10 * 60_000;

export interface FeedRead {
	feed: FeedState;
	/** Finished executions not taken in before, oldest first. */
	finished: ExecutionSummary[];
	/** Execution numbers given up: open for too long, or past the limits of the state (a warning for the log). */
	dropped: number;
}

class FeedReader {
	private readonly open: Map<number, number>;

	private readonly skipped: SkippedNumbers;

	readonly finished: ExecutionSummary[] = [];

	dropped = 0;

	/** The newest execution seen that was created before activation: nothing below it is the trigger's. */
	predatesUpTo = Number.NEGATIVE_INFINITY;

	recheckedUpTo: number | undefined;

	private checks = 0;

	constructor(
		private readonly feed: FeedState,
		private readonly now: number,
	) {
		this.open = new Map(feed.open);
		this.skipped = new SkippedNumbers(feed.skipped);
	}

	keepOpen(id: number): void {
		if (!this.open.has(id)) this.open.set(id, this.now);
	}

	/** Takes in an execution seen in the listing or by number; one created before activation ends the walk below it. */
	take(execution: ExecutionSummary): void {
		const id = Number(execution.id);
		if (isFinal(execution)) {
			this.open.delete(id);
			this.finished.push(execution);
		} else {
			this.keepOpen(id);
		}
		if (this.predatesActivation(execution) && id > this.predatesUpTo) {
			this.predatesUpTo = id;
			this.skipped.forgetUpTo(id);
		}
	}

	async listNew(api: N8nApi, readUpTo: number): Promise<Pick<FeedState, 'readUpTo' | 'scan'>> {
		let { cursor, top, lowest } = this.feed.scan ?? { cursor: undefined, top: undefined, lowest: undefined };
		for (let pages = 0; pages < PAGES_PER_POLL; pages++) {
			const page = await api.executions({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
			/** Where this listing ends: at what was read before, or at an execution created before activation. */
			let bottom: number | undefined;
			for (const execution of page.data) {
				const id = Number(execution.id);
				if (!Number.isFinite(id)) continue;
				if (id <= readUpTo) {
					bottom = readUpTo;
					break;
				}
				top ??= id;
				if (lowest !== undefined) this.skipped.note(lowest, id);
				lowest = id;
				this.take(execution);
				if (this.predatesUpTo === id) {
					bottom = id;
					break;
				}
			}
			if (bottom === undefined && !page.nextCursor) bottom = readUpTo;
			if (bottom !== undefined) {
				if (lowest !== undefined) this.skipped.note(lowest, bottom);
				return { readUpTo: top ?? readUpTo, scan: null };
			}
			cursor = page.nextCursor!;
		}
		return { readUpTo, scan: { cursor: cursor!, top: top!, lowest: lowest! } };
	}

	/** Asks again about open executions (in turn, when more than one poll checks): taken in once finished, forgotten once n8n no longer has them. */
	async recheckOpen(api: N8nApi): Promise<void> {
		const due = [...this.open.entries()].filter(([, firstSeen]) => firstSeen < this.now).sort((a, b) => a[0] - b[0]);
		const after = this.feed.recheckedUpTo ?? Number.NEGATIVE_INFINITY;
		const inTurn = [...due.filter(([id]) => id > after), ...due.filter(([id]) => id <= after)].slice(0, OPEN_CHECKS_PER_POLL);
		for (const [id, firstSeen] of inTurn) {
			const execution = await this.ask(api, id);
			if (!execution) this.open.delete(id);
			else if (isFinal(execution)) this.take(execution);
			else if (this.now - firstSeen > OPEN_FOR_AT_MOST_MS) this.drop(id);
		}
		this.recheckedUpTo = due.length > inTurn.length ? inTurn[inTurn.length - 1][0] : undefined;
	}

	/**
	 * Asks about skipped numbers, highest first, with what is left of the poll's budget. A number
	 * n8n does not have (404: pruned, never created, or in a workflow the key cannot see) is done
	 * with; one it has is taken in like a listed one.
	 */
	async walkSkipped(api: N8nApi): Promise<void> {
		while (this.checks < NUMBER_CHECKS_PER_POLL) {
			const id = this.skipped.next();
			if (id === undefined) return;
			const execution = await this.ask(api, id);
			if (execution) this.take(execution);
		}
	}

	toState(position: Pick<FeedState, 'readUpTo' | 'scan'>): FeedState {
		[...this.open.keys()]
			.sort((a, b) => a - b)
			.slice(0, Math.max(0, this.open.size - MAX_OPEN))
			.forEach((id) => this.drop(id));
		const skipped = this.skipped.toState();
		this.dropped += this.skipped.givenUp;
		return {
			...this.feed,
			...position,
			open: [...this.open.entries()].sort((a, b) => a[0] - b[0]),
			skipped,
			recheckedUpTo: this.recheckedUpTo,
		};
	}

	private async ask(api: N8nApi, id: number): Promise<ExecutionSummary | null> {
		this.checks++;
		return await api.execution(String(id), false);
	}

	private predatesActivation(execution: ExecutionSummary): boolean {
		const created = Date.parse(execution.createdAt ?? execution.startedAt ?? '');
		return this.feed.activatedAt !== undefined && created < this.feed.activatedAt - CLOCK_MARGIN_MS;
	}

	private drop(id: number): void {
		this.open.delete(id);
		this.dropped++;
	}
}

/**
 * Reads what n8n has executed since the last poll. The first poll only notes where n8n is
 * and when: a new trigger watches the executions created from its activation on.
 */
export async function readFeed(api: N8nApi, feed: FeedState, now: number): Promise<FeedRead> {
	if (feed.readUpTo === null) {
		const newest = (await api.executions({ limit: 1 })).data[0];
		const feedAtActivation = { readUpTo: newest ? Number(newest.id) : 0, open: [], skipped: [], scan: null, activatedAt: now };
		return { feed: feedAtActivation, finished: [], dropped: 0 };
	}
	const reader = new FeedReader(feed, now);
	let position = await reader.listNew(api, feed.readUpTo);
	await reader.recheckOpen(api);
	await reader.walkSkipped(api);
	// A listing still under way stops where the executions created before activation begin.
	if (position.scan && reader.predatesUpTo >= position.scan.lowest) position = { readUpTo: position.scan.top, scan: null };
	const state = reader.toState(position);
	const finished = reader.finished.sort((a, b) => Number(a.id) - Number(b.id));
	return { feed: state, finished, dropped: reader.dropped };
}

/** Finished executions the poll could not take in yet stay open, so the next poll takes them. */
export function keepForLater(feed: FeedState, executions: ExecutionSummary[], now: number): FeedState {
	const open = new Map(feed.open);
	for (const execution of executions) if (!open.has(Number(execution.id))) open.set(Number(execution.id), now);
	return { ...feed, open: [...open.entries()].sort((a, b) => a[0] - b[0]) };
}
