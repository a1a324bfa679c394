import { randomUUID } from 'crypto';

import type { Json } from './common';
import { isObject, lsqDate, objectBody, optionalText, pageIndexPaging, rejectUnknownKeys, reply, requiredText, sameId } from './common';
import { leadNotFound } from './leadWrites';
import type { CrmRoutes } from './routeTypes';
import type { CrmStore, Note } from './store';
import { NOTE_CREATE_PATH } from './unconfirmed';

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

/** Unconfirmed request and response shapes (see unconfirmed.ts, NOTE_RETRIEVE_BODY). */
function retrieve(store: CrmStore, body: unknown, query: URLSearchParams) {
	const request = body === undefined ? {} : objectBody(body);
	const parameter = isObject(request.Parameter) ? (request.Parameter as Json) : {};
	const leadId = optionalText(parameter, 'RelatedProspectId') ?? query.get('leadId');
	if (!leadId)
		return reply(
			{ Status: 'Error', ExceptionType: 'MXMandatoryAttributeMissingException', ExceptionMessage: "'RelatedProspectId' is mandatory" },
			400,
		);
	if (!store.lead(leadId)) leadNotFound();
	const { skip, take } = pageIndexPaging(request, 25);
	const notes = store.notes.filter((n) => sameId(n.leadId, leadId)).sort((a, b) => b.createdOn - a.createdOn);
	return reply({
		RecordCount: notes.length,
		Notes: notes.slice(skip, skip + take).map((n) => ({
			ProspectNoteId: n.id,
			RelatedProspectId: n.leadId,
			Note: n.note,
			AttachmentName: n.attachmentName || null,
			CreatedBy: n.createdBy,
			CreatedOn: lsqDate(n.createdOn),
		})),
	});
}

export function noteRoutes(): CrmRoutes {
	return {
		[`POST ${NOTE_CREATE_PATH}`]: { handler: ({ store, body }) => reply(create(store, body)) },
		['POST /v2/LeadManagement.svc/RetrieveNote']: { optionalBody: true, handler: ({ store, body, query }) => retrieve(store, body, query) },
	};
}
