import type { NodeParameters, WorkflowJson } from './tooling';

/** A copy of `workflow` under another name, with some parameters of one node replaced. */
export function variantOf(workflow: WorkflowJson, name: string, nodeName: string, parameters: NodeParameters): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const node = copy.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`workflow "${workflow.name}" has no node "${nodeName}"`);
	node.parameters = { ...node.parameters, ...parameters };
	return { ...copy, name };
}
