import { leadBy, SALES_DEAL } from '../harness/crmFixtures';
import { expectNothingSentTo } from '../harness/assertions';
import { runNode } from '../harness/engine';
import { useCrmNodeTests } from '../harness/crmNodeTests';
import { NOTE_CREATE_PATH, OPPORTUNITY_CAPTURE_PATH } from '../sandbox/crm/unconfirmed';
import { apiClient, pairs } from '../sandbox/crmTestKit';

/** Issue 17: Opportunity Get / Delete, Note Get Many / Update, over HTTP to the sandbox. */

const OPP = '/v2/OpportunityManagement.svc';
const NOTES = '/v2/LeadManagement.svc';

const { sandbox, credentials, crm, fixtures } = useCrmNodeTests();

/** A well-formed opportunity ID for the refusal cases (they send nothing). */
const ANY_OPPORTUNITY_ID = '5ca5b042-51ea-4699-b6f0-84c40ab12770';

describe('Opportunity → Get', () => {
	it('puts each of Fields[] under its schema name and keeps LeadSquared’s answer in raw', async () => {
		const { items } = await runNode({
			parameters: { resource: 'opportunity', operation: 'get', opportunityId: fixtures().opportunityId },
			credentials: credentials(),
		});
		const stored = crm().opportunities.find((o) => o.id === fixtures().opportunityId)!;
		expect(items[0].json).toMatchObject({ opportunityId: stored.id, mx_Custom_1: stored.fields.mx_Custom_1, Status: 'Open' });
		expect((items[0].json.raw as { Fields: unknown[] }).Fields.length).toBeGreaterThan(0);
		const [request] = sandbox().requestsTo(`${OPP}/GetOpportunityDetails`, 'GET');
		expect(new URL(request.url, sandbox().url).searchParams.get('OpportunityId')).toBe(stored.id);
	});

	it('an unknown opportunity is LeadSquared’s refusal, in its words', async () => {
		const run = await runNode({
			parameters: { resource: 'opportunity', operation: 'get', opportunityId: '00000000-0000-0000-0000-000000000000' },
			credentials: credentials(),
		});
		expect(run.error?.message).toMatch(/Opportunity not found \[item 0\]$/);
	});

	it.each(['get', 'delete'])('%s refuses an empty Opportunity ID before sending anything', async (operation) => {
		const run = await runNode({ parameters: { resource: 'opportunity', operation, opportunityId: '={{ "" }}' }, credentials: credentials() });
		expect(run.error?.message).toBe("'Opportunity ID' is required [item 0]");
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Opportunity → Get Many by IDs', () => {
	const byIds = (parameters: Record<string, unknown>) => ({
		resource: 'opportunity',
		operation: 'getManyById',
		opportunityType: SALES_DEAL,
		columns: 'mx_Custom_1, Status',
		...parameters,
	});

	it('gets the opportunities in one call, one item each, with the columns asked for', async () => {
		const second = await apiClient(sandbox()).post(OPPORTUNITY_CAPTURE_PATH, {
			LeadDetails: pairs({ EmailAddress: fixtures().email }),
			Opportunity: { OpportunityEventCode: SALES_DEAL, Fields: [{ SchemaName: 'mx_Custom_1', Value: `Second ${Date.now()}` }] },
		});
		const ids = [fixtures().opportunityId, second.body.CreatedOpportunityId as string];
		sandbox().clearRecord();
		const { items } = await runNode({ parameters: byIds({ opportunityIds: ids.join('\n') }), credentials: credentials() });
		expect(items.map((item) => item.json.opportunityId).sort()).toEqual([...ids].sort());
		expect(items[0].json).toMatchObject({ ProspectId: fixtures().leadId, Status: 'Open', mx_Custom_1: expect.any(String) });
		expect(items[0].json.ModifiedOn).toBeUndefined();
		expect(sandbox().requestsTo(`${OPP}/GetOpportunitiesById`)[0].body).toEqual({
			SearchParameters: [{ EventCode: String(SALES_DEAL), ProspectActivityId: ids, Columns: { Include_CSV: 'mx_Custom_1,Status' } }],
		});
	});

	it.each([
		['2,001 IDs', { opportunityIds: Array.from({ length: 2001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',') }, /^'Opportunity IDs' holds 2001 IDs; LeadSquared takes at most 2000/],
		['a column that is no schema name', { opportunityIds: ANY_OPPORTUNITY_ID, columns: 'Deal Name' }, /^'Columns' must be a LeadSquared schema name/],
		['no type', { opportunityIds: ANY_OPPORTUNITY_ID, opportunityType: '={{ "" }}' }, /^'Opportunity Type' is required \[item 0\]$/],
	])('refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({ parameters: byIds(parameters), credentials: credentials() });
		expect(run.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Opportunity → Delete', () => {
	it('deletes the opportunity (GET …/Delete?Id=), and a second delete reports it not found', async () => {
		const id = fixtures().opportunityId;
		const parameters = { resource: 'opportunity', operation: 'delete', opportunityId: id };
		const { items } = await runNode({ parameters, credentials: credentials() });
		expect(items[0].json).toEqual({ opportunityId: id, deleted: true });
		expect(crm().opportunities.find((o) => o.id === id)).toBeUndefined();
		expect(new URL(sandbox().requestsTo(`${OPP}/Delete`, 'GET')[0].url, sandbox().url).searchParams.get('Id')).toBe(id);
		const again = await runNode({ parameters, credentials: credentials() });
		expect(again.error?.message).toMatch(/Opportunity not found \[item 0\]$/);
	});

	it('a 500 is reported and not sent again', async () => {
		sandbox().setFaults([{ kind: 'status500', path: `${OPP}/Delete`, count: 1 }]);
		const run = await runNode({
			parameters: { resource: 'opportunity', operation: 'delete', opportunityId: fixtures().opportunityId },
			credentials: credentials(),
		});
		expect(run.error?.message).toBe('LeadSquared failed to handle the request (500): 500 - Internal server error. [item 0]');
		expect(sandbox().requestsTo(`${OPP}/Delete`, 'GET')).toHaveLength(1);
	});
});

describe('Note → Get Many and Update', () => {
	const addNote = async (text: string) =>
		(await apiClient(sandbox()).post(NOTE_CREATE_PATH, { RelatedProspectId: fixtures().leadId, Note: text })).body.Message.Id as string;

	it('gets a lead’s notes (lead by email, looked up first), with a Limit', async () => {
		const first = await addNote('First note');
		const second = await addNote('Second note');
		sandbox().clearRecord();
		const { items } = await runNode({
			parameters: { resource: 'note', operation: 'getAll', lead: leadBy('email', fixtures().email), returnAll: false, limit: 1 },
			credentials: credentials(),
		});
		expect(items).toHaveLength(1);
		expect([first, second]).toContain(items[0].json.ProspectNoteId);
		expect(sandbox().requestsTo(`${NOTES}/RetrieveNote`)[0].body).toEqual({
			Parameter: { RelatedId: fixtures().leadId },
			Paging: { PageIndex: 1, PageSize: 1 },
			Sorting: { ColumnName: 'CreatedOn', Direction: 1 },
		});
	});

	it('updates a note’s text', async () => {
		const noteId = await addNote('Old text');
		const { items } = await runNode({
			parameters: { resource: 'note', operation: 'update', lead: leadBy('id', fixtures().leadId), noteId, note: 'New text' },
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({ noteId, leadId: fixtures().leadId, updated: true, submitted: { Note: 'New text' } });
		expect(crm().notes.find((n) => n.id === noteId)?.note).toBe('New text');
	});

	it.each([
		['neither text nor attachment', { note: '  ' }, /^'New Note Text' is empty, and so is New Attachment URL/],
		['a note ID that is no ID', { noteId: 'note-1', note: 'x' }, /^'Note ID' must be a LeadSquared ID like/],
		['an attachment that is no URL', { attachmentUrl: 'quote.pdf' }, /^'New Attachment URL' must be a full http\(s\) URL/],
	])('Update refuses %s before sending anything', async (_, parameters, message) => {
		const run = await runNode({
			parameters: {
				resource: 'note',
				operation: 'update',
				lead: leadBy('id', fixtures().leadId),
				noteId: '5b25bd3d-cb2f-11e6-b5f1-22000aa8e760',
				...parameters,
			},
			credentials: credentials(),
		});
		expect(run.error?.message).toMatch(message);
		expectNothingSentTo(sandbox(), `${NOTES}/UpdateNote`);
		expect(sandbox().requests).toEqual([]);
	});
});
