import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { successMessage } from '../../helpers/answers';
import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { OPERATION_URL_OVERRIDES } from '../../transport/unconfirmedCalls';
import { collection, showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import { endpointOverrideOptions, readEndpointOverride } from '../endpointOverrideOption';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';

const NOTE_OVERRIDE = OPERATION_URL_OVERRIDES.noteCreate;

const properties: INodeProperties[] = [
	leadLocator(['list', 'id', 'email'], 'The lead to add the note to'),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Asked for a quote for 20 seats',
	},
	collection('Additional Fields', [
		{
			displayName: 'Attachment URL',
			name: 'attachmentUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/quote.pdf',
			description: 'A file LeadSquared attaches to the note, given by its URL',
		},
	]),
	endpointOverrideOptions(NOTE_OVERRIDE, ENDPOINTS.noteCreate),
];

export const description = showOnlyFor('note', 'create', properties);

interface NewNote {
	lead: LeadReference;
	note: string;
	attachmentUrl: string;
	url?: string;
}

function prepare(input: ItemInput): NewNote {
	return {
		lead: readLeadReference(input),
		note: input.text('note', 'Note', { required: true }),
		attachmentUrl: input
			.text('attachmentUrl', 'Attachment URL', { url: true }, input.collection('additionalFields').attachmentUrl)
			.trim(),
		url: readEndpointOverride(input, NOTE_OVERRIDE),
	};
}

async function send(this: IExecuteFunctions, note: NewNote, itemIndex: number): Promise<IDataObject> {
	const leadId = await resolveLeadId.call(this, note.lead, itemIndex);
	const response = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.noteCreate,
		url: note.url,
		body: { RelatedProspectId: leadId, Note: note.note, ...(note.attachmentUrl ? { AttachmentName: note.attachmentUrl } : {}) },
		replaySafe: false,
		itemIndex,
		unconfirmed: 'noteCreate',
	});
	return { noteId: successMessage(response).Id ?? null, leadId, note: note.note, attachmentUrl: note.attachmentUrl || null };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
