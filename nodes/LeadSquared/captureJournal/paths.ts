import { homedir } from 'os';
import { join } from 'path';

/**
 * Where the capture journal and the trigger's state live: `LEADSQUARED_JOURNAL_DIR` if set
 * (a volume shared by n8n's main and workers in queue mode), else `leadsquared/` in n8n's
 * own folder (`N8N_USER_FOLDER` or the home folder, + `.n8n`, as n8n resolves it).
 */
export function storageRoot(): string {
	const override = process.env.LEADSQUARED_JOURNAL_DIR?.trim();
	if (override) return override;
	const userFolder = process.env.N8N_USER_FOLDER?.trim() || homedir();
	return join(userFolder, '.n8n', 'leadsquared');
}

/** One journal folder per LeadSquared account (`Account.id`: a hash of API host + access key). */
export function accountJournalDir(accountId: string): string {
	return join(storageRoot(), 'journal', accountId);
}

export function triggerStateDir(): string {
	return join(storageRoot(), 'trigger-state');
}

const DEFAULT_RETENTION_HOURS = 72;

/**
 * How long journal segments are kept. A trigger that is inactive for longer misses the
 * requests submitted before then; its own state keeps what it has already read.
 */
export function journalRetentionMs(): number {
	const hours = Number(process.env.LEADSQUARED_JOURNAL_RETENTION_HOURS);
	return (Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_RETENTION_HOURS) * 3_600_000;
}

/** Lets users who never use the trigger keep lead data off the disk. */
export function journalDisabled(): boolean {
	return ['1', 'true', 'yes'].includes(String(process.env.LEADSQUARED_JOURNAL_DISABLED ?? '').trim().toLowerCase());
}
