import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { leadLocator } from '../crm.descriptions';
import type { LeadReference } from '../leadReference';
import { readLeadReference, resolveLeadId } from '../leadReference';

export const description = showOnlyFor('note', 'update', [
	leadLocator(['list', 'id', 'email'], 'The lead the note is on'),
	{
		displayName: 'Note ID',
		name: 'noteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cf75b465-dcb2-11e6-b5f1-22000aa8e760',
		hint: 'Get Many (notes of a lead) lists the IDs, as ProspectNoteId',
	},
	{ displayName: 'New Note Text', name: 'note', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{
		displayName: 'New Attachment URL',
		name: 'attachmentUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/quote.pdf',
		hint: 'Give the new text, a new attachment URL, or both',
	},
]);

interface NoteChange {
	lead: LeadReference;
	noteId: string;
	changes: IDataObject;
}

function prepare(input: ItemInput): NoteChange {
	const note = input.text('note', 'New Note Text');
	const attachmentUrl = input.text('attachmentUrl', 'New Attachment URL', { url: true }).trim();
	// Page update-note: "Pass either Note or AttachmentName".
	if (!note.trim() && !attachmentUrl)
		throw input.error('New Note Text', 'is empty, and so is New Attachment URL: LeadSquared needs one of them to update a note');
	return {
		lead: readLeadReference(input),
		noteId: input.text('noteId', 'Note ID', { required: true, shape: 'id' }).trim(),
		changes: { ...(note.trim() ? { Note: note } : {}), ...(attachmentUrl ? { AttachmentName: attachmentUrl } : {}) },
	};
}

async function send(this: IExecuteFunctions, change: NoteChange, itemIndex: number): Promise<IDataObject> {
	const leadId = await resolveLeadId.call(this, change.lead, itemIndex);
	await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.noteUpdate,
		body: { RelatedProspectId: leadId, ProspectNoteId: change.noteId, ...change.changes },
		// Setting a note's text twice leaves the same note.
		replaySafe: true,
		itemIndex,
	});
	return { noteId: change.noteId, leadId, updated: true, submitted: change.changes };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
