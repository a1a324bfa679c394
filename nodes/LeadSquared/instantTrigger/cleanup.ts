import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { sha256 } from '../transport/sha256';
import { trimSlashes } from '../transport/hosts';
import { eventByValue } from './events';
import type { RegistrationState, StoredRegistration, UrlRegistrations } from './registrationState';
import type { DeleteSession, RegisteredWebhook } from './webhookApi';
import { deleteWebhook, retrieveWebhook, searchWebhooks } from './webhookApi';

/** Put in every registration's description, so leftovers (a Create whose answer was lost…) can be found by search. */
export const markerOf = (url: string) => `n8n-webhook-${sha256(url).slice(0, 16)}`;

export const sameUrl = (a: string, b: string) => trimSlashes(a) === trimSlashes(b);

/** A registration still in LeadSquared after a clean-up, and why. */
export interface Leftover {
	id: string;
	event: string;
	url: string;
	reason: string;
}

/** LeadSquared's own words from a failed call (its ExceptionMessage, or the error's message). */
export function leadSquaredWords(error: unknown): string {
	const answer = ((error as { errorResponse?: IDataObject }).errorResponse?.leadSquaredResponse ?? undefined) as unknown;
	const said =
		answer && typeof answer === 'object' ? (answer as IDataObject).ExceptionMessage : typeof answer === 'string' ? answer.replace(/<[^>]*>/g, ' ') : undefined;
	const words = typeof said === 'string' && said.trim() ? said.replace(/\s+/g, ' ').trim() : (error as Error).message;
	return String(words).slice(0, 300);
}

/** This URL's webhooks as LeadSquared has them now: those of these IDs (if they still exist) and any carrying its marker. */
export async function registeredFor(this: IHookFunctions, url: string, ids: string[]): Promise<RegisteredWebhook[]> {
	const found: RegisteredWebhook[] = [];
	for (const id of new Set(ids)) {
		const webhook = await retrieveWebhook.call(this, id);
		if (webhook) found.push(webhook);
	}
	const marked = (await searchWebhooks.call(this, markerOf(url))).filter((webhook) => sameUrl(webhook.url, url));
	return [...found, ...marked.filter((webhook) => !found.some((known) => known.id === webhook.id))];
}

function eventNameOf(webhook: RegisteredWebhook, known?: StoredRegistration): string {
	return eventByValue(known?.event ?? '')?.name ?? (webhook.eventName || webhook.eventCodeName || 'unknown event');
}

/**
 * Deletes every registration of `url` (known or marked), then asks Retrieve whether any is
 * left: a Delete that answered 200 is not taken for proof. What is left stays in the state
 * (so the next activation tries again) and is returned.
 */
export async function removeRegistrations(this: IHookFunctions, state: RegistrationState, url: string, deleteUrl: string): Promise<Leftover[]> {
	const known = state.forUrl(url);
	const found = await registeredFor.call(this, url, (known?.webhooks ?? []).map(({ id }) => id));
	const session: DeleteSession = {};
	const reasons = new Map<string, string>();
	for (const webhook of found) {
		try {
			await deleteWebhook.call(this, webhook.id, deleteUrl, session);
		} catch (error) {
			reasons.set(webhook.id, `Delete failed: ${leadSquaredWords(error)}`);
		}
	}
	const left = found.length ? await registeredFor.call(this, url, found.map(({ id }) => id)) : [];
	const stored = (id: string) => known?.webhooks.find((webhook) => webhook.id === id);
	const leftovers = left.map((webhook) => ({
		id: webhook.id,
		event: eventNameOf(webhook, stored(webhook.id)),
		url: webhook.url || url,
		reason: reasons.get(webhook.id) ?? 'Delete answered as if it had deleted it, yet Retrieve still lists it',
	}));
	if (leftovers.length) {
		const webhooks = left.map((webhook) => stored(webhook.id) ?? { id: webhook.id, eventCode: 0 });
		state.save(url, { secretHash: known?.secretHash ?? '', webhooks } satisfies UrlRegistrations);
	} else {
		state.forget(url);
	}
	return leftovers;
}

/** What the user is told when registrations are left: which (ID, event, URL), why, and how to remove them. */
export function leftoversMessage(leftovers: Leftover[]): string {
	const list = leftovers.map(({ id, event, url }) => `${id} (${event}, posting to ${url})`).join('; ');
	const reasons = [...new Set(leftovers.map(({ reason }) => reason.replace(/[.\s]*$/, '.')))].join(' ');
	return (
		`${leftovers.length} LeadSquared webhook(s) of this trigger are still registered: ${list}. ${reasons} ` +
		'Remove them in LeadSquared (My Account > Settings > API and Webhooks > Webhooks), or set Options > Delete API URL (Override) ' +
		"if your account's Delete a Webhook API has another address; the node tries again at the next activation."
	);
}
