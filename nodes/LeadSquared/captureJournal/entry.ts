import type { IDataObject } from 'n8n-workflow';

/** One capture LeadSquared accepted, as the action node recorded it for the trigger. */
export interface JournalEntry {
	requestId: string;
	/** Package clock (ms) when LeadSquared returned the RequestID. */
	submittedAt: number;
	workflowId: string | null;
	executionId: string | null;
	nodeName: string | null;
	searchBy: string | null;
	submitted: IDataObject | null;
}

/** Every line starts with this, so a line glued to a torn one can still be found. */
const LINE_START = '{"v":1,';

const NEWLINE = 0x0a;

export function serializeEntry(entry: JournalEntry): Buffer {
	const { requestId, submittedAt, workflowId, executionId, nodeName, searchBy, submitted } = entry;
	const json = JSON.stringify({ v: 1, requestId, submittedAt, workflowId, executionId, nodeName, searchBy, submitted });
	return Buffer.from(`${json}\n`, 'utf8');
}

function asEntry(value: unknown): JournalEntry | undefined {
	const record = value as Partial<JournalEntry> | null;
	if (!record || typeof record.requestId !== 'string' || typeof record.submittedAt !== 'number') return undefined;
	const textOrNull = (field: unknown) => (typeof field === 'string' ? field : null);
	return {
		requestId: record.requestId,
		submittedAt: record.submittedAt,
		workflowId: textOrNull(record.workflowId),
		executionId: textOrNull(record.executionId),
		nodeName: textOrNull(record.nodeName),
		searchBy: textOrNull(record.searchBy),
		submitted: record.submitted && typeof record.submitted === 'object' ? record.submitted : null,
	};
}

function parseLine(line: string): JournalEntry | undefined {
	try {
		return asEntry(JSON.parse(line));
	} catch {
		// A writer that died mid-line leaves a fragment the next whole line is appended to.
		const start = line.lastIndexOf(LINE_START);
		if (start <= 0) return undefined;
		try {
			return asEntry(JSON.parse(line.slice(start)));
		} catch {
			return undefined;
		}
	}
}

/**
 * The entries in `bytes` up to its last newline, and how many bytes that is: a line still
 * being written (no newline yet) is left for the next read.
 */
export function parseEntries(bytes: Buffer): { entries: JournalEntry[]; consumed: number } {
	const end = bytes.lastIndexOf(NEWLINE);
	if (end === -1) return { entries: [], consumed: 0 };
	const entries: JournalEntry[] = [];
	for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
		const entry = line.trim() ? parseLine(line) : undefined;
		if (entry) entries.push(entry);
	}
	return { entries, consumed: end + 1 };
}
