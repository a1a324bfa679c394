import { readExampleWorkflow, saveWorkflowAsEditorDoes } from '../demo/exampleWorkflows';
import { expectNoSecretIn } from '../harness/assertions';
import { describeEachLine } from './support/perLine';
import { variantOf } from './support/workflowVariants';

const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';
const PUSH_NODE = 'Send browser push notification';

describeEachLine('A LeadSquared error in real n8n', { label: 'errors' }, (stack) => {
	afterEach(() => stack().sandbox.setFaults([]));

	it('a 500 from LeadSquared fails the execution with LeadSquared’s message, sent once', async () => {
		const { rest, sandbox } = stack();
		sandbox.clearRecord();
		sandbox.setFaults([{ kind: 'status500', method: 'POST', path: PUSH_PATH }]);
		const workflow = await saveWorkflowAsEditorDoes(
			rest,
			variantOf(readExampleWorkflow('push-notification.json'), 'push meets a 500', PUSH_NODE, {}),
		);

		const execution = await rest.runWorkflowManually(workflow.id);

		expect(execution.status).toBe('error');
		const { error, lastNodeExecuted } = execution.data.resultData;
		expect(lastNodeExecuted).toBe(PUSH_NODE);
		expect(error?.message).toBe('LeadSquared failed to handle the request (500): 500 - Internal server error. [item 0]');
		// a push is not safe to send twice: the node reports instead of retrying
		expect(error?.description).toMatch(/Not sent again automatically/);
		expect(sandbox.requestsTo(PUSH_PATH).map((request) => request.status)).toEqual([500]);
		expectNoSecretIn(execution);
	});

	it('a 400 from LeadSquared (unknown user) fails the execution with LeadSquared’s reason', async () => {
		const { rest, sandbox } = stack();
		sandbox.clearRecord();
		const stranger = '00000000-0000-4000-8000-000000000000';
		const workflow = await saveWorkflowAsEditorDoes(
			rest,
			variantOf(readExampleWorkflow('push-notification.json'), 'push to a stranger', PUSH_NODE, { userId: stranger }),
		);

		const execution = await rest.runWorkflowManually(workflow.id);

		expect(execution.status).toBe('error');
		expect(execution.data.resultData.error?.message).toBe(
			`LeadSquared refused the request (400): UserId '${stranger}' is not a user of this account [item 0]`,
		);
		expect(sandbox.requestsTo(PUSH_PATH).map((request) => request.status)).toEqual([400]);
	});
});
