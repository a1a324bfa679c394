import type { RowResult } from './bulkMeasure';
import { itemsPerSecondAt5s } from './bulkMeasure';

/** Issue 16's done-when, as the rows printed let one check it; rows a run did not make are "not run". */
const BATCHED = 'Create or Update, batched';
const PER_ITEM = 'Create or Update, per item';
const ACTIVITIES = 'Activity → Post, batched';
const HTTP = /^HTTP Request node/;

const planOf = (row: RowResult) => row.profile.replace(/ \(window .*\)$/, '');

function verdict(label: string, ok: boolean | undefined): string {
	return `${ok === undefined ? 'not run' : ok ? 'yes    ' : 'NO     '}  ${label}`;
}

export function printChecks(rows: RowResult[]): void {
	const lines: string[] = [];
	// the HTTP Request node with its defaults fails items by design: it is the baseline, not under test
	const nodeRows = rows.filter((row) => !HTTP.test(row.mode));
	lines.push(verdict('0 failed, 0 duplicated in every LeadSquared node row', nodeRows.length ? nodeRows.every((row) => !row.failedItems && !row.duplicatedItems) : undefined));
	lines.push(verdict('0 duplicated in every HTTP Request node row', rows.some((row) => HTTP.test(row.mode)) ? rows.filter((row) => HTTP.test(row.mode)).every((row) => !row.duplicatedItems) : undefined));
	for (const plan of [...new Set(rows.map(planOf))]) {
		const of = (test: (row: RowResult) => boolean) => rows.filter((row) => planOf(row) === plan && test(row));
		const batched = of((row) => row.mode.startsWith(BATCHED))[0];
		const others = of((row) => row.mode.startsWith(PER_ITEM) || HTTP.test(row.mode));
		const faster = batched && others.length ? others.map((row) => itemsPerSecondAt5s(batched) / Math.max(1e-9, itemsPerSecondAt5s(row))) : undefined;
		const ratio = faster?.map((times, index) => `${times.toFixed(1)}× ${others[index].mode}`).join(', ') ?? '';
		if (/Older Plan/.test(plan)) {
			const perItem = of((row) => row.mode.startsWith(PER_ITEM))[0];
			const notSlower = batched && perItem ? itemsPerSecondAt5s(batched) >= itemsPerSecondAt5s(perItem) : undefined;
			lines.push(verdict(`${plan}: batched not slower than per item (${ratio})`, notSlower));
		} else {
			lines.push(verdict(`${plan}: batched ≥ 10× the items/s of per item and of the HTTP Request node (${ratio})`, faster?.every((times) => times >= 10)));
			lines.push(verdict(`${plan}: batched ≤ 1.10 × the floor${batched ? ` (${(batched.wallMs / batched.floorMs).toFixed(2)})` : ''}`, batched ? batched.wallMs <= 1.1 * batched.floorMs : undefined));
		}
	}
	for (const row of rows.filter((entry) => entry.mode.startsWith(ACTIVITIES))) {
		lines.push(verdict(`${row.profile}: Activity → Post, batched ≤ 1.10 × the floor (${(row.wallMs / row.floorMs).toFixed(2)})`, row.wallMs <= 1.1 * row.floorMs));
	}
	for (const row of rows.filter((entry) => entry.mode.startsWith('queue'))) {
		const share = (100 * row.rateLimited) / Math.max(1, row.calls);
		lines.push(verdict(`${row.profile}, ${row.mode}: 429s ≤ 5 % of calls (${share.toFixed(1)} %)`, share <= 5));
	}
	console.log(`\nissue 16, done when (items/s compared at LeadSquared's 5 s window):\n${lines.map((line) => `  ${line}`).join('\n')}`);
}
