import type { INodeParameters } from 'n8n-workflow';

import { apiClient, control, useCrmSandbox, waitFor } from '../sandbox/crmTestKit';
import type { SandboxOptions } from '../sandbox/server';
import { WebhookTriggerHost } from './webhookTriggerHost';

/** A registration as the sandbox lists it (`GET /__sandbox/webhooks`). */
export interface SandboxWebhook {
	WebhookId: string;
	URL: string;
	EventName: string;
	EventCode: string;
	StatusCode: number;
	Description: string;
	WebhookProperties: string | null;
	CustomHeaders: Array<{ Key: string; Value: string }>;
}

export const WH = '/v2/Webhook.svc';

export const header = (webhook: SandboxWebhook, name: string) => webhook.CustomHeaders.find((h) => h.Key === name)?.Value;

/**
 * The Instant Trigger in n8n-core (WebhookTriggerHost) against a CRM sandbox, set up afresh for
 * every test: the sandbox's webhooks, deliveries, faults and request record cleared, delivery
 * retries in milliseconds, its Delete and event numbering as LeadSquared's pages and the probe show.
 */
export function useEventTrigger(parameters: INodeParameters, options: SandboxOptions = {}) {
	const sandbox = useCrmSandbox(options);
	let host: WebhookTriggerHost | undefined;

	beforeEach(async () => {
		await sandbox().crm.dispatcher.idle();
		await control(sandbox(), 'POST', '/__sandbox/crm/clear', {});
		await control(sandbox(), 'POST', '/__sandbox/webhooks/deliveries/clear');
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { retryDelaysMs: [20, 20, 20], disableAfterFailures: 10, timeoutMs: 1_000, batchWindowMs: 30 });
		await control(sandbox(), 'POST', '/__sandbox/config', { webhookDeleteForm: 'get', webhookEventNumbers: 'page' });
		sandbox().setFaults([]);
		sandbox().clearRecord();
		host = await WebhookTriggerHost.start(parameters, sandbox().credentialsFor());
	});
	afterEach(async () => {
		await sandbox().crm.dispatcher.idle();
		await host?.close();
	});

	const trigger = () => {
		if (!host) throw new Error('The trigger host has not started');
		return host;
	};
	return {
		sandbox,
		trigger,
		/** Replaces the host (a restarted or moved n8n), keeping what n8n stored. */
		replaceTrigger: (next: WebhookTriggerHost) => {
			host = next;
		},
		api: () => apiClient(sandbox()),
		registered: async () => (await control<SandboxWebhook[]>(sandbox(), 'GET', '/__sandbox/webhooks')).body,
		/** Waits for `count` executions and for the sandbox to finish its deliveries. */
		delivered: async (count: number) => {
			await waitFor(() => trigger().executions.length >= count, 5_000, `${count} executions`);
			await sandbox().crm.dispatcher.idle();
			return trigger().executions;
		},
		/** A POST to the trigger's URL, as anyone could send it. */
		post: async (url: string, headers: Record<string, string>, body: unknown = { ProspectID: 'forged' }) =>
			await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }),
		createRequests: () => sandbox().requestsTo(`${WH}/Create`),
	};
}
