import { randomUUID } from 'crypto';

import type { Json } from './common';
import {
	fail,
	isObject,
	mandatoryMissing,
	lsqDate,
	objectBody,
	optionalText,
	pageIndexPaging,
	rejectUnknownKeys,
	reply,
	requiredText,
	sameId,
	sortingOf,
	sortRows,
} from './common';
import { leadNotFound } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore, Note } from './store';
import { BUSINESS_EXCEPTION_STATUS, NOTE_CREATE_PATH, NOTES_PAGE_DEFAULT } from './unconfirmed';

const noteNotFound = (): never =>
	fail(BUSINESS_EXCEPTION_STATUS.MXInvalidEntityReferenceException, 'MXInvalidEntityReferenceException', 'Note not found');

function create(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['RelatedProspectId', 'Note', 'AttachmentName']);
	const leadId = requiredText(request, 'RelatedProspectId', undefined, "'RelatedProspectId' is mandatory");
	const text = requiredText(request, 'Note', 8000);
	if (!store.lead(leadId)) leadNotFound();
	const note: Note = {
		id: randomUUID(),
		leadId,
		note: text,
		attachmentName: optionalText(request, 'AttachmentName', 500) ?? '',
		createdBy: store.keyOwner.ID,
		createdOn: store.now(),
	};
	store.notes.push(note);
	return { Status: 'Success', Message: { Id: note.id } };
}

/**
 * LeadSquared's Get a Lead's Notes: `Parameter{RelatedId (mandatory), Id (one note)}`, `Paging`,
 * `Sorting` → `{List: [...]}`. Its default page size is not published (see unconfirmed.ts).
 */
function retrieve(store: CrmStore, body: unknown) {
	const request = body === undefined ? {} : objectBody(body);
	const parameter = isObject(request.Parameter) ? (request.Parameter as Json) : {};
	const leadId = requiredText(parameter, 'RelatedId', undefined, "'RelatedId' is mandatory");
	if (!store.lead(leadId)) leadNotFound();
	const noteId = optionalText(parameter, 'Id');
	const { skip, take } = pageIndexPaging(request, NOTES_PAGE_DEFAULT);
	const { column, descending } = sortingOf(request);
	const notes = store.notes
		.filter((n) => sameId(n.leadId, leadId) && (!noteId || sameId(n.id, noteId)))
		.sort((a, b) => b.createdOn - a.createdOn)
		.map((n) => {
			const author = store.user(n.createdBy);
			return {
				ProspectNoteId: n.id,
				RelatedProspectId: n.leadId,
				Note: n.note,
				AttachmentName: n.attachmentName || null,
				AttachmentURL: n.attachmentName || null,
				CreatedBy: n.createdBy,
				CreatedByName: author ? `${author.FirstName} ${author.LastName}` : null,
				CreatedOn: lsqDate(n.createdOn),
			};
		});
	return reply({ List: sortRows(notes, column, descending).slice(skip, skip + take) });
}

/** Page update-note: RelatedProspectId and ProspectNoteId mandatory, then Note and/or AttachmentName → {Status}. */
function update(store: CrmStore, body: unknown) {
	const request = objectBody(body);
	rejectUnknownKeys(request, ['RelatedProspectId', 'ProspectNoteId', 'Note', 'AttachmentName']);
	const leadId = requiredText(request, 'RelatedProspectId', undefined, "'RelatedProspectId' is mandatory");
	const noteId = requiredText(request, 'ProspectNoteId', undefined, "'ProspectNoteId' is mandatory");
	const text = optionalText(request, 'Note', 8000);
	const attachment = optionalText(request, 'AttachmentName', 500);
	if (!text && !attachment) mandatoryMissing("Pass either 'Note' or 'AttachmentName'");
	if (!store.lead(leadId)) leadNotFound();
	const note = store.notes.find((n) => sameId(n.id, noteId) && sameId(n.leadId, leadId)) ?? noteNotFound();
	if (text) note.note = text;
	if (attachment) note.attachmentName = attachment;
	return { Status: 'Success' };
}

export function noteRoutes(): CrmRoutes {
	return {
		[`POST ${NOTE_CREATE_PATH}`]: { handler: ({ store, body }) => reply(create(store, body)) },
		['POST /v2/LeadManagement.svc/UpdateNote']: { handler: ({ store, body }) => reply(update(store, body)) },
		['POST /v2/LeadManagement.svc/RetrieveNote']: { optionalBody: true, handler: ({ store, body }) => retrieve(store, body) },
	};
}
