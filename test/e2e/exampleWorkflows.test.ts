import {
	availability,
	EXAMPLE_CREDENTIAL_NAME,
	readExampleWorkflows,
	saveWorkflowAsEditorDoes,
} from '../demo/exampleWorkflows';
import { N8N_API_CREDENTIAL } from '../demo/credential';
import { describeEachLine } from './support/perLine';

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
});
