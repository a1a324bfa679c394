import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { quote } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { uploadFile } from '../../transport/fileUpload';
import { collection, showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';

/** The FileType values of the page file-upload-to-leads. */
const FILE_TYPES = { document: '0', image: '1', leadAttachment: '3', customFieldSetDocument: '7' } as const;

const CFS = { fileType: [FILE_TYPES.customFieldSetDocument] };

const properties: INodeProperties[] = [
	leadLocator(['list', 'id', 'email'], 'The lead the file is uploaded to'),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to be uploaded',
	},
	{
		displayName: 'File Type',
		name: 'fileType',
		type: 'options',
		options: [
			{ name: 'Custom Field Set Document', value: FILE_TYPES.customFieldSetDocument, description: 'A file-type field of a custom field set of the lead' },
			{ name: 'Document', value: FILE_TYPES.document },
			{ name: 'Image', value: FILE_TYPES.image },
			{ name: 'Lead Attachment', value: FILE_TYPES.leadAttachment },
		],
		default: '3',
	},
	{
		displayName: 'Field Schema Name',
		name: 'schemaName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. mx_CFS_Aadhar_Card',
		description: 'Schema name of the file-type field within the custom field set',
		displayOptions: { show: CFS },
	},
	{
		displayName: 'Custom Field Set Schema Name',
		name: 'entitySchemaName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. mx_Documents',
		description: 'Schema name of the lead field the custom field set belongs to',
		displayOptions: { show: CFS },
	},
	collection('Options', [
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: "The name LeadSquared gets for the file. Empty: the binary data's own file name.",
		},
		{
			displayName: 'Storage',
			name: 'fileStorageType',
			type: 'options',
			options: [
				{ name: 'Permanent', value: '0' },
				{ name: 'Temporary', value: '1' },
			],
			default: '0',
		},
		{
			displayName: 'Resize Image',
			name: 'enableResize',
			type: 'boolean',
			default: false,
			description: 'Whether LeadSquared may resize the image (never for a custom field set document)',
		},
		{
			displayName: 'Storage Version',
			name: 'storageVersion',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'The storage configured for the account: 0 is LeadSquared’s own; your account manager knows the value of your own storage',
		},
	]),
];

export const description = showOnlyFor('file', 'upload', properties);

interface Upload {
	lead: LeadReference;
	binaryPropertyName: string;
	binary: IBinaryData;
	fileName: string;
	fields: Record<string, string>;
}

/** The binary property of the item, or an error naming the item, the field and what the item has. */
function readBinary(this: IExecuteFunctions, input: ItemInput): { name: string; binary: IBinaryData } {
	const name = input.text('binaryPropertyName', 'Input Binary Field', { required: true }).trim();
	const binaries = this.getInputData()[input.itemIndex]?.binary ?? {};
	if (!binaries[name]) {
		const present = Object.keys(binaries);
		throw input.error(
			'Input Binary Field',
			`names no file on this item: it has no binary property ${quote(name)} (${present.length ? `it has ${present.map((key) => quote(key)).join(', ')}` : 'it has no binary data'})`,
			'Set Input Binary Field to the binary property that holds the file, e.g. the one a Read/Write Files from Disk or HTTP Request node wrote.',
		);
	}
	return { name, binary: this.helpers.assertBinaryData(input.itemIndex, name) };
}

function readFields(input: ItemInput): Record<string, string> {
	const options = input.collection('options');
	const FileType = input.text('fileType', 'File Type', { required: true, oneOf: Object.values(FILE_TYPES) });
	const forCfs = FileType === FILE_TYPES.customFieldSetDocument;
	const EnableResize = options.enableResize === true;
	// The page: EnableResize "Always set to 'false' for Custom Field Sets".
	if (forCfs && EnableResize) throw input.error('Resize Image', 'must be off for a Custom Field Set Document (LeadSquared’s rule)');
	const FileStorageType = input.text('fileStorageType', 'Storage', { oneOf: ['0', '1'] }, options.fileStorageType ?? '0');
	const StorageVersion = input.wholeNumber('storageVersion', 'Storage Version', { min: 0 }, options.storageVersion ?? 0) ?? 0;
	const cfs: Record<string, string> = forCfs
		? {
				SchemaName: input.text('schemaName', 'Field Schema Name', { required: true, shape: 'schemaName' }),
				EntitySchemaName: input.text('entitySchemaName', 'Custom Field Set Schema Name', { required: true, shape: 'schemaName' }),
			}
		: {};
	// Entity 0: the Id is a lead's.
	return { FileType, FileStorageType, EnableResize: String(EnableResize), Entity: '0', StorageVersion: String(StorageVersion), ...cfs };
}

function prepare(this: IExecuteFunctions, input: ItemInput): Upload {
	const lead = readLeadReference(input);
	const { name, binary } = readBinary.call(this, input);
	const fields = readFields(input);
	const given = input.text('fileName', 'File Name', {}, input.collection('options').fileName).trim();
	return { lead, binaryPropertyName: name, binary, fileName: given || binary.fileName || 'file', fields };
}

async function send(this: IExecuteFunctions, upload: Upload, itemIndex: number): Promise<IDataObject> {
	const Id = await resolveLeadId.call(this, upload.lead, itemIndex);
	// Read only now, one file at a time: with binary data on disk (filesystem mode) n8n reads it from there.
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, upload.binaryPropertyName);
	const fields = { ...upload.fields, Id };
	const file = { bytes, fileName: upload.fileName, mimeType: upload.binary.mimeType };
	const response = await uploadFile.call(this, fields, file, itemIndex);
	return { response: response as IDataObject, leadId: Id, fileName: upload.fileName, fileSize: bytes.length, sent: fields };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
