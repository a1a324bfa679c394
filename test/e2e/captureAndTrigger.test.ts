import { readExampleWorkflow, saveWorkflowAsEditorDoes } from '../demo/exampleWorkflows';
import { expectNoSecretIn } from '../harness/assertions';
import { DEMO_USERS } from '../sandbox/fixtures';
import { firstFinishedExecution } from './support/executions';
import { describeEachLine } from './support/perLine';
import { nodeOutput } from './support/tooling';

const CAPTURE_PATH = '/lead/capture';

// n8n polls a trigger at activation, then every minute; the trigger checks a request 10 s after it was submitted.
const TRIGGER_WAIT_MS = 150_000;

describeEachLine('Example workflows: form → Capture (Async) → LeadSquared Capture Trigger → push + Converse', { label: 'capture' }, (stack) => {
	it(
		'a form submission captures the lead, and once LeadSquared has processed it the trigger notifies the owner',
		async () => {
			const { rest, sandbox, n8n } = stack();
			sandbox.clearRecord();
			const notify = await saveWorkflowAsEditorDoes(rest, readExampleWorkflow('notify-owner-when-capture-finishes.json'));
			await rest.activateWorkflow(notify.id);
			const capture = await saveWorkflowAsEditorDoes(rest, readExampleWorkflow('capture-lead-from-form.json'));
			await rest.activateWorkflow(capture.id);

			const form = capture.nodes.find((node) => node.type === 'n8n-nodes-base.formTrigger')!;
			const submission = new FormData();
			for (const [index, value] of ['Priya', 'Sharma', 'priya.e2e@example.com', 'Acme'].entries()) {
				submission.append(`field-${index}`, value);
			}
			const posted = await fetch(`${n8n.baseUrl}/form/${form.webhookId}`, { method: 'POST', body: submission });
			expect(posted.status).toBe(200);

			const captured = await firstFinishedExecution(rest, capture.id, 30_000);
			expect(captured.status).toBe('success');
			const [accepted] = nodeOutput(captured, 'Capture lead (async)') ?? [];
			expect(accepted.json).toMatchObject({
				requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
				searchBy: 'EmailAddress',
				submitted: { FirstName: 'Priya', LastName: 'Sharma', EmailAddress: 'priya.e2e@example.com', Company: 'Acme' },
				status: 'pending',
			});
			const [request] = sandbox.requestsTo(CAPTURE_PATH);
			expect(request.requestId).toBe(accepted.json.requestId);

			const notified = await firstFinishedExecution(rest, notify.id, TRIGGER_WAIT_MS);
			expect(notified.data.resultData.error).toBeUndefined();
			expect(notified.status).toBe('success');
			const [finished] = nodeOutput(notified, 'When a capture finishes') ?? [];
			expect(finished.json).toMatchObject({
				requestId: accepted.json.requestId,
				status: 'success',
				leadSquaredStatus: 'Success',
				leadId: sandbox.captures()[0].leadId,
				leadCreated: true,
				workflowId: capture.id,
				executionId: captured.id,
				submitted: { EmailAddress: 'priya.e2e@example.com' },
			});

			const [push] = sandbox.requestsTo('/v2/Notifier.svc/Browser.Push');
			expect(push.body).toMatchObject({ Title: 'Lead capture: success' });
			const [card] = sandbox.requests.filter((received) => received.path.startsWith('/v2/Converse.svc/'));
			expect(card.body).toMatchObject({ Type: 'Lead', ToUser: DEMO_USERS[0].ID, CardContents: { Message: `Lead capture success: ${finished.json.leadId}` } });
			expectNoSecretIn([captured, notified]);
		},
		TRIGGER_WAIT_MS + 60_000,
	);
});

describeEachLine('Example workflow: agent popup on an incoming call', { label: 'popup' }, (stack) => {
	it('a call webhook shows the agent the popup in LeadSquared', async () => {
		const { rest, sandbox, n8n } = stack();
		sandbox.clearRecord();
		const popup = await saveWorkflowAsEditorDoes(rest, readExampleWorkflow('agent-popup-on-incoming-call.json'));
		await rest.activateWorkflow(popup.id);

		const call = {
			from: '+91-8611795988',
			to: '+91-8971373363',
			ivrNumber: '+91-8611795989',
			callId: 'call-42',
			leadId: 'f5c7e023-653c-11e7-b25c-023cca4497b9',
			agentUserId: DEMO_USERS[2].ID,
		};
		const answered = await fetch(`${n8n.baseUrl}/webhook/leadsquared-incoming-call`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(call),
		});
		expect(answered.status).toBe(200);

		const execution = await firstFinishedExecution(rest, popup.id, 30_000);
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Show agent popup')?.[0].json).toMatchObject({ success: true, direction: 'Inbound', callSessionId: 'call-42' });
		expect(sandbox.requestsTo('/v2/Telephony.svc/ShowAgentPopup')[0].body).toEqual({
			SourceNumber: call.from,
			DestinationNumber: call.to,
			DisplayNumber: call.ivrNumber,
			Direction: 'Inbound',
			CallSessionId: 'call-42',
			LeadId: call.leadId,
			UserId: call.agentUserId,
		});
	});
});
