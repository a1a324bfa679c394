import { execFile } from 'child_process';
import { promisify } from 'util';

import {
	availability,
	EXAMPLE_CREDENTIAL_NAME,
	readExampleWorkflow,
	readExampleWorkflows,
	saveWorkflowAsEditorDoes,
} from '../demo/exampleWorkflows';
import { N8N_API_CREDENTIAL } from '../demo/credential';
import {
	curlCommand,
	DEMO_AGENT,
	DEMO_CALL,
	incomingCallRequest,
	INCOMING_CALL_EXAMPLE,
	seedIncomingCallExample,
} from '../demo/incomingCall';
import { expectNoSecretIn } from '../harness/assertions';
import { firstFinishedExecution } from './support/executions';
import { describeEachLine } from './support/perLine';
import { nodeOutput } from './support/tooling';

const POPUP_PATH = '/v2/Telephony.svc/ShowAgentPopup';

describeEachLine('Example workflows', { label: 'examples' }, (stack) => {
	it('the push example loads: its node types and operation exist', () => {
		const push = readExampleWorkflows().find((example) => example.file === 'push-notification.json')!;
		expect(availability(push.workflow, stack().nodeTypes)).toEqual({ available: true, missing: [], unknownParameters: [] });
	});

	it('every example that loads uses only parameters the node has, and imports with its credential resolved by name', async () => {
		const { rest, nodeTypes, credential } = stack();
		const report: string[] = [];
		for (const { file, workflow } of readExampleWorkflows()) {
			const check = availability(workflow, nodeTypes);
			report.push(`${file}: ${check.available ? 'loads' : `not loaded (${check.missing.join('; ')})`}`);
			if (!check.available) continue;
			expect({ file, unknownParameters: check.unknownParameters }).toEqual({ file, unknownParameters: [] });

			const created = await saveWorkflowAsEditorDoes(rest, { ...workflow, name: `${workflow.name} (import check)` });
			const resolved = {
				leadSquaredApi: { id: credential.id, name: EXAMPLE_CREDENTIAL_NAME },
				[N8N_API_CREDENTIAL.type]: { id: expect.stringMatching(/\w/), name: N8N_API_CREDENTIAL.name },
			};
			for (const node of created.nodes.filter((candidate) => candidate.credentials)) {
				const types = Object.keys(node.credentials!);
				expect({ file, node: node.name, credentials: node.credentials }).toEqual({
					file,
					node: node.name,
					credentials: Object.fromEntries(types.map((type) => [type, resolved[type]])),
				});
			}
		}
		console.info(`n8n line ${stack().line}:\n  ${report.join('\n  ')}`);
	});

	it('the incoming-call example, run by the command `npm start` prints, finds the lead by the caller’s number and the agent by e-mail, and shows the popup', async () => {
		const { rest, sandbox, n8n } = stack();
		const leadId = await seedIncomingCallExample(sandbox);
		sandbox.clearRecord();
		const popup = await saveWorkflowAsEditorDoes(rest, readExampleWorkflow(INCOMING_CALL_EXAMPLE));
		await rest.activateWorkflow(popup.id);

		const { stdout } = await promisify(execFile)('sh', ['-c', curlCommand(incomingCallRequest(n8n.baseUrl))]);
		expect(JSON.parse(stdout)).toEqual({ message: 'Workflow was started' });

		const execution = await firstFinishedExecution(rest, popup.id, 30_000);
		expect(execution.data.resultData.error).toBeUndefined();
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Show agent popup')?.[0].json).toMatchObject({
			success: true,
			leadId,
			leadFoundBy: 'phone',
			userId: DEMO_AGENT.ID,
			agentFoundBy: 'email',
			direction: 'Inbound',
			callSessionId: DEMO_CALL.callId,
		});
		expect(sandbox.requestsTo(POPUP_PATH).map((request) => [request.status, request.body])).toEqual([
			[
				200,
				{
					SourceNumber: DEMO_CALL.from,
					DestinationNumber: DEMO_CALL.to,
					DisplayNumber: DEMO_CALL.ivrNumber,
					Direction: 'Inbound',
					CallSessionId: DEMO_CALL.callId,
					LeadId: leadId,
					UserId: DEMO_AGENT.ID,
				},
			],
		]);
		// one lookup each: the lead by the caller's number as LeadSquared asks for it, the agent among Users.Get's users
		expect(sandbox.requestsTo('/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber', 'GET').map((request) => request.url)).toEqual([
			expect.stringContaining('phone=%2B918611795988'),
		]);
		expect(sandbox.requestsTo('/v2/UserManagement.svc/Users.Get', 'GET')).toHaveLength(1);
		expectNoSecretIn(execution);
	});
});
