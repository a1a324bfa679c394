import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { EVENT_HEADER, matchesAnySecret, PROOF_HEADER } from './deliveryHeaders';
import { deliveryItems } from './deliveryItem';
import { eventByCode } from './events';
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

/**
 * One call to the trigger's URL. HEAD (LeadSquared's handshake) gets 200. A POST without
 * one of the node's secrets gets 401 and starts nothing: LeadSquared's own deliveries
 * always carry the secret, so the 401 only reaches forgers, or a stale registration that
 * should stop. Any other delivery is answered 200 before n8n stores anything (LeadSquared
 * disables webhooks that answer late or fail) and starts one execution, unless LeadSquared
 * will send it again or already did (see recentDeliveries).
 */
export function handleDelivery(this: IWebhookFunctions): IWebhookResponseData {
	if (this.getWebhookName() === 'setup') {
		answer(this, 200);
		return { noWebhookResponse: true };
	}
	const headers = this.getHeaderData();
	const secretHashes = new RegistrationState(this.getWorkflowStaticData('node')).secretHashes();
	if (!matchesAnySecret(headers[PROOF_HEADER], secretHashes)) {
		answer(this, 401, { Status: 'Error', StatusReason: 'This URL takes only deliveries of its own LeadSquared webhooks' });
		return { noWebhookResponse: true };
	}
	// Too late: LeadSquared counts the delivery as failed and sends it again; starting now would run it twice.
	if (senderGone(this)) return { noWebhookResponse: true };
	const body = this.getBodyData();
	// The mode tells a test listener's delivery from the production one: each starts its own execution.
	const repeat = isRepeat(deliveryKey(this.getWorkflow().id, this.getNode().name, this.getMode(), headers[EVENT_HEADER], body));
	answer(this, 200, { Status: 'Success', StatusReason: repeat ? 'Already received' : '' });
	if (repeat) return { noWebhookResponse: true };
	const items = deliveryItems(body, eventByCode(Number(headers[EVENT_HEADER])), new Date());
	return { noWebhookResponse: true, workflowData: [items.map((json) => ({ json }))] };
}
