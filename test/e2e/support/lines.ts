import type { N8nLine } from './tooling';
import { N8N_LINES } from './tooling';

/** The n8n lines to test, from N8N_LINES ("1,2" by default). An unknown line is an error, never a skip. */
export function e2eLines(value = process.env.N8N_LINES ?? '1,2'): N8nLine[] {
	const lines = value
		.split(',')
		.map((line) => line.trim())
		.filter(Boolean);
	const unknown = lines.filter((line) => !(line in N8N_LINES));
	if (unknown.length || !lines.length) {
		throw new Error(`N8N_LINES="${value}": use a comma-separated list of ${Object.keys(N8N_LINES).join(', ')}`);
	}
	return lines as N8nLine[];
}

/** One line, from N8N_LINE ("1" by default), for the demo and the benchmark. */
export function singleLine(value = process.env.N8N_LINE ?? '1'): N8nLine {
	const [line, ...rest] = e2eLines(value);
	if (rest.length) throw new Error(`N8N_LINE="${value}": give one line`);
	return line;
}
