import { randomUUID } from 'crypto';

import { EXAMPLE_CREDENTIAL_NAME, personalProjectId, readExampleWorkflow, saveWorkflowAsEditorDoes } from '../demo/exampleWorkflows';
import { expectNoSecretIn } from '../harness/assertions';
import { DEMO_ACCOUNT } from '../sandbox/fixtures';
import { describeEachLine } from './support/perLine';
import { nodeOutput } from './support/tooling';

const PUSH_PATH = '/v2/Notifier.svc/Browser.Push';
const PUSH_NODE = 'Send browser push notification';
const HTTP_NODE = 'LeadSquared call';
const META_DATA_PATH = '/v2/LeadManagement.svc/LeadsMetaData.Get';

describeEachLine('Workflows with the LeadSquared credential', { label: 'push' }, (stack) => {
	it('the push example runs in n8n and the push reaches LeadSquared with the keys in headers only', async () => {
		const { rest, sandbox, credential } = stack();
		sandbox.clearRecord();

		const created = await saveWorkflowAsEditorDoes(rest, readExampleWorkflow('push-notification.json'));
		// the example names its credential; n8n resolved it to the stored one
		const node = created.nodes.find((candidate) => candidate.name === PUSH_NODE);
		expect(node?.credentials).toEqual({ leadSquaredApi: { id: credential.id, name: EXAMPLE_CREDENTIAL_NAME } });

		const execution = await rest.runWorkflowManually(created.id);
		expect(execution.data.resultData.error).toBeUndefined();
		expect(execution.status).toBe('success');
		const items = nodeOutput(execution, PUSH_NODE) ?? [];
		expect(items.map((item) => item.json)).toEqual([
			{
				success: true,
				message: 'Message broadcasted successfully',
				sentTo: 'the user whose keys the credential holds',
				title: 'Hello from n8n',
				content: expect.stringMatching(
					/^The workflow "LeadSquared – push notification" sent this at \d\d:\d\d on \d{1,2} \w{3} \d{4}, (UTC|[A-Za-z_]+\/[A-Za-z_/]+) time \(execution \S+\)\.$/,
				),
				clickUrl: 'https://www.leadsquared.com/',
				iconUrl: null,
			},
		]);

		// the time is the workflow's, with its zone named: no workflow zone is set, so n8n's own
		const { timezone } = await rest.request<{ timezone: string }>('GET', '/rest/settings');
		expect(items[0].json.content).toContain(`, ${timezone} time (execution`);

		const pushes = sandbox.requestsTo(PUSH_PATH);
		expect(pushes).toHaveLength(1);
		const [push] = pushes;
		expect(push.status).toBe(200);
		expect(push.body).toEqual({
			Title: 'Hello from n8n',
			Content: items[0].json.content,
			ClickURL: 'https://www.leadsquared.com/',
			IconURL: '',
		});
		expect(push.headers['x-lsq-accesskey']).toBe(DEMO_ACCOUNT.accessKey);
		expect(push.headers['x-lsq-secretkey']).toBe(DEMO_ACCOUNT.secretKey);
		expectNoSecretIn({ url: push.url, body: push.rawBody });
		expectNoSecretIn(execution);
	});

	it("n8n's HTTP Request node takes the credential as a predefined credential type: any LeadSquared call, keys in headers only", async () => {
		const { rest, sandbox, credential } = stack();
		sandbox.clearRecord();
		const workflow = await rest.createWorkflow({
			name: `Any LeadSquared call ${randomUUID().slice(0, 8)}`,
			nodes: [
				{ id: randomUUID(), name: 'Run manually', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: randomUUID(),
					name: HTTP_NODE,
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [240, 0],
					parameters: {
						url: `${sandbox.url}${META_DATA_PATH}`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'leadSquaredApi',
						options: {},
					},
					credentials: { leadSquaredApi: credential },
				},
			],
			connections: { 'Run manually': { main: [[{ node: HTTP_NODE, type: 'main', index: 0 }]] } },
			projectId: await personalProjectId(rest),
		});

		const execution = await rest.runWorkflowManually(workflow.id);
		expect(execution.data.resultData.error).toBeUndefined();
		const fields = (nodeOutput(execution, HTTP_NODE) ?? []).map((item) => item.json.SchemaName);
		expect(fields).toEqual(expect.arrayContaining(['FirstName', 'EmailAddress']));

		const [call] = sandbox.requestsTo(META_DATA_PATH, 'GET');
		expect(call.status).toBe(200);
		expect(call.headers['x-lsq-accesskey']).toBe(DEMO_ACCOUNT.accessKey);
		expect(call.headers['x-lsq-secretkey']).toBe(DEMO_ACCOUNT.secretKey);
		expectNoSecretIn({ url: call.url });
		expectNoSecretIn(execution);
	});
});
