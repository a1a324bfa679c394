import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { leadSquaredWords, leftoversMessage } from './cleanup';
import type { UrlRegistrations } from './registrationState';
import type { PlannedRegistration } from './settings';
import { registrationLabel } from './settings';
import type { CustomHeader, DeleteSession } from './webhookApi';
import { createWebhook, deleteWebhook, retrieveWebhook } from './webhookApi';

/** What every registration of one activation shares. */
export interface RegistrationCommon {
	url: string;
	description: (eventName: string) => string;
	headers: (event: string) => CustomHeader[];
	notifyOnFailure: boolean;
	landingPageUrls: string[];
	deleteUrl: string;
	/** Every webhook created so far, so a failure can undo them (filled in as they are created). */
	registrations: UrlRegistrations;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const status = (error: unknown) => {
	const code = (error as { httpCode?: unknown }).httpCode;
	return code ? ` (${String(code)})` : '';
};

/**
 * Registers one event (for one activity or opportunity type), trying its WebhookEvent numbers
 * in order, and reads each registration back: a number LeadSquared files under another event
 * (a live probe found opportunity numbers shifted on one account) is deleted again, and the
 * next one is tried. Throws, naming what LeadSquared refused and what the node sent.
 */
export async function registerOne(this: IHookFunctions, planned: PlannedRegistration, common: RegistrationCommon): Promise<void> {
	const { event, target } = planned;
	const label = registrationLabel(event, target);
	const body = event.body.build(target);
	const tried: string[] = [];
	for (const { code, source } of event.codes) {
		let id: string;
		try {
			id = await createWebhook.call(this, {
				description: common.description(label),
				url: common.url,
				eventCode: code,
				headers: common.headers(event.value),
				notifyOnFailure: common.notifyOnFailure,
				landingPageUrls: event.value === 'landingPageSubmission' ? common.landingPageUrls : [],
				body,
			});
		} catch (error) {
			tried.push(`WebhookEvent ${code} (${source === 'page' ? "the Create a Webhook page's number" : "a live probe's number"}) was refused${status(error)}: ${leadSquaredWords(error)}`);
			continue;
		}
		common.registrations.webhooks.push({ id, eventCode: code, event: event.value, target });
		const registered = await retrieveWebhook.call(this, id);
		if (!registered) {
			throw new NodeOperationError(this.getNode(), `LeadSquared answered the registration of ${label} with ID ${id}, but Retrieve does not list that webhook`);
		}
		if (!registered.eventCodeName || sameName(registered.eventCodeName, event.registeredAs)) return;
		tried.push(`WebhookEvent ${code} was registered as ${registered.eventCodeName}, not ${event.registeredAs}, so the node deleted it again`);
		await discard.call(this, id, label, common);
	}
	const sent = JSON.stringify({ WebhookEvent: event.codes.map(({ code }) => String(code)).join(' | '), ...body });
	throw new NodeOperationError(
		this.getNode(),
		`LeadSquared refused the registration of ${label}: ${tried.join('; ')}. ${capitalized(event.body.source)}. Sent: ${sent} (besides Description, URL, Method, ContentType, NotifyOnFailure and CustomHeaders).`,
	);
}

/** Deletes a registration filed under the wrong event, and confirms it is gone. */
async function discard(this: IHookFunctions, id: string, label: string, common: RegistrationCommon): Promise<void> {
	const session: DeleteSession = {};
	let reason = 'Delete answered as if it had deleted it, yet Retrieve still lists it';
	try {
		await deleteWebhook.call(this, id, common.deleteUrl, session);
	} catch (error) {
		reason = `Delete failed: ${leadSquaredWords(error)}`;
	}
	if (await retrieveWebhook.call(this, id)) {
		throw new NodeOperationError(this.getNode(), leftoversMessage([{ id, event: `filed under another event while registering ${label}`, url: common.url, reason }]));
	}
	common.registrations.webhooks = common.registrations.webhooks.filter((webhook) => webhook.id !== id);
}
