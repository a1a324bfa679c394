import { OPPORTUNITY_CAPTURE_PATH } from '../sandbox/crm/unconfirmed';
import { control, createLead, pairs, sleep } from '../sandbox/crmTestKit';
import { header, useEventTrigger } from '../harness/eventTriggerKit';
import { EVENT_HEADER, PROOF_HEADER } from '../../nodes/LeadSquared/instantTrigger/deliveryHeaders';

const LM = '/v2/LeadManagement.svc';
const ACTIVITY = '/v2/ProspectActivity.svc/Create';

describe('LeadSquared Instant Trigger: deliveries in n8n-core, from the sandbox', () => {
	const kit = useEventTrigger({ events: ['leadCreated', 'leadStageChanged'] });
	const { sandbox, registered, api, delivered, post } = kit;
	const host = () => kit.trigger();
	const secretOf = async () => header((await registered())[0], PROOF_HEADER)!;

	it('a lead created in LeadSquared starts one execution with its flat fields and the raw payload', async () => {
		await host().activate();
		const leadId = await createLead(api(), { FirstName: 'Priya', LastName: 'Sharma', EmailAddress: 'priya@example.com', Phone: '+91-9876543210' });

		const [items] = await delivered(1);
		expect(host().executions).toHaveLength(1);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'leadCreated',
				eventName: 'Lead Created',
				eventCode: 3,
				leadId,
				firstName: 'Priya',
				lastName: 'Sharma',
				email: 'priya@example.com',
				phone: '+91-9876543210',
				stage: 'Prospect',
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				raw: expect.objectContaining({ ProspectID: leadId, EmailAddress: 'priya@example.com' }),
			}),
		]);
		const [attempt] = (await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries')).body;
		expect(attempt).toMatchObject({ attempt: 1, status: 200, ok: true });
		const secret = attempt.headers[PROOF_HEADER];
		expect(JSON.stringify(host().executions)).not.toContain(secret);
		expect(JSON.stringify(host().stored)).not.toContain(secret);
	});

	it('a stage change (a field update on ProspectStage, the lead before and after) starts one execution with the new and previous stage', async () => {
		await host().activate();
		const leadId = await createLead(api(), { FirstName: 'Stage', EmailAddress: 'stage@example.com' });
		await delivered(1);

		await api().post(`${LM}/Lead.Update?leadId=${leadId}&postUpdatedLead=true`, pairs({ ProspectStage: 'Customer' }));

		const executions = await delivered(2);
		expect(executions[1]).toEqual([
			expect.objectContaining({ event: 'leadStageChanged', eventCode: 26, leadId, firstName: 'Stage', stage: 'Customer', previousStage: 'Prospect', raw: { Before: expect.any(Object), After: expect.any(Object) } }),
		]);
		await api().post(`${LM}/Lead.Update?leadId=${leadId}&postUpdatedLead=true`, pairs({ FirstName: 'Renamed' }));
		await sleep(100);
		await sandbox().crm.dispatcher.idle();
		expect(host().executions).toHaveLength(2);
	});

	it('answers HEAD, GET and a verification without payload with 200, starting nothing', async () => {
		await host().activate();
		const [webhook] = await registered();

		const head = await fetch(host().productionUrl, { method: 'HEAD' });
		const get = await fetch(host().productionUrl);
		await control(sandbox(), 'POST', '/__sandbox/webhooks/verify', { webhookId: webhook.WebhookId });
		await sandbox().crm.dispatcher.idle();
		const bare = await fetch(host().productionUrl, { method: 'POST' });

		expect([head.status, get.status]).toEqual([200, 200]);
		expect((await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries')).body).toEqual([expect.objectContaining({ verification: true, status: 200, ok: true })]);
		expect([bare.status, await bare.json()]).toEqual([200, { Status: 'Success', StatusReason: 'No payload: nothing to do' }]);
		expect(host().executions).toHaveLength(0);
	});

	it('a delivery without the secret, or with a wrong one, is answered 200 with Status Error and starts nothing', async () => {
		await host().activate();
		const secret = await secretOf();
		// the secret with its last hex digit changed (to 1 if it was 0): one digit off
		const oneOff = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;

		const answers = [await post(host().productionUrl, { [EVENT_HEADER]: 'leadCreated' }), await post(host().productionUrl, { [PROOF_HEADER]: oneOff }), await post(host().productionUrl, { [PROOF_HEADER]: '' })];

		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
		for (const answer of answers) expect(await answer.json()).toEqual({ Status: 'Error', StatusReason: expect.stringMatching(/secret/) });
		expect(host().executions).toHaveLength(0);
		const right = await post(host().productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: 'leadCreated' });
		expect([right.status, await right.json()]).toEqual([200, { Status: 'Success', StatusReason: '' }]);
		expect(host().executions).toHaveLength(1);
	});

	it('a delivery whose sender stopped waiting starts nothing; its retry starts the one execution', async () => {
		await host().activate();
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { timeoutMs: 150 });
		host().stall(1, 400);

		await createLead(api(), { FirstName: 'Late', EmailAddress: 'late@example.com' });

		const executions = await delivered(1);
		expect(executions).toEqual([[expect.objectContaining({ event: 'leadCreated', firstName: 'Late' })]]);
		const attempts = (await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries')).body;
		expect(attempts.map(({ attempt, ok }: { attempt: number; ok: boolean }) => [attempt, ok])).toEqual([
			[1, false],
			[2, true],
		]);
	});

	it('a delivery LeadSquared sends again (same event and payload) is answered 200 and starts nothing more', async () => {
		await host().activate();
		const secret = await secretOf();
		const lead = { ProspectID: 'resent-1', FirstName: 'Twice', ModifiedOn: '2024-05-01 10:00:00' };

		const first = await post(host().productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: 'leadCreated' }, lead);
		const again = await post(host().productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: 'leadCreated' }, lead);
		const otherEvent = await post(host().productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: 'leadUpdated' }, lead);
		// A registration of an earlier version names its event by number.
		const byNumber = await post(host().productionUrl, { [PROOF_HEADER]: secret, [EVENT_HEADER]: '4' }, lead);

		expect([first.status, again.status, otherEvent.status, byNumber.status]).toEqual([200, 200, 200, 200]);
		expect(await again.json()).toEqual({ Status: 'Success', StatusReason: 'Already received' });
		expect(host().executions.map(([item]) => item.event)).toEqual(['leadCreated', 'leadUpdated', 'leadOwnerChanged']);
	});

	it('activity deliveries (a minute\'s activities of the chosen types, as one array) become one flat item per activity', async () => {
		host().parameters = { events: ['activityPosted'], activityTypes: [201, 202] };
		await control(sandbox(), 'POST', '/__sandbox/webhooks/delivery', { batchWindowMs: 300 });
		await host().activate();
		const leadId = await createLead(api(), { FirstName: 'Ravi', EmailAddress: 'ravi@example.com' });
		const owner = sandbox().accounts[0].users[0].ID;

		await api().post(ACTIVITY, { RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: 'First call', Fields: [{ SchemaName: 'mx_Custom_1', Value: '42' }] });
		await api().post(ACTIVITY, { RelatedProspectId: leadId, ActivityEvent: 201, ActivityNote: 'Second call' });
		await api().post(ACTIVITY, { RelatedProspectId: leadId, ActivityEvent: 202, ActivityNote: 'A message', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Hello' }] });
		await api().post(ACTIVITY, { RelatedProspectId: leadId, ActivityEvent: 203, ActivityNote: 'Not chosen' });

		const executions = await delivered(2);
		await sleep(100);
		expect(host().executions).toHaveLength(2);
		const calls = executions.find((items) => items.length === 2)!;
		expect(calls).toEqual([
			expect.objectContaining({
				event: 'activityPosted',
				eventCode: 2,
				activityId: expect.any(String),
				activityType: '201',
				activityName: 'Phone Call',
				activityNote: 'First call',
				leadId,
				createdBy: owner,
				createdOn: expect.any(String),
				activityFields: { Note: 'First call', mx_Custom_1: '42' },
				raw: expect.objectContaining({ ProspectActivityId: expect.any(String), Data: { Note: 'First call', mx_Custom_1: '42' } }),
			}),
			expect.objectContaining({ activityType: '201', activityNote: 'Second call' }),
		]);
		expect(executions.find((items) => items.length === 1)).toEqual([expect.objectContaining({ activityType: '202', activityName: 'WhatsApp Message', activityNote: 'A message', activityFields: { Note: 'A message', mx_Custom_1: 'Hello' } })]);
	});

	it('maps tasks, opportunities (in the activity shape) and landing pages', async () => {
		host().parameters = { events: ['taskCreated', 'taskCompleted', 'opportunityCreated', 'opportunityStageChanged', 'landingPageSubmission'], opportunityTypes: [12000] };
		await host().activate();
		const leadId = await createLead(api(), { FirstName: 'Ravi', EmailAddress: 'ravi@example.com' });
		const owner = sandbox().accounts[0].users[0];

		const task = await api().post('/v2/Task.svc/Create', { Name: 'Call back', RelatedEntity: 1, RelatedEntityId: leadId, DueDate: '2024-06-01 09:00:00', OwnerId: owner.ID, TaskType: { Name: 'Phone Call' } });
		await api().post('/v2/Task.svc/Update', { UserTaskId: task.body.Message.Id, StatusCode: 1 });
		const opportunity = await api().post(OPPORTUNITY_CAPTURE_PATH, {
			LeadDetails: pairs({ EmailAddress: 'ravi@example.com', SearchBy: 'EmailAddress' }),
			Opportunity: { OpportunityEventCode: 12000, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Annual plan' }, { SchemaName: 'mx_Custom_2', Value: 'Prospecting' }] },
		});
		await api().post('/v2/OpportunityManagement.svc/Update', { ProspectOpportunityId: opportunity.body.CreatedOpportunityId, Fields: [{ SchemaName: 'mx_Custom_2', Value: 'Negotiation' }] });
		await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl: 'https://example.com/lp/offer', fields: { EmailAddress: 'visitor@example.com', FirstName: 'Vee' } });

		const items = (await delivered(5)).flat();
		expect(items.map((item) => item.event).sort()).toEqual(['landingPageSubmission', 'opportunityCreated', 'opportunityStageChanged', 'taskCompleted', 'taskCreated']);
		const byEvent = (event: string) => items.find((item) => item.event === event);
		expect(byEvent('taskCreated')).toMatchObject({ taskId: task.body.Message.Id, taskName: 'Call back', taskType: 'Phone Call', relatedEntityId: leadId, ownerId: owner.ID, status: '0' });
		expect(byEvent('taskCompleted')).toMatchObject({ taskId: task.body.Message.Id, status: '1', completedOn: expect.any(String) });
		const opportunityItem = { opportunityId: opportunity.body.CreatedOpportunityId, opportunityTypeCode: '12000', leadId, ownerId: owner.ID, opportunityFields: {} };
		expect(byEvent('opportunityCreated')).toMatchObject({ ...opportunityItem, eventCode: 31 });
		expect(byEvent('opportunityStageChanged')).toMatchObject({ ...opportunityItem, eventCode: 34 });
		expect(byEvent('landingPageSubmission')).toMatchObject({ landingPageUrl: 'https://example.com/lp/offer', email: 'visitor@example.com', firstName: 'Vee' });
		expect(items.every((item) => item.raw && typeof item.raw === 'object')).toBe(true);
	});

	it('takes the one event the nodes panel sets as a plain value ("On lead created")', async () => {
		host().parameters = { events: 'leadCreated' };
		await host().activate();
		expect((await registered()).map((w) => w.EventName)).toEqual(['Lead Creation']);
	});

	it('registers landing page submissions for the chosen pages only', async () => {
		host().parameters = { events: ['landingPageSubmission'], landingPageUrls: 'https://example.com/lp/offer, https://example.com/lp/demo' };
		await host().activate();
		expect((await registered())[0]).toMatchObject({ IsSpecificLandingPage: true, LandingPageUrls: 'https://example.com/lp/offer,https://example.com/lp/demo' });

		await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl: 'https://example.com/lp/other', fields: { EmailAddress: 'a@example.com' } });
		await control(sandbox(), 'POST', '/__sandbox/landing-page', { pageUrl: 'https://example.com/lp/demo', fields: { EmailAddress: 'b@example.com' } });

		expect((await delivered(1)).map(([item]) => item.email)).toEqual(['b@example.com']);
	});

	it('"Listen for test event" registers the test URL apart and leaves the production registrations alone', async () => {
		host().parameters = { events: ['leadCreated', 'leadUpdated'] };
		await host().activate();
		const production = (await registered()).map((w) => w.WebhookId).sort();

		await host().listenForTestEvent();
		const during = await registered();
		expect(during.filter((w) => w.URL === host().testUrl)).toHaveLength(2);
		expect(during.filter((w) => w.URL === host().productionUrl).map((w) => w.WebhookId).sort()).toEqual(production);
		await createLead(api(), { EmailAddress: 'test.and.production@example.com' });
		expect(await delivered(2)).toHaveLength(2);
		expect(host().answers.filter((a) => a.status === 200).map((a) => a.url.split('/')[1]).sort()).toEqual(['webhook', 'webhook-test']);

		await host().stopListening();

		expect((await registered()).map((w) => w.WebhookId).sort()).toEqual(production);
	});

	it('"Listen for test event" on Lead Stage Changed while the workflow is active says LeadSquared takes one ProspectStage webhook', async () => {
		await host().activate();
		const production = (await registered()).map((w) => w.WebhookId).sort();

		await expect(host().listenForTestEvent()).rejects.toThrow(/Lead Stage Changed: .*already exists for this lead field/);

		expect((await registered()).map((w) => w.WebhookId).sort()).toEqual(production);
	});
});
