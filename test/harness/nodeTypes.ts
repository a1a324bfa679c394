import type { ICredentialType, IDataObject, INodeType, INodeTypes } from 'n8n-workflow';

import { LeadSquaredApi } from '../../credentials/LeadSquaredApi.credentials';
import { LeadSquaredN8nApi } from '../../credentials/LeadSquaredN8nApi.credentials';
import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';

/** Node type names as n8n gives them to a community package's nodes. */
export const NODE_TYPE = 'n8n-nodes-leadsquared.leadSquared';

const nodes: Record<string, INodeType> = {
	[NODE_TYPE]: new LeadSquared(),
};

export function registerNodeType(name: string, node: INodeType): void {
	nodes[name] = node;
}

export const nodeTypes: INodeTypes = {
	getByName: (name) => nodes[name],
	getByNameAndVersion: (name) => nodes[name],
	getKnownTypes: () => ({}) as IDataObject,
};

export const credentialTypes: Record<string, ICredentialType> = {
	leadSquaredApi: new LeadSquaredApi(),
	leadSquaredN8nApi: new LeadSquaredN8nApi(),
};
