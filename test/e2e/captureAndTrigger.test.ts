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
