import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, INodeType } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { additionalDataFor, workflowWith } from './engine';
import { credentialTypes, registerNodeType } from './nodeTypes';

const CREDENTIAL_TYPE = 'leadSquaredApi';
const TESTER_NODE_TYPE = 'credential-tester';

export type TestRequestResult = { ok: true } | { ok: false; httpStatus?: number; message: string };

/** The credential's own test request as the routing of a one-parameter node, as n8n's tester builds it. */
function testerNodeType(): INodeType {
	const { test } = credentialTypes[CREDENTIAL_TYPE];
	if (!test) throw new Error(`${CREDENTIAL_TYPE} has no declarative test`);
	return {
		description: {
			displayName: 'Credential tester',
			name: TESTER_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	};
}

/**
 * Sends the credential's declarative test request as n8n's Test button does (n8n's
 * CredentialsTester is server code, not part of n8n-core): as the routing of a temporary
 * node, run by n8n-core's RoutingNode with the credential's authentication. A refused call
 * comes back with the HTTP status n8n-core reports (`httpCode`) and its message.
 */
export async function sendTestRequest(data: ICredentialDataDecryptedObject): Promise<TestRequestResult> {
	const nodeType = testerNodeType();
	registerNodeType(TESTER_NODE_TYPE, nodeType);
	const node: INode = {
		id: 'credential-test',
		name: 'Temp-Node',
		type: TESTER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'LeadSquared account' } },
	};
	const { workflow, workflowData } = workflowWith(node, 'credential-test');
	const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', workflowData);
	const additionalData = additionalDataFor(hooks, { [CREDENTIAL_TYPE]: data });
	const executeData = { node, data: {}, source: null };
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], inputData, executeData, []);
	const decrypted = { id: 'cred-1', name: 'LeadSquared account', type: CREDENTIAL_TYPE, data };
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
		return { ok: true };
	} catch (error) {
		const httpStatus = Number((error as { httpCode?: string }).httpCode) || undefined;
		return { ok: false, httpStatus, message: (error as Error).message };
	}
}
