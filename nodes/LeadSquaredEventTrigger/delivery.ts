import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { EVENT_HEADER, matchesAnySecret, SECRET_HEADER } from './deliveryHeaders';
import { deliveryItems } from './deliveryItem';
import { eventByCode } from './events';
import { RegistrationState } from './registrationState';

/** Answers the request itself; n8n then sends nothing more and starts no execution. */
function answer(context: IWebhookFunctions, status: number, body?: IDataObject): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, body ? { 'Content-Type': 'application/json; charset=utf-8' } : {});
	response.end(body ? JSON.stringify(body) : undefined);
	return { noWebhookResponse: true };
}

/**
 * One call to the trigger's URL. HEAD (LeadSquared's handshake) gets 200. A POST without
 * one of the node's secrets gets 401 and starts nothing: LeadSquared's own deliveries
 * always carry the secret, so the 401 only reaches forgers, or a stale registration that
 * should stop. Every other delivery starts one execution and is answered 200 at once
 * (the webhook's response mode is "on received"), as LeadSquared wants.
 */
export function handleDelivery(this: IWebhookFunctions): IWebhookResponseData {
	if (this.getWebhookName() === 'setup') return answer(this, 200);
	const headers = this.getHeaderData();
	const secrets = new RegistrationState(this.getWorkflowStaticData('node')).secrets();
	if (!matchesAnySecret(headers[SECRET_HEADER], secrets)) {
		return answer(this, 401, { Status: 'Error', StatusReason: 'This URL takes only deliveries of its own LeadSquared webhooks' });
	}
	const event = eventByCode(Number(headers[EVENT_HEADER]));
	const items = deliveryItems(this.getBodyData(), event, new Date());
	return {
		webhookResponse: { Status: 'Success', StatusReason: '' },
		workflowData: [items.map((json) => ({ json }))],
	};
}
