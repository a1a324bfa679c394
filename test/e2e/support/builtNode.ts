import { join } from 'path';

import type { NodeTypeDescription } from './tooling';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export const PACKAGE_NAME = 'n8n-nodes-leadsquared';

/** The action node's description as built into dist/ (what n8n loads), so tests follow the node. */
export function builtActionNode(): NodeTypeDescription {
	const file = join(REPO_ROOT, 'dist', 'nodes', 'LeadSquared', 'LeadSquared.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { LeadSquared } = require(file) as { LeadSquared: new () => { description: NodeTypeDescription } };
	return new LeadSquared().description;
}
