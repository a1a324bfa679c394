import type { ActivityType, OpportunityType, TaskType } from './catalog';
import { ACTIVITY_TYPES, OPPORTUNITY_TYPES, TASK_TYPES } from './catalog';
import { isObject, lsqDate } from './common';
import type { Crm } from './crm';
import { captureLead, parseLeadPairs } from './leadWrites';
import { salesActivities } from './salesActivities';
import type { CrmStore } from './store';
import { leadView } from './store';
import type { DeliveryOptions } from './webhookDelivery';
import { landingPagePayload } from './webhookPayloads';
import { webhookRow } from './webhooks';

type Input = Record<string, unknown>;

const ENTITIES = ['leads', 'activities', 'tasks', 'opportunities', 'notes', 'webhooks'] as const;

function storeOf(crm: Crm, accessKey: unknown): CrmStore {
	const store = crm.storeForKey(typeof accessKey === 'string' ? accessKey : undefined);
	if (!store) throw new Error(`No sandbox account with access key '${String(accessKey)}'`);
	return store;
}

function list(store: CrmStore, entity: string): unknown {
	switch (entity) {
		case 'leads':
			return store.leads().map((lead) => leadView(store, lead));
		case 'activities':
		case 'tasks':
		case 'opportunities':
		case 'notes':
			return store[entity];
		case 'salesActivities':
			return salesActivities(store);
		case 'webhooks':
			return store.webhooks.map((w) => ({ ...webhookRow(w), consecutiveFailures: w.consecutiveFailures }));
		case 'activityTypes':
		case 'taskTypes':
		case 'opportunityTypes':
			return store[entity];
		default:
			throw new Error(`Unknown CRM entity '${entity}'`);
	}
}

/** Seeds without going through the API: no validation beyond shape, no webhooks fired. */
function seed(store: CrmStore, input: Input) {
	const leads = (Array.isArray(input.leads) ? input.leads : []).map((fields) => {
		if (!isObject(fields)) throw new Error('Each seeded lead is an object of lead fields');
		const text = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value ?? '')]));
		return store.insertLead(text, 'sandbox-seed').id;
	});
	if (Array.isArray(input.activityTypes)) store.activityTypes.push(...(input.activityTypes as ActivityType[]));
	if (Array.isArray(input.taskTypes)) store.taskTypes.push(...(input.taskTypes as TaskType[]));
	if (Array.isArray(input.opportunityTypes)) store.opportunityTypes.push(...(input.opportunityTypes as OpportunityType[]));
	return { leadIds: leads };
}

function clear(store: CrmStore, input: Input) {
	const entities = Array.isArray(input.entities) ? (input.entities as string[]) : [...ENTITIES, 'salesActivities', 'types'];
	for (const entity of entities) {
		if (entity === 'leads') store.removeLeads();
		else if (entity === 'salesActivities') salesActivities(store).length = 0;
		else if (entity === 'types') {
			store.activityTypes.splice(0, Infinity, ...structuredClone(ACTIVITY_TYPES));
			store.taskTypes.splice(0, Infinity, ...structuredClone(TASK_TYPES));
			store.opportunityTypes.splice(0, Infinity, ...structuredClone(OPPORTUNITY_TYPES));
		} else if ((ENTITIES as readonly string[]).includes(entity))
			(store[entity as Exclude<(typeof ENTITIES)[number], 'leads'>] as unknown[]).length = 0;
		else throw new Error(`Unknown CRM entity '${entity}'`);
	}
	return { cleared: entities };
}

/** A visitor submits a landing-page form: the lead is captured and "landing page submission" webhooks fire. */
function landingPage(store: CrmStore, input: Input) {
	const pageUrl = input.pageUrl;
	if (typeof pageUrl !== 'string' || !pageUrl.trim()) throw new Error('pageUrl is required');
	if (!isObject(input.fields)) throw new Error('fields (lead fields of the form) is required');
	const pairs = Object.entries(input.fields).map(([Attribute, Value]) => ({ Attribute, Value }));
	const leadInput = parseLeadPairs(pairs, store, 'fields');
	const { lead, created } = captureLead(store, leadInput, `landing-page:${pageUrl}`);
	store.emit(1, landingPagePayload(store, lead, pageUrl, leadInput.fields), { landingPageUrl: pageUrl });
	return { leadId: lead.id, created, submittedOn: lsqDate(store.now()) };
}

/** LeadSquared verifying a webhook's URL: a POST with no payload (a live probe; when LeadSquared sends it is not published). */
function verify(crm: Crm, webhookId: string) {
	for (const store of crm.allStores()) {
		const webhook = store.webhooks.find((candidate) => candidate.id === webhookId);
		if (webhook) return (crm.dispatcher.verify(store, webhook), { verifying: webhookId });
	}
	throw new Error(`no webhook ${webhookId}`);
}

/** Control endpoints of the CRM, merged into the server's /__sandbox/ routes. */
export function crmControlRoutes(crm: Crm, input: Input, url: URL): Record<string, () => unknown> {
	const query = url.searchParams;
	const routes: Record<string, () => unknown> = {
		'POST /__sandbox/crm/seed': () => seed(storeOf(crm, input.accessKey), input),
		'POST /__sandbox/crm/clear': () => clear(storeOf(crm, input.accessKey), input),
		'GET /__sandbox/webhooks': () => crm.allStores().flatMap((store) => list(store, 'webhooks') as unknown[]),
		'GET /__sandbox/webhooks/deliveries': () =>
			crm.dispatcher.attempts.filter(
				(a) =>
					(!query.get('webhookId') || a.webhookId === query.get('webhookId')) &&
					(!query.get('event') || String(a.event) === query.get('event')),
			),
		'POST /__sandbox/webhooks/deliveries/clear': () => ({ cleared: crm.dispatcher.attempts.splice(0).length }),
		'POST /__sandbox/webhooks/delivery': () => (crm.setDelivery(input as Partial<DeliveryOptions>), crm.dispatcher.options),
		'POST /__sandbox/webhooks/verify': () => verify(crm, String(input.webhookId ?? '')),
		'POST /__sandbox/landing-page': () => landingPage(storeOf(crm, input.accessKey), input),
	};
	const entity = /^\/__sandbox\/crm\/([A-Za-z]+)$/.exec(url.pathname)?.[1];
	if (entity && !['seed', 'clear'].includes(entity))
		routes[`GET ${url.pathname}`] = () => list(storeOf(crm, query.get('accessKey') ?? undefined), entity);
	return routes;
}
