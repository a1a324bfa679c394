import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import type { LeadSquaredCredentials } from '../transport/account';
import { accountFrom, redact } from '../transport/account';
import { ENDPOINTS } from '../transport/endpoints';
import { leadSquaredMessage } from '../transport/errors';

/**
 * The credential's Test button: an authenticated Users.Get. Done here rather than as the
 * credential's declarative `test`, because n8n 1.x drops the response before applying
 * that test's rules, so users saw a generic message instead of LeadSquared's.
 */
export async function leadSquaredApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as LeadSquaredCredentials;
	const account = accountFrom(data);
	const error = (message: string): INodeCredentialTestResult => ({ status: 'Error', message: redact(message, account) });
	let url: URL;
	try {
		url = new URL(`${account.apiBase}${ENDPOINTS.users}`);
	} catch {
		return error('The API URL is not a valid URL (Region is Custom)');
	}
	try {
		const response = (await this.helpers.request({
			method: 'GET',
			uri: url.toString(),
			headers: { 'x-LSQ-AccessKey': data.accessKey, 'x-LSQ-SecretKey': data.secretKey },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
		})) as { statusCode: number; body: unknown };
		const said = leadSquaredMessage(response.body);
		const quoted = said ? `: ${said}` : '';
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return { status: 'OK', message: `Connected to ${url.host}` };
		}
		if (response.statusCode === 401) {
			return error(
				`LeadSquared rejected the keys (401) at ${url.host}${quoted}. Check the Access Key and Secret Key, and that Region matches the API host of your account (My Account > Settings > API and Webhooks).`,
			);
		}
		if (response.statusCode === 404) {
			return error(`No LeadSquared API answered at ${url.host} (404)${quoted}. Check Region, or the API URL of a Custom region.`);
		}
		return error(`LeadSquared answered ${response.statusCode} at ${url.host}${quoted}`);
	} catch (failure) {
		const code = (failure as IDataObject).code ?? (failure as Error).message;
		return error(`Could not reach ${url.host} (${String(code)}). Check Region, or the API URL of a Custom region.`);
	}
}
