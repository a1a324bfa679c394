import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { EVENT_HEADER, matchesAnySecret, PROOF_HEADER } from './deliveryHeaders';
import { deliveryItems } from './deliveryItem';
import { eventOfHeader } from './events';
import { deliveryKey, isRepeat } from './recentDeliveries';
import { RegistrationState } from './registrationState';

/** Answers the request itself, at once; n8n then sends nothing more. */
function answer(context: IWebhookFunctions, status: number, body?: IDataObject): void {
	const response = context.getResponseObject();
	response.writeHead(status, body ? { 'Content-Type': 'application/json; charset=utf-8' } : {});
	response.end(body ? JSON.stringify(body) : undefined);
}

/** Whether the sender stopped waiting before n8n got to this delivery (n8n under a burst can take longer than LeadSquared waits). */
function senderGone(context: IWebhookFunctions): boolean {
	const socket = context.getRequestObject().socket;
	return !socket || socket.destroyed;
}

/** A request with no payload: LeadSquared verifies a webhook URL that way (a live probe). */
function hasNoPayload(context: IWebhookFunctions, body: unknown): boolean {
	const length = Number(context.getHeaderData()['content-length'] ?? NaN);
	if (length === 0) return true;
	if (body === undefined || body === null || body === '') return true;
	if (Array.isArray(body)) return body.length === 0;
	return typeof body === 'object' && Object.keys(body).length === 0;
}

/**
 * One call to the trigger's URL. Every call is answered 200, as LeadSquared's webhook best
 * practices ask (ten non-200 answers in a row disable a webhook, and only an admin can enable
 * it again); what went wrong is said in `StatusReason`. HEAD (LeadSquared's handshake), GET and
 * a POST with no payload (its verification) start nothing. A POST without one of the node's
 * secrets gets `{"Status":"Error"}` and starts nothing: it is a forgery, or a registration the
 * node no longer knows, which the next activation removes. Any other delivery is answered
 * before n8n stores anything (LeadSquared disables webhooks that answer late) and starts one
 * execution, with one item per payload, unless LeadSquared will send it again or already did
 * (see recentDeliveries).
 */
export function handleDelivery(this: IWebhookFunctions): IWebhookResponseData {
	if (this.getWebhookName() === 'setup') {
		answer(this, 200);
		return { noWebhookResponse: true };
	}
	const body = this.getBodyData() as unknown;
	if (hasNoPayload(this, body)) {
		answer(this, 200, { Status: 'Success', StatusReason: 'No payload: nothing to do' });
		return { noWebhookResponse: true };
	}
	const headers = this.getHeaderData();
	const secretHashes = new RegistrationState(this.getWorkflowStaticData('node')).secretHashes();
	if (!matchesAnySecret(headers[PROOF_HEADER], secretHashes)) {
		answer(this, 200, { Status: 'Error', StatusReason: 'Not a delivery of this trigger: its secret header is missing or wrong' });
		return { noWebhookResponse: true };
	}
	// Too late: LeadSquared counts the delivery as failed and sends it again; starting now would run it twice.
	if (senderGone(this)) return { noWebhookResponse: true };
	// The mode tells a test listener's delivery from the production one: each starts its own execution.
	const repeat = isRepeat(deliveryKey(this.getWorkflow().id, this.getNode().name, this.getMode(), headers[EVENT_HEADER], body));
	answer(this, 200, { Status: 'Success', StatusReason: repeat ? 'Already received' : '' });
	if (repeat) return { noWebhookResponse: true };
	const items = deliveryItems(body, eventOfHeader(headers[EVENT_HEADER]), new Date());
	return { noWebhookResponse: true, workflowData: [items.map((json) => ({ json }))] };
}
