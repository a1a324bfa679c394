import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isHttpUrl } from '../LeadSquared/transport';
import type { TriggerEvent } from './events';
import { eventByValue } from './events';

export interface TriggerSettings {
	events: TriggerEvent[];
	landingPageUrls: string[];
	notifyOnFailure: boolean;
}

function fail(context: IHookFunctions, message: string): never {
	throw new NodeOperationError(context.getNode(), message);
}

/** The Delete API URL (Override) option: empty for the built-in address. */
export function deleteApiUrl(this: IHookFunctions): string {
	const url = String((this.getNodeParameter('options', {}) as IDataObject).endpointUrl ?? '').trim();
	if (url && !isHttpUrl(url)) fail(this, `Delete API URL (Override) "${url.slice(0, 80)}" is not an http(s) URL`);
	return url;
}

/** What to register, checked before anything is sent to LeadSquared. */
export function readSettings(this: IHookFunctions): TriggerSettings {
	// The nodes panel adds the node with one event as a plain value when the user picks it there.
	const chosen = [this.getNodeParameter('events', [])].flat() as string[];
	const events = [...new Set(chosen)].map((value) => eventByValue(value) ?? fail(this, `Unknown event "${String(value).slice(0, 60)}"`));
	if (!events.length) fail(this, 'Choose at least one event in Events');
	const landingPageUrls = events.some((event) => event.value === 'landingPageSubmission')
		? String(this.getNodeParameter('landingPageUrls', '') ?? '')
				.split(',')
				.map((url) => url.trim())
				.filter(Boolean)
		: [];
	const notUrl = landingPageUrls.find((url) => !isHttpUrl(url));
	if (notUrl) fail(this, `Landing Page URLs: "${notUrl.slice(0, 80)}" is not an http(s) URL`);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return { events, landingPageUrls, notifyOnFailure: options.notifyOnFailure === true };
}
