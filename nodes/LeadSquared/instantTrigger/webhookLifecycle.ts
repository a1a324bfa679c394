import type { IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { sha256 } from '../transport/sha256';
import type { Leftover } from './cleanup';
import { leftoversMessage, markerOf, registeredFor, removeRegistrations, sameUrl } from './cleanup';
import { carries, deliveryHeaders, newSecret } from './deliveryHeaders';
import { registerOne } from './registration';
import type { UrlRegistrations } from './registrationState';
import { RegistrationState } from './registrationState';
import type { TriggerSettings } from './settings';
import { deleteApiUrl, readSettings } from './settings';
import type { RegisteredWebhook } from './webhookApi';

/**
 * n8n's webhook methods for the trigger: on activation `checkExists`, then `create` if it
 * said no; on deactivation `delete`. LeadSquared's Create takes one event (and one activity
 * or opportunity type), so the node has one registration per event and type, all posting to
 * its one URL.
 */

const stateOf = (context: IHookFunctions) => new RegistrationState(context.getWorkflowStaticData('node'));

/** Who a log line is about: n8n's log does not say which workflow a node's message comes from. */
function logPrefix(context: IHookFunctions): string {
	const { id, name } = context.getWorkflow();
	return `LeadSquared Instant Trigger "${context.getNode().name}" of workflow "${String(name ?? '')}" (${String(id ?? '')})`;
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

const keyOf = (event: string | undefined, target: string | undefined) => `${event ?? '?'}|${target ?? ''}`;

/** Whether LeadSquared holds exactly the registrations the settings ask for, enabled, at this URL, with this secret. */
function upToDate(found: RegisteredWebhook[], registrations: UrlRegistrations, settings: TriggerSettings, url: string): boolean {
	const wanted = settings.registrations.map(({ event, target }) => keyOf(event.value, target)).sort();
	const have = registrations.webhooks.map(({ event, target }) => keyOf(event, target)).sort();
	if (wanted.join() !== have.join() || found.length !== registrations.webhooks.length) return false;
	return registrations.webhooks.every(({ id, event }) => {
		const webhook = found.find((candidate) => candidate.id === id);
		return (
			webhook !== undefined &&
			webhook.enabled &&
			sameUrl(webhook.url, url) &&
			(webhook.headers === undefined || carries(webhook.headers, registrations.secretHash, event ?? ''))
		);
	});
}

function failWithLeftovers(context: IHookFunctions, leftovers: Leftover[], before?: string): never {
	throw new NodeOperationError(context.getNode(), [before, leftoversMessage(leftovers)].filter(Boolean).join(' '), {
		description: 'Check that the credential belongs to a LeadSquared admin, and the Delete API URL (Override) option.',
	});
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const settings = readSettings.call(this);
	const deleteUrl = deleteApiUrl.call(this);
	const state = stateOf(this);
	// A test run gets a copy of the production state: only an activation may clean up other URLs (an old WEBHOOK_URL…).
	if (this.getMode() !== 'manual') {
		const elsewhere: Leftover[] = [];
		for (const otherUrl of state.otherUrls(url)) elsewhere.push(...(await removeRegistrations.call(this, state, otherUrl, deleteUrl)));
		// They stay in the state under their own URL, so the next activation tries again; they do not post to this URL.
		if (elsewhere.length) this.logger.error(`${logPrefix(this)}: ${leftoversMessage(elsewhere)}`);
	}
	const registrations = state.forUrl(url);
	const ids = (registrations?.webhooks ?? []).map(({ id }) => id);
	if (registrations && upToDate(await registeredFor.call(this, url, ids), registrations, settings, url)) return true;
	const leftovers = await removeRegistrations.call(this, state, url, deleteUrl);
	if (leftovers.length) failWithLeftovers(this, leftovers, 'Could not remove the outdated LeadSquared webhooks of this trigger, so it registers none.');
	return false;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const settings = readSettings.call(this);
	const deleteUrl = deleteApiUrl.call(this);
	const state = stateOf(this);
	const secret = newSecret();
	const registrations: UrlRegistrations = { secretHash: sha256(secret), webhooks: [] };
	const { name: workflowName } = this.getWorkflow();
	const common = {
		url,
		description: (label: string) => `n8n workflow "${String(workflowName ?? '').slice(0, 120)}": ${label} [${markerOf(url)}]`,
		headers: (event: string) => deliveryHeaders(secret, event),
		notifyOnFailure: settings.notifyOnFailure,
		landingPageUrls: settings.landingPageUrls,
		deleteUrl,
		registrations,
	};
	try {
		for (const planned of settings.registrations) await registerOne.call(this, planned, common);
	} catch (error) {
		// n8n's clean-up after a failed activation reads the static data saved before it, without these IDs: undo here.
		state.save(url, common.registrations);
		const leftovers = await removeRegistrations.call(this, state, url, deleteUrl).catch((undoError: Error) =>
			common.registrations.webhooks.map(({ id, event }) => ({ id, event: event ?? '', url, reason: `The undo failed: ${undoError.message}` })),
		);
		if (leftovers.length) failWithLeftovers(this, leftovers, `${(error as Error).message} Undoing the activation failed too.`);
		throw error instanceof NodeOperationError || error instanceof NodeApiError ? error : new NodeOperationError(this.getNode(), error as Error);
	}
	state.save(url, common.registrations);
	return true;
}

/**
 * n8n ignores what `delete` returns, and when it throws, n8n (1.x and 2.x) only logs
 * "Could not remove webhooks of workflow …", skips saving the static data (so the node would
 * forget what is left) and keeps its own webhook entries. So a clean-up that leaves
 * registrations is logged here, naming them, and returns false; the next activation tries again.
 */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const state = stateOf(this);
	let url = '';
	try {
		url = webhookUrl(this);
		const leftovers = await removeRegistrations.call(this, state, url, deleteApiUrl.call(this));
		if (!leftovers.length) return true;
		this.logger.error(`${logPrefix(this)}: ${leftoversMessage(leftovers)}`);
	} catch (error) {
		const known = state.forUrl(url)?.webhooks.map(({ id }) => id).join(', ') || 'none known';
		this.logger.error(
			`${logPrefix(this)}: could not remove its LeadSquared webhooks (${known}) for ${url || 'its URL'}: ${(error as Error).message}. ` +
				'Remove them in LeadSquared (My Account > Settings > API and Webhooks > Webhooks); the node tries again at the next activation.',
		);
	}
	return false;
}
