import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { appendToJournal } from '../../captureJournal/append';
import { journalDisabled } from '../../captureJournal/paths';
import { now } from '../../helpers/clock';
import { getAccount } from '../../transport';
import type { Account } from '../../transport/account';
import type { LeadCapture } from './leadFields';

/** The account of one execution's node run, looked up once for all its items. */
const accounts = new WeakMap<IExecuteFunctions, Promise<Account>>();

async function accountOf(context: IExecuteFunctions): Promise<Account> {
	let account = accounts.get(context);
	if (!account) {
		account = getAccount.call(context);
		accounts.set(context, account);
	}
	return await account;
}

/**
 * Hands an accepted capture to the LeadSquared Trigger through the account's journal.
 * Never throws: the capture already happened, so its RequestID must reach the output
 * whatever the disk does. Returns fields to add to the item only when it is not watched.
 */
export async function registerForTrigger(
	this: IExecuteFunctions,
	requestId: string,
	capture: LeadCapture,
): Promise<IDataObject> {
	if (journalDisabled()) {
		return { watchedByTrigger: false, watchedByTriggerReason: 'LEADSQUARED_JOURNAL_DISABLED is set' };
	}
	try {
		const account = await accountOf(this);
		await appendToJournal(account.id, {
			requestId,
			submittedAt: now(),
			workflowId: this.getWorkflow().id ?? null,
			executionId: this.getExecutionId() ?? null,
			nodeName: this.getNode().name,
			searchBy: capture.searchBy ?? null,
			submitted: capture.fields,
		});
		return {};
	} catch (error) {
		return {
			watchedByTrigger: false,
			watchedByTriggerReason: `Could not record the request for the LeadSquared Trigger: ${(error as Error).message}`,
		};
	}
}
