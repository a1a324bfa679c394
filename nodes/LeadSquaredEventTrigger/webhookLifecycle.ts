import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sha256 } from '../LeadSquared/helpers/sha256';
import { trimSlashes } from '../LeadSquared/transport/hosts';
import { carries, deliveryHeaders, newSecret } from './deliveryHeaders';
import type { UrlRegistrations } from './registrationState';
import { RegistrationState } from './registrationState';
import type { TriggerSettings } from './settings';
import { deleteApiUrl, readSettings } from './settings';
import type { RegisteredWebhook } from './webhookApi';
import { createWebhook, deleteWebhook, retrieveWebhook, searchWebhooks } from './webhookApi';

/**
 * n8n's webhook methods for the trigger: on activation `checkExists`, then `create` if it
 * said no; on deactivation `delete`. LeadSquared's Create takes one event, so the node has
 * one registration per event, all posting to its one URL.
 */

const stateOf = (context: IHookFunctions) => new RegistrationState(context.getWorkflowStaticData('node'));

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

/** Put in every registration's description, so leftovers (a Create whose answer was lost…) can be found by search. */
const markerOf = (url: string) => `n8n-webhook-${sha256(url).slice(0, 16)}`;

const sameUrl = (a: string, b: string) => trimSlashes(a) === trimSlashes(b);

/** This URL's webhooks as LeadSquared has them now: those the state names (if they still exist) and any carrying its marker. */
async function registeredFor(this: IHookFunctions, url: string, registrations?: UrlRegistrations): Promise<RegisteredWebhook[]> {
	const found: RegisteredWebhook[] = [];
	for (const { id } of registrations?.webhooks ?? []) {
		const webhook = await retrieveWebhook.call(this, id);
		if (webhook) found.push(webhook);
	}
	const marked = (await searchWebhooks.call(this, markerOf(url))).filter((webhook) => sameUrl(webhook.url, url));
	return [...found, ...marked.filter((webhook) => !found.some((known) => known.id === webhook.id))];
}

/** Whether LeadSquared holds exactly the registrations the settings ask for, enabled, at this URL, with this secret. */
function upToDate(found: RegisteredWebhook[], registrations: UrlRegistrations, settings: TriggerSettings, url: string): boolean {
	const wanted = settings.events.map((event) => event.code).sort((a, b) => a - b);
	const have = registrations.webhooks.map((webhook) => webhook.eventCode).sort((a, b) => a - b);
	if (wanted.join() !== have.join() || found.length !== registrations.webhooks.length) return false;
	return registrations.webhooks.every(({ id, eventCode }) => {
		const webhook = found.find((candidate) => candidate.id === id);
		return (
			webhook !== undefined &&
			webhook.enabled &&
			sameUrl(webhook.url, url) &&
			(webhook.headers === undefined || carries(webhook.headers, registrations.secretHash, eventCode))
		);
	});
}

/**
 * Deletes every registration of `url` (known or marked) and forgets them. One that cannot
 * be deleted stays in the state, so the next activation tries again; returns whether all went.
 */
async function removeRegistrations(this: IHookFunctions, state: RegistrationState, url: string, deleteUrl: string): Promise<boolean> {
	const known = state.forUrl(url);
	const found = await registeredFor.call(this, url, known);
	const left: UrlRegistrations['webhooks'] = [];
	for (const webhook of found) {
		try {
			await deleteWebhook.call(this, webhook.id, deleteUrl);
		} catch {
			left.push({ id: webhook.id, eventCode: known?.webhooks.find(({ id }) => id === webhook.id)?.eventCode ?? 0 });
		}
	}
	if (left.length) state.save(url, { secretHash: known?.secretHash ?? '', webhooks: left });
	else state.forget(url);
	return left.length === 0;
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const settings = readSettings.call(this);
	const deleteUrl = deleteApiUrl.call(this);
	const state = stateOf(this);
	// A test run gets a copy of the production state: only an activation may clean up other URLs (an old WEBHOOK_URL…).
	if (this.getMode() !== 'manual') {
		for (const otherUrl of state.otherUrls(url)) await removeRegistrations.call(this, state, otherUrl, deleteUrl);
	}
	const registrations = state.forUrl(url);
	if (registrations && upToDate(await registeredFor.call(this, url, registrations), registrations, settings, url)) return true;
	if (!(await removeRegistrations.call(this, state, url, deleteUrl))) {
		throw new NodeOperationError(this.getNode(), 'Could not remove the outdated LeadSquared webhooks of this trigger', {
			description: 'Check that the credential belongs to a LeadSquared admin, and the Delete API URL (Override) option.',
		});
	}
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
	try {
		for (const event of settings.events) {
			const id = await createWebhook.call(this, {
				description: `n8n workflow "${String(workflowName ?? '').slice(0, 120)}": ${event.name} [${markerOf(url)}]`,
				url,
				eventCode: event.code,
				headers: deliveryHeaders(secret, event.code),
				notifyOnFailure: settings.notifyOnFailure,
				landingPageUrls: event.value === 'landingPageSubmission' ? settings.landingPageUrls : [],
			});
			registrations.webhooks.push({ id, eventCode: event.code });
		}
	} catch (error) {
		// n8n's clean-up after a failed activation reads the static data saved before it, without these IDs: undo here.
		state.save(url, registrations);
		await removeRegistrations.call(this, state, url, deleteUrl).catch(() => false);
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	state.save(url, registrations);
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	try {
		return await removeRegistrations.call(this, stateOf(this), webhookUrl(this), deleteApiUrl.call(this));
	} catch {
		return false;
	}
}
