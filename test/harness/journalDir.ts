import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** Gives each test its own journal and trigger state (the package reads the variable on every use). */
export function useFreshJournalDir(): () => string {
	let dir = '';
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'lsq-journal-'));
		process.env.LEADSQUARED_JOURNAL_DIR = dir;
	});
	afterAll(() => {
		delete process.env.LEADSQUARED_JOURNAL_DIR;
	});
	return () => dir;
}
