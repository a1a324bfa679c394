import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { offersOperation, unknownParameters } from '../e2e/support/nodeDescription';
import type { N8nRestClient, NodeTypeDescription, WorkflowJson } from '../e2e/support/tooling';

/** The example workflows refer to their credential by this name; n8n resolves it on import. */
export const EXAMPLE_CREDENTIAL_NAME = 'LeadSquared account';

export const EXAMPLE_WORKFLOWS_DIR = join(__dirname, 'workflows');

export interface ExampleWorkflow {
	file: string;
	workflow: WorkflowJson;
}

export function readExampleWorkflows(dir = EXAMPLE_WORKFLOWS_DIR): ExampleWorkflow[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowJson }));
}

export function readExampleWorkflow(file: string): WorkflowJson {
	const found = readExampleWorkflows().find((example) => example.file === file);
	if (!found) throw new Error(`no example workflow ${file} in ${EXAMPLE_WORKFLOWS_DIR}`);
	return found.workflow;
}

export interface Availability {
	/** Every node type, version, resource and operation exists in this n8n. */
	available: boolean;
	/** Why not, when not available. */
	missing: string[];
	/** Parameters a node does not know (the example was written ahead of the node). */
	unknownParameters: string[];
}

/** Whether an example can load in this n8n, judged by the node types n8n itself reports. */
export function availability(workflow: WorkflowJson, nodeTypes: NodeTypeDescription[]): Availability {
	const missing: string[] = [];
	const unknown: string[] = [];
	for (const node of workflow.nodes) {
		const versions = nodeTypes
			.filter((type) => type.name === node.type)
			.flatMap((type) => (Array.isArray(type.version) ? type.version : [type.version]));
		const description = nodeTypes.find(
			(type) => type.name === node.type && (Array.isArray(type.version) ? type.version : [type.version]).includes(node.typeVersion),
		);
		if (!description) {
			missing.push(
				versions.length
					? `${node.name}: ${node.type} has no version ${node.typeVersion} (has ${versions.join(', ')})`
					: `${node.name}: no node type ${node.type}`,
			);
			continue;
		}
		const { resource, operation } = node.parameters;
		if (typeof resource === 'string' && typeof operation === 'string' && !offersOperation(description, resource, operation)) {
			missing.push(`${node.name}: ${node.type} has no operation ${resource}/${operation}`);
			continue;
		}
		if (node.type.startsWith('n8n-nodes-leadsquared.')) {
			unknown.push(...unknownParameters(description, node.parameters).map((name) => `${node.name}: ${name}`));
		}
	}
	return { available: missing.length === 0, missing, unknownParameters: unknown };
}

/** The signed-in user's personal project: where the editor saves new workflows. */
export async function personalProjectId(rest: N8nRestClient): Promise<string> {
	const project = await rest.request<{ id: string }>('GET', '/rest/projects/personal');
	return project.id;
}

/**
 * Saves a workflow as the editor does (in the user's personal project), so that n8n
 * resolves credentials referred to by name only (`{ id: null, name }`).
 */
export async function saveWorkflowAsEditorDoes(rest: N8nRestClient, workflow: WorkflowJson): Promise<WorkflowJson & { id: string }> {
	return await rest.createWorkflow({ ...workflow, projectId: await personalProjectId(rest) });
}

export interface ImportReport {
	name: string;
	file: string;
	result: 'created' | 'exists' | 'skipped';
	id?: string;
	notes: string[];
}

/**
 * Creates each available example that n8n does not have yet (matched by name, so
 * a re-run never duplicates one nor overwrites the user's edits).
 */
export async function importExampleWorkflows(
	rest: N8nRestClient,
	nodeTypes: NodeTypeDescription[],
	examples = readExampleWorkflows(),
): Promise<ImportReport[]> {
	const existing = await rest.request<Array<{ id: string; name: string }>>('GET', '/rest/workflows');
	const reports: ImportReport[] = [];
	for (const { file, workflow } of examples) {
		const check = availability(workflow, nodeTypes);
		const notes = check.unknownParameters.map((parameter) => `unknown parameter ${parameter}`);
		const found = existing.find((candidate) => candidate.name === workflow.name);
		if (!check.available) {
			reports.push({ name: workflow.name, file, result: 'skipped', notes: [...check.missing, ...notes] });
		} else if (found) {
			reports.push({ name: workflow.name, file, result: 'exists', id: found.id, notes });
		} else {
			const created = await saveWorkflowAsEditorDoes(rest, workflow);
			reports.push({ name: workflow.name, file, result: 'created', id: created.id, notes });
		}
	}
	return reports;
}

/** Triggers that start a workflow by themselves once it is active, and where a user reaches them. */
const ENTRY_POINTS: Record<string, (node: WorkflowJson['nodes'][number], baseUrl: string) => string> = {
	'n8n-nodes-base.formTrigger': (node, baseUrl) => `form      ${baseUrl}/form/${String(node.webhookId)}`,
	'n8n-nodes-base.webhook': (node, baseUrl) => `webhook   POST ${baseUrl}/webhook/${String(node.parameters.path)}`,
	'n8n-nodes-leadsquared.leadSquaredTrigger': () => 'trigger   checks LeadSquared every minute',
};

/** How a user sets off an example once it is active; empty for a workflow started by hand. */
export function entryPointsOf(workflow: WorkflowJson, baseUrl: string): string[] {
	return workflow.nodes.filter((node) => node.type in ENTRY_POINTS).map((node) => ENTRY_POINTS[node.type](node, baseUrl));
}

/**
 * Activates each imported example that starts by itself (form, webhook, LeadSquared Capture Trigger)
 * and is not active yet. Returns how to reach each active one, by workflow name.
 */
export async function activateSelfStarting(
	rest: N8nRestClient,
	reports: ImportReport[],
	baseUrl: string,
): Promise<Map<string, string[]>> {
	const reachable = new Map<string, string[]>();
	for (const report of reports) {
		if (!report.id) continue;
		const workflow = (await rest.getWorkflow(report.id)) as WorkflowJson & { active?: boolean; activeVersionId?: string | null };
		const entryPoints = entryPointsOf(workflow, baseUrl);
		if (!entryPoints.length) continue;
		if (!workflow.active && !workflow.activeVersionId) await rest.activateWorkflow(report.id);
		reachable.set(report.name, entryPoints);
	}
	return reachable;
}
