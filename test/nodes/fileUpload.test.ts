import { Container } from '@n8n/di';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { expectNoSecretIn } from '../harness/assertions';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { runNode } from '../harness/engine';
import { FILE_UPLOAD_PARAMETERS, FILE_UPLOAD_PATH } from '../harness/fileEmailCases';
import type { MultipartBody } from '../sandbox/crm/files';

// n8n's filesystem binary data mode: the files live on disk and the items carry only their IDs.
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_AVAILABLE_BINARY_DATA_MODES = 'filesystem';
process.env.N8N_BINARY_DATA_STORAGE_PATH = mkdtempSync(join(tmpdir(), 'lsq-binary-'));

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();
const binaryData = () => Container.get(BinaryDataService);

beforeAll(async () => {
	await binaryData().init();
});

/** A file as n8n keeps it in filesystem mode: on disk, the item holding its ID. */
async function onDisk(bytes: Buffer, fileName: string, mimeType: string): Promise<IBinaryData> {
	const location = { type: 'execution' as const, workflowId: 'wf-test', executionId: `upload-${Date.now()}` };
	return await binaryData().store(location, bytes, { data: '', fileName, mimeType });
}

/** A file as n8n keeps it in its default mode: base64 in the item. */
const inline = (bytes: Buffer, fileName: string, mimeType: string): IBinaryData => ({ data: bytes.toString('base64'), fileName, mimeType });

const upload = async (inputItems: INodeExecutionData[], parameters: IDataObject = {}, options: { continueOnFail?: boolean; credentials?: IDataObject } = {}) =>
	await runNode({
		parameters: { ...FILE_UPLOAD_PARAMETERS, ...parameters },
		credentials: { ...credentials(), ...options.credentials },
		inputItems,
		continueOnFail: options.continueOnFail,
	});

const item = (binary: Record<string, IBinaryData>, json: IDataObject = {}): INodeExecutionData => ({ json: { leadId: fixtures().leadId, ...json }, binary });

const forms = () => sandbox().requestsTo(FILE_UPLOAD_PATH).map((request) => (request.body as { multipart: MultipartBody }).multipart);

// Bytes that are not valid UTF-8, so a body sent as text would not arrive intact.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]), Buffer.from('\n%%EOF')]);

describe('File → Upload', () => {
	it('sends a file kept on disk (filesystem mode) as multipart with the page’s fields and outputs LeadSquared’s answer', async () => {
		const binary = await onDisk(PDF, 'contract.pdf', 'application/pdf');
		expect(binary.id).toMatch(/^filesystem/);
		const { items, error } = await upload([item({ data: binary })]);
		expect(error).toBeUndefined();
		const [form] = forms();
		expect(form.fields).toEqual({
			AccessKey: sandbox().accounts[0].accessKey,
			SecretKey: sandbox().accounts[0].secretKey,
			FileType: '3',
			FileStorageType: '0',
			EnableResize: 'false',
			Entity: '0',
			StorageVersion: '0',
			Id: fixtures().leadId,
		});
		expect(form.files).toEqual([expect.objectContaining({ field: 'uploadFiles', fileName: 'contract.pdf', contentType: 'application/pdf', size: PDF.length })]);
		expect(Buffer.from(crm().files.at(-1)!.content, 'base64').equals(PDF)).toBe(true);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			response: { Status: 'Success', uploadedFile: 'contract.pdf' },
			leadId: fixtures().leadId,
			fileName: 'contract.pdf',
			fileSize: PDF.length,
		});
		expect(JSON.stringify(items[0].json)).not.toContain(sandbox().accounts[0].secretKey);
	});

	it('reads another binary property, renames the file and sends a custom field set document with its schema names', async () => {
		const binary = inline(Buffer.from('id card'), 'scan.png', 'image/png');
		const { error } = await upload([item({ scan: binary })], {
			binaryPropertyName: 'scan',
			fileType: '7',
			schemaName: 'mx_CFS_Id_Card',
			entitySchemaName: 'mx_Documents',
			options: { fileName: 'aadhar.png', fileStorageType: '1' },
		});
		expect(error).toBeUndefined();
		const [form] = forms();
		expect(form.fields).toMatchObject({ FileType: '7', FileStorageType: '1', SchemaName: 'mx_CFS_Id_Card', EntitySchemaName: 'mx_Documents' });
		expect(form.files[0]).toMatchObject({ fileName: 'aadhar.png', contentType: 'image/png', size: 7 });
	});

	it('an item without the binary property is refused before anything is sent, naming the item and the property', async () => {
		const good = item({ data: inline(PDF, 'a.pdf', 'application/pdf') });
		const { error } = await upload([good, item({ other: inline(PDF, 'b.pdf', 'application/pdf') }), { json: { leadId: fixtures().leadId } }]);
		expect(error?.message).toBe(`'Input Binary Field' names no file on this item: it has no binary property "data" (it has "other") [item 1]`);
		expect(sandbox().requests).toEqual([]);
	});

	it('an item with no binary data at all says so', async () => {
		const { error } = await upload([{ json: { leadId: fixtures().leadId } }]);
		expect(error?.message).toBe(`'Input Binary Field' names no file on this item: it has no binary property "data" (it has no binary data) [item 0]`);
		expect(sandbox().requests).toEqual([]);
	});

	it('refuses Resize Image for a custom field set document, and a lead that is no ID, before sending', async () => {
		const file = { data: inline(PDF, 'a.pdf', 'application/pdf') };
		const resized = await upload([item(file)], { fileType: '7', schemaName: 'mx_A', entitySchemaName: 'mx_B', options: { enableResize: true } });
		expect(resized.error?.message).toBe("'Resize Image' must be off for a Custom Field Set Document (LeadSquared’s rule) [item 0]");
		const noSchema = await upload([item(file)], { fileType: '7', schemaName: '={{ "" }}', entitySchemaName: 'mx_B' });
		expect(noSchema.error?.message).toBe("'Field Schema Name' is required [item 0]");
		const badLead = await upload([item(file, { leadId: 'not-an-id' })]);
		expect(badLead.error?.message).toMatch(/^'Lead' must be a LeadSquared ID like .* \(got "not-an-id"\) \[item 0\]$/);
		expect(sandbox().requests).toEqual([]);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others are uploaded, each output paired', async () => {
		const file = (name: string) => ({ data: inline(Buffer.from(name), name, 'text/plain') });
		const { items, status } = await upload([item(file('one.txt')), item({}), item(file('three.txt'))], {}, { continueOnFail: true });
		expect(status).toBe('success');
		expect(items.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/^'Input Binary Field' names no file on this item/);
		expect(forms().map((form) => form.files[0].fileName)).toEqual(['one.txt', 'three.txt']);
	});

	it('finds the lead by e-mail before uploading', async () => {
		const email = crm().lead(fixtures().leadId)!.fields.EmailAddress;
		const { error } = await upload([item({ data: inline(PDF, 'a.pdf', 'application/pdf') })], { lead: { mode: 'email', value: email } });
		expect(error).toBeUndefined();
		expect(forms()[0].fields.Id).toBe(fixtures().leadId);
	});
});

