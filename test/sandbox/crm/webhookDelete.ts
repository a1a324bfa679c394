import type { Json } from './common';
import { fail, mandatoryMissing, objectBody, optionalText, rejectUnknownKeys, reply, sameId } from './common';
import type { CrmContext, CrmRoute, CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BUSINESS_EXCEPTION_STATUS, METHOD_NOT_ALLOWED, WEBHOOK_DELETE_PATH } from './unconfirmed';

/**
 * Webhook.svc/Delete in the form the account takes (`webhookDeleteForm`): `GET ?webhookId=`, as a
 * live probe found (its page could not be read), or `POST {WebhookId}`. The other method gets the
 * 405 IIS / WCF give a method an operation does not take.
 */
export const webhookNotFound = (): never =>
	fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Webhook not found');

function remove(store: CrmStore, id: string | undefined) {
	if (!id?.trim()) mandatoryMissing("'WebhookId' is mandatory");
	const index = store.webhooks.findIndex((w) => sameId(w.id, id!.trim()));
	if (index < 0) webhookNotFound();
	store.webhooks.splice(index, 1);
	return reply({ Status: 'Success', Message: { AffectedRows: 1 } });
}

/** The query parameter, whatever its case (WCF matches query names without regard to case). */
const queryValue = (query: URLSearchParams, name: string) => [...query.entries()].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

function deleteRoute(form: 'get' | 'post', read: (ctx: CrmContext) => string | undefined): CrmRoute {
	return {
		optionalBody: true,
		handler: (ctx) => {
			if (ctx.store.webhookDeleteForm !== form) return { ...METHOD_NOT_ALLOWED, headers: { Allow: form === 'get' ? 'POST' : 'GET' } };
			return remove(ctx.store, read(ctx));
		},
	};
}

export function webhookDeleteRoutes(): CrmRoutes {
	return {
		[`GET ${WEBHOOK_DELETE_PATH}`]: deleteRoute('get', ({ query }) => queryValue(query, 'webhookId')),
		[`POST ${WEBHOOK_DELETE_PATH}`]: deleteRoute(
			'post',
			({ body }) => {
				const request: Json = objectBody(body);
				rejectUnknownKeys(request, ['WebhookId']);
				return optionalText(request, 'WebhookId');
			},
		),
	};
}
