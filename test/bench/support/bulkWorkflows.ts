import { EXAMPLE_CREDENTIAL_NAME } from '../../demo/exampleWorkflows';
import { leadBy, PHONE_CALL } from '../../harness/crmFixtures';
import type { WorkflowJson, WorkflowNode } from '../../e2e/support/tooling';
import { ENDPOINTS } from '../../../nodes/LeadSquared/transport/endpoints';
import { ONE_CALL_PER_ITEM } from '../../../nodes/LeadSquared/helpers/batches';
import { httpRequestNode } from './httpRequestNode';

/** The sending node's name in every bench workflow: its output is what the bench reads. */
export const SENDER = 'Send';

/** How the LeadSquared node sends: its default (bulk calls for more than one item) or one call per item. */
export type SendMode = 'batched' | 'per item';

type SenderNode = Pick<WorkflowNode, 'type' | 'typeVersion' | 'parameters' | 'credentials'>;

const LEADSQUARED = { type: 'n8n-nodes-leadsquared.leadSquared', typeVersion: 1, credentials: { leadSquaredApi: { id: null, name: EXAMPLE_CREDENTIAL_NAME } } };

/** The node's Options → Send One Call per Item; batched rows keep the defaults, as a user who never opens Options. */
function sendModeParameters(mode: SendMode): Record<string, unknown> {
	return mode === 'per item' ? { options: { [ONE_CALL_PER_ITEM]: true } } : {};
}

/** Lead → Create or Update, the lead's fields as JSON: each item is a whole lead. */
export function leadUpsertNode(mode: SendMode): SenderNode {
	return { ...LEADSQUARED, parameters: { resource: 'lead', operation: 'upsert', fieldsMode: 'json', json: '={{ $json }}', ...sendModeParameters(mode) } };
}

/** Activity → Post on a lead by its ID. */
export function activityPostNode(mode: SendMode): SenderNode {
	return {
		...LEADSQUARED,
		parameters: {
			resource: 'activity',
			operation: 'post',
			lead: leadBy('id', '={{ $json.leadId }}'),
			activityEvent: PHONE_CALL,
			note: '={{ $json.note }}',
			...sendModeParameters(mode),
		},
	};
}

/**
 * What a user has today: n8n's HTTP Request node, one Lead.CreateOrUpdate per item; with its
 * defaults, or `paced` to the plan's limit.
 */
export function httpRequestUpsertNode(sandboxUrl: string, paced?: { calls: number; windowMs: number }): SenderNode {
	// Options → Batching: `calls` items, then a pause of one window: a user who read the plan's limit
	const options = paced ? { batching: { batch: { batchSize: paced.calls, batchInterval: paced.windowMs } } } : {};
	const pairs = '={{ JSON.stringify(Object.entries($json).map(([Attribute, Value]) => ({ Attribute, Value }))) }}';
	return httpRequestNode(`${sandboxUrl}${ENDPOINTS.leadCreateOrUpdate}`, pairs, options);
}

/** Code that makes the leads, e-mails by a prefix per row (each row writes leads of its own); `count` from a webhook's body or fixed. */
function leadsCode(prefix: string, count: number | 'body'): string {
	const head = count === 'body' ? 'const { count, batch } = $json.body;\n' : `const count = ${count}; const batch = '';\n`;
	return `${head}return Array.from({ length: count }, (_, i) => ({ json: { EmailAddress: '${prefix}' + batch + '-' + i + '@example.com', FirstName: 'Bench', LastName: 'Lead ' + i } }));`;
}

/** Code that makes one activity per given lead, each with a note of its own. */
function activitiesCode(prefix: string, leadIds: string[]): string {
	return `const ids = ${JSON.stringify(leadIds)};\nreturn ids.map((leadId, i) => ({ json: { leadId, note: '${prefix} activity ' + i } }));`;
}

/**
 * Trigger → Code (the items) → the node under test, On Error: Continue (so that a failed item
 * reaches the output and is counted; n8n's default would stop at the first one).
 */
function benchWorkflow(name: string, trigger: WorkflowNode, code: string, sender: SenderNode): WorkflowJson {
	return {
		name,
		nodes: [
			trigger,
			{ name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: code } },
			{ ...sender, name: SENDER, position: [440, 0], onError: 'continueRegularOutput' },
		],
		connections: {
			[trigger.name]: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: SENDER, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const manualTrigger: WorkflowNode = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

export const leadsWorkflow = (name: string, prefix: string, count: number, sender: SenderNode) =>
	benchWorkflow(name, manualTrigger, leadsCode(prefix, count), sender);

export const activitiesWorkflow = (name: string, prefix: string, leadIds: string[], sender: SenderNode) =>
	benchWorkflow(name, manualTrigger, activitiesCode(prefix, leadIds), sender);

/** For queue mode: a webhook that answers at once and starts an execution upserting `count` leads of batch `batch`. */
export function leadsWebhookWorkflow(path: string, prefix: string, sender: SenderNode): WorkflowJson {
	const webhook: WorkflowNode = {
		name: 'Leads webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
	return benchWorkflow(`bench: ${path}`, webhook, leadsCode(prefix, 'body'), sender);
}
