import type { LeadSquaredSandbox } from '../sandbox/server';
import { DEMO_USERS } from '../sandbox/fixtures';
import { readExampleWorkflow } from './exampleWorkflows';

export const INCOMING_CALL_EXAMPLE = 'agent-popup-on-incoming-call.json';

/** The lead who calls, as LeadSquared holds it (the number in LeadSquared's own "+91-…" form). */
export const DEMO_CALLER = { FirstName: 'Priya', LastName: 'Sharma', EmailAddress: 'priya.sharma@example.com', Phone: '+91-8611795988' };

/** The agent who takes the call: a user of the sandbox's account. */
export const DEMO_AGENT = DEMO_USERS[1];

/**
 * What a telephony provider knows of an inbound call and posts: the caller's number as it came
 * in (E.164, not LeadSquared's form), the agent's number and e-mail. No LeadSquared IDs.
 */
export const DEMO_CALL = {
	from: '+918611795988',
	to: '+91-8971373363',
	ivrNumber: '+91-8611795989',
	callId: 'demo-call-1',
	agentEmail: DEMO_AGENT.EmailAddress,
};

/** Puts the caller among the sandbox's leads through its own seeding (as if it were in LeadSquared already); returns the lead's ID. */
export async function seedIncomingCallExample(sandbox: LeadSquaredSandbox): Promise<string> {
	const response = await fetch(`${sandbox.url}/__sandbox/crm/seed`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ leads: [DEMO_CALLER] }),
	});
	const seeded = (await response.json()) as { leadIds?: string[] };
	if (!response.ok || !seeded.leadIds?.[0]) throw new Error(`the sandbox did not seed the caller: ${JSON.stringify(seeded)}`);
	return seeded.leadIds[0];
}

export interface CallRequest {
	url: string;
	body: typeof DEMO_CALL;
}

/** The request that starts the incoming-call example in the n8n at `baseUrl`, as the provider would send it. */
export function incomingCallRequest(baseUrl: string): CallRequest {
	const webhook = readExampleWorkflow(INCOMING_CALL_EXAMPLE).nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	if (!webhook) throw new Error(`${INCOMING_CALL_EXAMPLE} has no webhook`);
	return { url: `${baseUrl}/webhook/${String(webhook.parameters.path)}`, body: DEMO_CALL };
}

/** The request as a command to paste into a shell. */
export function curlCommand({ url, body }: CallRequest): string {
	return `curl -X POST ${url} -H 'Content-Type: application/json' -d '${JSON.stringify(body)}'`;
}
