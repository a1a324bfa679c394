import type { Loose } from './crmTestKit';
import { apiClient, createLead, useCrmSandbox } from './crmTestKit';

const UPLOAD = '/File/Upload';
const SEND = '/v2/EmailMarketing.svc/SendEmailToLead';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('sandbox CRM: the file host (File/Upload) and SendEmailToLead', () => {
	const sandbox = useCrmSandbox();
	const api = () => apiClient(sandbox());
	const account = () => sandbox().accounts[0];
	let leadId = '';
	const email = `files.${Date.now()}@example.com`;

	beforeAll(async () => {
		leadId = await createLead(api(), { EmailAddress: email, FirstName: 'Files' });
	});

	/** A multipart POST as the page shows it: the keys as form fields, the file as uploadFiles. */
	async function upload(fields: Record<string, string>, file: Buffer | null = Buffer.from('hello'), headers: Record<string, string> = {}) {
		const form = new FormData();
		for (const [name, value] of Object.entries({ AccessKey: account().accessKey, SecretKey: account().secretKey, ...fields })) form.append(name, value);
		if (file) form.append('uploadFiles', new Blob([file], { type: 'text/plain' }), 'hello.txt');
		const response = await fetch(sandbox().url + UPLOAD, { method: 'POST', body: form, headers });
		return { status: response.status, body: (await response.json()) as Loose };
	}

	it('takes a lead attachment with the keys as form fields and answers the file name in uploadedFile', async () => {
		const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x41]);
		const answer = await upload({ FileType: '3', FileStorageType: '0', EnableResize: 'false', Entity: '0', Id: leadId, StorageVersion: '0' }, bytes);
		expect(answer).toMatchObject({ status: 200, body: { Status: 'Success', uploadedFile: 'hello.txt' } });
		const stored = sandbox().crm.storeForKey(undefined)!.files.at(-1)!;
		expect(Buffer.from(stored.content, 'base64').equals(bytes)).toBe(true);
		expect(stored.fields).not.toHaveProperty('SecretKey');
	});

	it('takes the keys only as form fields: headers alone, or a wrong form key, get a 401', async () => {
		const form = new FormData();
		form.append('FileType', '3');
		form.append('Id', leadId);
		form.append('uploadFiles', new Blob(['x']), 'x.txt');
		const headersOnly = await fetch(sandbox().url + UPLOAD, {
			method: 'POST',
			body: form,
			headers: { 'x-LSQ-AccessKey': account().accessKey, 'x-LSQ-SecretKey': account().secretKey },
		});
		expect(headersOnly.status).toBe(401);
		expect((await upload({ FileType: '3', Id: leadId, SecretKey: 'wrong' })).status).toBe(401);
	});

	it('refuses what the page rules out', async () => {
		expect((await upload({ FileType: '3', Id: leadId }, null)).body.ExceptionMessage).toBe("'uploadFiles' is mandatory: the file to upload");
		expect((await upload({ FileType: '5', Id: leadId })).body.ExceptionMessage).toBe('FileType must be one of 0, 1, 3, 7');
		expect((await upload({ FileType: '7', Id: leadId, EnableResize: 'true', SchemaName: 'a', EntitySchemaName: 'b' })).body.ExceptionMessage).toBe(
			'EnableResize must be false for Custom Field Sets',
		);
		expect((await upload({ FileType: '7', Id: leadId })).body.ExceptionMessage).toBe("'SchemaName' is mandatory for a Custom Field Set Document");
		expect(await upload({ FileType: '3', Id: UNKNOWN })).toMatchObject({ status: 500, body: { ExceptionType: 'MXInvalidEntityReferenceException' } });
		const json = await api().post(UPLOAD, { FileType: '3', Id: leadId });
		expect(json.status).toBe(401);
	});

	it('SendEmailToLead sends to a lead by e-mail address (the page example) and by ID, and keeps the e-mail', async () => {
		const body = { SenderType: 'APICaller', RecipientType: 'LeadEmailAddress', Recipient: email, EmailType: 'Html', ContentHTML: '<p>Hi</p>', Subject: 'Hi' };
		const byEmail = await api().post(SEND, body);
		expect(byEmail).toMatchObject({ status: 200, body: { Status: 'Success' } });
		expect(sandbox().crm.storeForKey(undefined)!.emails.at(-1)).toMatchObject({ id: byEmail.body.Message.Id, leadId });
		expect((await api().post(SEND, { ...body, RecipientType: 'LeadId', Recipient: leadId })).status).toBe(200);
	});

	it('SendEmailToLead refuses unknown keys, an unknown lead or sender, and a template without its name', async () => {
		const body = { SenderType: 'APICaller', RecipientType: 'LeadEmailAddress', Recipient: email, EmailType: 'Html', ContentHTML: '<p>Hi</p>', Subject: 'Hi' };
		expect((await api().post(SEND, { ...body, To: 'x' })).body.ExceptionMessage).toBe("Unknown attribute 'To'");
		expect((await api().post(SEND, { ...body, Recipient: 'nobody@example.com' })).status).toBe(500);
		expect((await api().post(SEND, { ...body, SenderType: 'UserId', Sender: UNKNOWN })).status).toBe(500);
		expect((await api().post(SEND, { ...body, EmailType: 'Template' })).body.ExceptionMessage).toBe("'EmailLibraryName' is mandatory");
		expect((await api().post(SEND, { ...body, Schedule: 'tomorrow' })).status).toBe(400);
	});
});
