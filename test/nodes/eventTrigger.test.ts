import { createHash } from 'crypto';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { control, createLead } from '../sandbox/crmTestKit';
import { PROBE_ACCOUNT_EVENT_NUMBERS, WEBHOOK_DELETE_PATH, WEBHOOK_EVENTS } from '../sandbox/crm/unconfirmed';
import { header, useEventTrigger, WH } from '../harness/eventTriggerKit';
import { WebhookTriggerHost } from '../harness/webhookTriggerHost';
import { EVENT_HEADER, PROOF_HEADER } from '../../nodes/LeadSquared/instantTrigger/deliveryHeaders';
import { TRIGGER_EVENTS } from '../../nodes/LeadSquared/instantTrigger/events';
import { LeadSquaredEventTrigger } from '../../nodes/LeadSquared/LeadSquaredEventTrigger.node';

const activityBody = (type: string) => ({ ActivityEvent: type, WebhookProperties: JSON.stringify({ ActivityEvent: type, ActivityData: '[]', WebPageNames: '[]' }) });

describe('LeadSquared Instant Trigger: registration and clean-up in n8n-core, against the sandbox', () => {
	const kit = useEventTrigger({ events: ['leadCreated', 'leadStageChanged'] });
	const { sandbox, registered, api } = kit;
	const host = () => kit.trigger();
	const deletes = () => [...sandbox().requestsTo(WEBHOOK_DELETE_PATH, 'GET'), ...sandbox().requestsTo(WEBHOOK_DELETE_PATH, 'POST')].sort((a, b) => a.seq - b.seq);

	it('is added as "LeadSquared Instant Trigger", the name of the node in the panel', () => {
		const { description } = new LeadSquaredEventTrigger();
		expect(description.defaults.name).toBe(description.displayName);
		expect(description.defaults.name).toBe('LeadSquared Instant Trigger');
	});

	it('expects of each registration the EventCode the Retrieve page pairs with its number (page numbers) or the probe\'s account gave it', () => {
		const names = TRIGGER_EVENTS.flatMap((event) =>
			event.codes.map(({ code, source }) => {
				const filed = source === 'page' ? code : PROBE_ACCOUNT_EVENT_NUMBERS[code];
				return [event.value, typeof filed === 'number' ? WEBHOOK_EVENTS[filed]?.name : undefined, event.registeredAs];
			}),
		);
		expect(names.filter(([, filed, expected]) => filed !== expected)).toEqual([]);
		expect(new Set(TRIGGER_EVENTS.map((event) => event.value)).size).toBe(TRIGGER_EVENTS.length);
	});

	it('registers Lead Created with the page\'s body and Lead Stage Changed as a field update on ProspectStage, each with the secret and event headers', async () => {
		await host().activate();

		const webhooks = await registered();
		expect(webhooks.map((w) => [w.EventCode, w.WebhookProperties, header(w, EVENT_HEADER)]).sort()).toEqual([
			['Lead_Field_Change', '{"ChangedLeadField":"ProspectStage"}', 'leadStageChanged'],
			['Lead_Post_Create', null, 'leadCreated'],
		]);
		const [lead, stage] = kit.createRequests().map((r) => r.body);
		expect(lead).toEqual(expect.objectContaining({ WebhookEvent: '3', WebhookProperties: null, URL: host().productionUrl, Method: 'POST', ContentType: 'application/json' }));
		expect(stage).toEqual(expect.objectContaining({ WebhookEvent: '26', ChangedLeadField: 'ProspectStage', WebhookProperties: '{"ChangedLeadField":"ProspectStage"}' }));
		const secret = header(webhooks[0], PROOF_HEADER)!;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(webhooks.every((w) => w.URL === host().productionUrl && header(w, PROOF_HEADER) === secret && /\[n8n-webhook-[0-9a-f]{16}\]$/.test(w.Description))).toBe(true);
		expect(host().nodeStaticData()).toEqual({
			registrations: {
				[host().productionUrl]: {
					secretHash: createHash('sha256').update(secret).digest('hex'),
					webhooks: expect.arrayContaining([
						{ id: expect.any(String), eventCode: 3, event: 'leadCreated', target: '' },
						{ id: expect.any(String), eventCode: 26, event: 'leadStageChanged', target: 'ProspectStage' },
					]),
				},
			},
		});
	});

	it('registers activity events once per chosen activity type, with the body the probe found to work', async () => {
		host().parameters = { events: ['activityPosted', 'activityUpdated'], activityTypes: [201, 202] };
		await host().activate();

		expect(kit.createRequests().map((r) => r.body)).toEqual([
			expect.objectContaining({ WebhookEvent: '2', ...activityBody('201') }),
			expect.objectContaining({ WebhookEvent: '2', ...activityBody('202') }),
			expect.objectContaining({ WebhookEvent: '15', ...activityBody('201') }),
			expect.objectContaining({ WebhookEvent: '15', ...activityBody('202') }),
		]);
		expect((await registered()).map((w) => w.EventCode).sort()).toEqual(['LeadActivity_Post_Create', 'LeadActivity_Post_Create', 'LeadActivity_Post_Update', 'LeadActivity_Post_Update']);
		expect(await host().deactivate()).toBe(true);
		expect(await registered()).toEqual([]);
	});

	it.each([
		[{ events: ['activityPosted'] }, 'Activity Types: choose at least one for Activity Posted'],
		[{ events: ['activityPosted'], activityTypes: '201, Phone' }, 'Activity Types: "Phone" is not a type code'],
		[{ events: ['opportunityCreated'], opportunityTypes: [] }, 'Opportunity Types: choose at least one for Opportunity Created'],
		[{ events: [] }, 'Choose at least one event in Events'],
		[{ events: ['landingPageSubmission'], landingPageUrls: 'not a url' }, 'Landing Page URLs: "not a url" is not an http(s) URL'],
		[{ events: ['leadCreated'], options: { endpointUrl: 'ftp://x' } }, 'Delete API URL (Override) "ftp://x" is not an http(s) URL'],
	])('refuses to activate with %j, before calling LeadSquared', async (parameters, message) => {
		host().parameters = parameters;
		await expect(host().activate()).rejects.toThrow(message);
		expect(sandbox().requests.filter((r) => r.path.startsWith(WH))).toEqual([]);
	});

	it('takes activity type codes from an expression as comma-separated text', async () => {
		host().parameters = { events: ['activityPosted'], activityTypes: '201,202' };
		await host().activate();
		expect(kit.createRequests().map((r) => (r.body as { ActivityEvent: string }).ActivityEvent)).toEqual(['201', '202']);
	});

	it('activation then deactivation leaves no registration, deleting with GET ?webhookId= and confirming with Retrieve', async () => {
		await host().activate();
		sandbox().clearRecord();

		expect(await host().deactivate()).toBe(true);

		expect(await registered()).toEqual([]);
		expect(deletes().map((r) => [r.method, new URL(r.url, 'http://x').searchParams.has('webhookId')])).toEqual([
			['GET', true],
			['GET', true],
		]);
		const afterDeletes = deletes().at(-1)!.seq;
		expect(sandbox().requestsTo(`${WH}/Retrieve`).some((r) => r.seq > afterDeletes)).toBe(true);
		expect(host().nodeStaticData()).toEqual({ registrations: {} });
	});

	it('leaves no registration when the account answers GET with 405: it deletes with POST {WebhookId}, and only that for the rest', async () => {
		await host().activate();
		await control(sandbox(), 'POST', '/__sandbox/config', { webhookDeleteForm: 'post' });
		sandbox().clearRecord();

		expect(await host().deactivate()).toBe(true);

		expect(await registered()).toEqual([]);
		expect(deletes().map((r) => [r.method, r.status])).toEqual([
			['GET', 405],
			['POST', 200],
			['POST', 200],
		]);
	});

	it('a deactivation that cannot delete returns false and logs which registrations are left and how to remove them', async () => {
		const logged = jest.spyOn(Container.get(Logger), 'error').mockImplementation(() => undefined);
		await host().activate();
		const webhooks = await registered();
		sandbox().setFaults([{ kind: 'status400', path: WEBHOOK_DELETE_PATH }]);

		expect(await host().deactivate()).toBe(false);

		expect(await registered()).toHaveLength(2);
		const message = logged.mock.calls.map(([text]) => String(text)).find((text) => text.includes('still registered')) ?? '';
		logged.mockRestore();
		for (const webhook of webhooks) expect(message).toContain(`${webhook.WebhookId} (`);
		expect(message).toContain('Lead Created');
		expect(message).toContain('Lead Stage Changed');
		expect(message).toContain(host().productionUrl);
		expect(message).toContain('My Account > Settings > API and Webhooks > Webhooks');
		expect(message).not.toContain(header(webhooks[0], PROOF_HEADER));
		// The node keeps them: the next try removes them.
		expect(host().nodeStaticData().registrations).toEqual({ [host().productionUrl]: expect.objectContaining({ webhooks: expect.any(Array) }) });
		sandbox().setFaults([]);
		expect(await host().deactivate()).toBe(true);
		expect(await registered()).toEqual([]);
	});

	it('a Delete address that answers 200 but deletes nothing is not taken for a clean-up: re-activation fails naming what is left', async () => {
		await host().activate();
		const before = await registered();
		// A wrong Delete API URL (Override) that answers GET with 200: LeadSquared's lead fields.
		host().parameters = { events: ['leadCreated'], options: { endpointUrl: `${sandbox().url}/v2/LeadManagement.svc/LeadsMetaData.Get` } };
		sandbox().clearRecord();

		await expect(host().activate()).rejects.toThrow(/still registered: .*\(Lead (Created|Stage Changed), posting to .*\/webhook\).*Retrieve still lists it/);

		expect((await registered()).map((w) => w.WebhookId).sort()).toEqual(before.map((w) => w.WebhookId).sort());
		expect(kit.createRequests()).toEqual([]);
	});

	it('a restart keeps registrations that are still intact, without creating any', async () => {
		await host().activate();
		const before = (await registered()).map((w) => w.WebhookId).sort();
		sandbox().clearRecord();

		await host().activate('init');

		expect((await registered()).map((w) => w.WebhookId).sort()).toEqual(before);
		expect(kit.createRequests()).toEqual([]);
	});

	it.each([
		['deleted by hand in LeadSquared', async (id: string) => await api().get(`${WEBHOOK_DELETE_PATH}?webhookId=${id}`)],
		['disabled by hand', async (id: string) => await api().post(`${WH}/Update`, { WebhookId: id, StatusCode: 1 })],
		['stripped of its secret header', async (id: string) => await api().post(`${WH}/Update`, { WebhookId: id, CustomHeaders: [] })],
	])('re-activation replaces registrations when one was %s, leaving exactly one per event', async (_, spoil) => {
		await host().activate();
		const before = await registered();
		await spoil(before[0].WebhookId);

		await host().activate('init');

		const after = await registered();
		expect(after).toHaveLength(2);
		expect(after.every((w) => w.StatusCode === 0 && !before.some((old) => old.WebhookId === w.WebhookId))).toBe(true);
		expect(header(after[0], PROOF_HEADER)).not.toBe(header(before[0], PROOF_HEADER));
		await createLead(api(), { EmailAddress: 'replaced@example.com' });
		expect(await kit.delivered(1)).toHaveLength(1);
	});

	it('a Create whose answer was lost leaves a registration that the failed activation removes, by its marker', async () => {
		sandbox().setFaults([{ kind: 'dropAfter', method: 'POST', path: `${WH}/Create`, count: 1 }]);

		await expect(host().activate()).rejects.toThrow();

		expect(await registered()).toEqual([]);
		expect(host().nodeStaticData()).toEqual({});
		await host().activate();
		expect(await registered()).toHaveLength(2);
	});

	it('names what LeadSquared refused and what the node sent, and undoes what it had registered', async () => {
		host().parameters = { events: ['leadCreated', 'activityPosted'], activityTypes: [201, 3001] };

		const failure = host().activate();

		await expect(failure).rejects.toThrow(
			'LeadSquared refused the registration of Activity Posted (activity type 3001): WebhookEvent 2 (the Create a Webhook page\'s number) was refused (500): ActivityEvent is not a valid activity type.',
		);
		await expect(failure).rejects.toThrow(/The node sent the body a live probe of LeadSquared found to work.*Sent: \{"WebhookEvent":"2","ActivityEvent":"3001"/);
		expect(kit.createRequests().map((r) => r.status)).toEqual([200, 200, 500]);
		expect(await registered()).toEqual([]);
		expect(host().nodeStaticData()).toEqual({});
	});

	it('says that LeadSquared allows one field update webhook per field when another one watches ProspectStage', async () => {
		await api().post(`${WH}/Create`, { URL: 'https://elsewhere.example.com/in', WebhookEvent: '26', ChangedLeadField: 'ProspectStage', WebhookProperties: '{"ChangedLeadField":"ProspectStage"}' });

		await expect(host().activate()).rejects.toThrow(/Lead Stage Changed: .*already exists for this lead field.*allows one such webhook per field/);

		expect((await registered()).map((w) => w.URL)).toEqual(['https://elsewhere.example.com/in']);
	});

	it('registers opportunity events per type; where the account files the page\'s number under another event, it deletes that and uses the probe\'s', async () => {
		host().parameters = { events: ['opportunityCreated', 'opportunityUpdated'], opportunityTypes: [12000] };
		await control(sandbox(), 'POST', '/__sandbox/config', { webhookEventNumbers: 'probe' });

		await host().activate();

		expect(kit.createRequests().map((r) => [(r.body as { WebhookEvent: string }).WebhookEvent, r.status])).toEqual([
			['31', 200],
			['29', 200],
			['32', 500],
			['30', 200],
		]);
		expect(kit.createRequests()[0].body).toEqual(expect.objectContaining({ OpportunityEvents: ['12000'], WebhookProperties: '{"OpportunityEvents":["12000"],"IsAsyncEnable":false}' }));
		expect((await registered()).map((w) => w.EventCode).sort()).toEqual(['Opportunity_Post_Create', 'Opportunity_Post_Update']);
		expect(await host().deactivate()).toBe(true);
		expect(await registered()).toEqual([]);
	});

	it('leftovers of its URL that the node does not know of are removed at activation', async () => {
		const stray = await api().post(`${WH}/Create`, { URL: host().productionUrl, WebhookEvent: '3', Description: 'x' });
		await host().activate();
		const marker = (await registered()).find((w) => w.WebhookId !== stray.body.Message.Id)!.Description.match(/\[(n8n-webhook-[0-9a-f]+)\]/)![1];
		await api().post(`${WH}/Create`, { URL: host().productionUrl, WebhookEvent: '3', Description: `copy [${marker}]` });
		await api().post(`${WH}/Create`, { URL: 'https://elsewhere.example.com/hook', WebhookEvent: '3', Description: `other URL [${marker}]` });

		await host().activate('init');

		const left = await registered();
		expect(left.filter((w) => w.URL === host().productionUrl && w.Description.includes(marker))).toHaveLength(2);
		expect(left.map((w) => w.Description)).toEqual(expect.arrayContaining(['x', `other URL [${marker}]`]));
	});

	it('the registrations of an old webhook URL are removed at the next activation', async () => {
		await host().activate();
		const moved = await WebhookTriggerHost.start(host().parameters, sandbox().credentialsFor());
		moved.stored = host().stored;
		await host().close();
		kit.replaceTrigger(moved);

		await host().activate('init');

		expect((await registered()).map((w) => w.URL)).toEqual([host().productionUrl, host().productionUrl]);
		expect(Object.keys(host().nodeStaticData().registrations as object)).toEqual([host().productionUrl]);
	});

	it('uses the Delete API URL (Override) to remove registrations, in the same forms', async () => {
		await host().activate();
		host().parameters = { ...host().parameters, options: { endpointUrl: `${sandbox().url}${WEBHOOK_DELETE_PATH}?via=override` } };
		sandbox().clearRecord();

		expect(await host().deactivate()).toBe(true);

		expect(deletes().map((r) => r.url)).toEqual([expect.stringMatching(/via=override.*webhookId=/), expect.stringMatching(/via=override.*webhookId=/)]);
		expect(await registered()).toEqual([]);
	});
});