describe('File → Upload when LeadSquared refuses', () => {
	const file = () => item({ data: inline(PDF, 'a.pdf', 'application/pdf') });

	it('a 400 carries LeadSquared’s message and is not sent again', async () => {
		sandbox().setFaults([{ kind: 'status400', path: FILE_UPLOAD_PATH }]);
		const { error } = await upload([file()]);
		expect(error?.message).toBe('LeadSquared refused the request (400): The request body is not as per API specification (injected fault) [item 0]');
		expect(sandbox().requestsTo(FILE_UPLOAD_PATH)).toHaveLength(1);
	});

	it('a 401 (wrong keys in the form) points at the keys and shows no key', async () => {
		const { error, run } = await upload([file()], {}, { credentials: { secretKey: 'wrong-secret-key-123' } });
		expect(error?.message).toMatch(/^LeadSquared rejected the credentials \(401\) at .*: Invalid AccessKey or SecretKey \[item 0\]$/);
		expectNoSecretIn(run, ['wrong-secret-key-123', sandbox().accounts[0].accessKey]);
	});

	it('a 404 (no file host at the File Upload URL) points at the credential’s host', async () => {
		const { error } = await upload([file()], {}, { credentials: { fileUploadUrl: `${sandbox().url}/not-leadsquared` } });
		expect(error?.message).toMatch(/^LeadSquared answered 404 Not Found: No API at POST \/not-leadsquared\/File\/Upload \[item 0\]$/);
		expect(error?.description).toMatch(/check the Region \(or Custom URLs\) of the credential/i);
	});

	it('a Custom region without a File Upload URL fails before sending', async () => {
		const { error } = await upload([file()], {}, { credentials: { fileUploadUrl: '' } });
		expect(error?.message).toBe('The LeadSquared credential has no valid File Upload URL (Region is Custom), which this operation needs [item 0]');
		expect(sandbox().requests).toEqual([]);
	});

	it('a 429 is sent again, with the whole file, once LeadSquared has room', async () => {
		sandbox().setFaults([{ kind: 'status429', path: FILE_UPLOAD_PATH, count: 1 }]);
		const { status } = await upload([file()]);
		expect(status).toBe('success');
		expect(sandbox().requestsTo(FILE_UPLOAD_PATH).map((request) => request.status)).toEqual([429, 200]);
		expect(forms()[1].files[0].size).toBe(PDF.length);
	});

	it('a 500 is reported and not sent again (a repeat could store the file twice)', async () => {
		sandbox().setFaults([{ kind: 'status500', path: FILE_UPLOAD_PATH, count: 1 }]);
		const { error } = await upload([file()]);
		expect(error?.message).toBe('LeadSquared failed to handle the request (500): 500 - Internal server error. [item 0]');
		expect(error?.description).toContain('Not sent again automatically');
		expect(sandbox().requestsTo(FILE_UPLOAD_PATH)).toHaveLength(1);
	});
});
