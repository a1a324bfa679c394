import { join } from 'path';

import type { NodeTypeDescription } from './tooling';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export const PACKAGE_NAME = 'n8n-nodes-leadsquared';

/** A node's description as built into dist/ (what n8n loads), so tests follow the node. */
function builtNode(className: string): NodeTypeDescription {
	const file = join(REPO_ROOT, 'dist', 'nodes', 'LeadSquared', `${className}.node.js`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const built = require(file) as Record<string, new () => { description: NodeTypeDescription }>;
	return new built[className]().description;
}

export const builtActionNode = () => builtNode('LeadSquared');

export const builtCaptureTrigger = () => builtNode('LeadSquaredTrigger');

export const builtInstantTrigger = () => builtNode('LeadSquaredEventTrigger');
