import { fail, invalidInput, mandatoryMissing } from './common';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore } from './store';
import { BUSINESS_EXCEPTION_STATUS, FILE_UPLOAD_REPLY } from './unconfirmed';

/** A multipart/form-data body as the server parsed it. */
export interface MultipartBody {
	fields: Record<string, string>;
	files: Array<{ field: string; fileName: string; contentType: string; content: string; size: number }>;
}

const FILE_TYPES = ['0', '1', '3', '7'];

function choice(fields: Record<string, string>, key: string, allowed: string[], fallback: string): string {
	const value = fields[key] ?? fallback;
	if (!allowed.includes(value)) invalidInput(`${key} must be one of ${allowed.join(', ')}`);
	return value;
}

/**
 * Upload a File (page file-upload-to-leads): multipart/form-data with uploadFiles (the file),
 * FileType 0/1/3/7, FileStorageType 0/1, EnableResize (false for custom field sets), Id (the
 * lead's ID for Entity 0), SchemaName and EntitySchemaName (the custom field set's field),
 * Entity 0 = lead / 1 = activity or opportunity, StorageVersion; the keys are form fields too
 * (checked by the server). The file name comes back in uploadedFile.
 */
function upload(store: CrmStore, body: MultipartBody) {
	const { fields } = body;
	const file = body.files.find((part) => part.field === 'uploadFiles');
	if (!file) mandatoryMissing("'uploadFiles' is mandatory: the file to upload");
	const fileType = choice(fields, 'FileType', FILE_TYPES, '');
	choice(fields, 'FileStorageType', ['0', '1'], '0');
	const resize = choice(fields, 'EnableResize', ['true', 'false'], 'false');
	const entity = choice(fields, 'Entity', ['0', '1'], '0');
	if (fields.StorageVersion !== undefined && !/^\d+$/.test(fields.StorageVersion)) invalidInput('StorageVersion must be a whole number');
	if (fileType === '7') {
		if (resize === 'true') invalidInput('EnableResize must be false for Custom Field Sets');
		for (const key of ['SchemaName', 'EntitySchemaName']) if (!fields[key]?.trim()) mandatoryMissing(`'${key}' is mandatory for a Custom Field Set Document`);
	}
	const id = fields.Id?.trim();
	if (!id) mandatoryMissing("'Id' is mandatory");
	if (entity === '0' && !store.lead(id)) {
		fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Lead not found');
	}
	const { AccessKey: _a, SecretKey: _s, ...kept } = fields;
	store.files.push({ uploadedFile: file!.fileName, fileName: file!.fileName, contentType: file!.contentType, content: file!.content, size: file!.size, fields: kept });
	return FILE_UPLOAD_REPLY(file!.fileName);
}

export function fileRoutes(): CrmRoutes {
	return { 'POST /File/Upload': { multipart: true, handler: ({ store, body }) => ({ status: 200, body: upload(store, (body as { multipart: MultipartBody }).multipart) }) } };
}
