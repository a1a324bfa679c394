import type { IExecuteFunctions } from 'n8n-workflow';

import type { LeadSquaredCredentials } from './account';
import { ENDPOINTS } from './endpoints';
import { CREDENTIAL_TYPE, leadSquaredRequest } from './index';

export interface FileToUpload {
	bytes: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * One file to the region's file host (page file-upload-to-leads): a multipart/form-data POST
 * whose form carries the page's fields, the keys as AccessKey and SecretKey, and the file as
 * uploadFiles. The keys go only into the request body, never into the output.
 */
export async function uploadFile(
	this: IExecuteFunctions,
	fields: Record<string, string>,
	file: FileToUpload,
	itemIndex: number,
): Promise<unknown> {
	const credentials = await this.getCredentials<LeadSquaredCredentials>(CREDENTIAL_TYPE);
	const form = new FormData();
	form.append('AccessKey', String(credentials.accessKey ?? '').trim());
	form.append('SecretKey', String(credentials.secretKey ?? '').trim());
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	form.append('uploadFiles', new Blob([file.bytes], { type: file.mimeType || 'application/octet-stream' }), file.fileName);
	return await leadSquaredRequest.call(this, {
		host: 'files',
		method: 'POST',
		endpoint: ENDPOINTS.fileUpload,
		form,
		// A repeat would store the file again.
		replaySafe: false,
		itemIndex,
	});
}
