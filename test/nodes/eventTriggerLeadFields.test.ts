import { control, createLead, pairs, sleep } from '../sandbox/crmTestKit';
import { WEBHOOK_DELETE_PATH } from '../sandbox/crm/unconfirmed';
import { header, useEventTrigger, WH } from '../harness/eventTriggerKit';
import { EVENT_HEADER } from '../../nodes/LeadSquared/instantTrigger/deliveryHeaders';

const LM = '/v2/LeadManagement.svc';

const fieldBody = (field: string) => ({ WebhookEvent: '26', ChangedLeadField: field, WebhookProperties: JSON.stringify({ ChangedLeadField: field }) });

describe('LeadSquared Instant Trigger: Lead Field Updated (a Lead Field Update webhook per chosen field), in n8n-core against the sandbox', () => {
	const kit = useEventTrigger({ events: ['leadFieldUpdated'], leadFields: ['mx_City', 'Source'] });
	const { sandbox, registered, api, delivered } = kit;
	const host = () => kit.trigger();
	const update = async (leadId: string, fields: Record<string, string>) => await api().post(`${LM}/Lead.Update?leadId=${leadId}&postUpdatedLead=true`, pairs(fields));
	const settled = async () => {
		await sleep(100);
		await sandbox().crm.dispatcher.idle();
	};

	it('registers one webhook per chosen field with the body the probe found to work, and deactivation removes them all', async () => {
		await host().activate();

		expect(kit.createRequests().map((r) => r.body)).toEqual([
			expect.objectContaining({ ...fieldBody('mx_City'), URL: host().productionUrl, Method: 'POST', ContentType: 'application/json' }),
			expect.objectContaining(fieldBody('Source')),
		]);
		const webhooks = await registered();
		expect(webhooks.map((w) => [w.EventCode, w.WebhookProperties, header(w, EVENT_HEADER)])).toEqual([
			['Lead_Field_Change', '{"ChangedLeadField":"mx_City"}', 'leadFieldUpdated'],
			['Lead_Field_Change', '{"ChangedLeadField":"Source"}', 'leadFieldUpdated'],
		]);
		expect(webhooks.map((w) => w.Description)).toEqual([expect.stringContaining('Lead Field Updated (lead field mx_City)'), expect.stringContaining('Lead Field Updated (lead field Source)')]);
		expect((host().nodeStaticData().registrations as Record<string, { webhooks: unknown[] }>)[host().productionUrl].webhooks).toEqual([
			{ id: expect.any(String), eventCode: 26, event: 'leadFieldUpdated', target: 'mx_City' },
			{ id: expect.any(String), eventCode: 26, event: 'leadFieldUpdated', target: 'Source' },
		]);
		sandbox().clearRecord();

		expect(await host().deactivate()).toBe(true);

		expect(await registered()).toEqual([]);
		expect(sandbox().requestsTo(WEBHOOK_DELETE_PATH, 'GET')).toHaveLength(2);
		expect(host().nodeStaticData()).toEqual({ registrations: {} });
	});

	it('a change of a chosen field starts one execution with the lead after, the fields that changed and their values before; other fields start nothing', async () => {
		await host().activate();
		const leadId = await createLead(api(), { FirstName: 'Field', EmailAddress: 'field@example.com', mx_City: 'Pune' });

		await update(leadId, { mx_City: 'Mumbai' });

		const [items] = await delivered(1);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'leadFieldUpdated',
				eventName: 'Lead Field Updated',
				eventCode: 26,
				leadId,
				firstName: 'Field',
				changedFields: expect.arrayContaining(['mx_City']),
				previousValues: expect.objectContaining({ mx_City: 'Pune' }),
				raw: { Before: expect.objectContaining({ mx_City: 'Pune' }), After: expect.objectContaining({ mx_City: 'Mumbai' }) },
			}),
		]);
		expect(items[0].changedFields).not.toContain('FirstName');

		await update(leadId, { FirstName: 'Renamed', City: 'Delhi' });
		await settled();
		expect(host().executions).toHaveLength(1);
	});

	it('one edit of two chosen fields: LeadSquared posts the same payload to both webhooks, and the workflow runs once, with both fields', async () => {
		await host().activate();
		const leadId = await createLead(api(), { EmailAddress: 'two@example.com', mx_City: 'Pune' });

		await update(leadId, { mx_City: 'Chennai', Source: 'Referral' });

		await delivered(1);
		await settled();
		const attempts = (await control(sandbox(), 'GET', '/__sandbox/webhooks/deliveries')).body as Array<{ body: string; ok: boolean }>;
		expect(attempts.map(({ ok }) => ok)).toEqual([true, true]);
		expect(attempts[0].body).toBe(attempts[1].body);
		expect(host().executions).toHaveLength(1);
		expect(host().executions[0][0].changedFields).toEqual(expect.arrayContaining(['mx_City', 'Source']));
	});

	it('takes field names from an expression as comma-separated text, and re-registers when the fields change', async () => {
		host().parameters = { events: ['leadFieldUpdated'], leadFields: 'mx_City, mx_Budget' };
		await host().activate();
		expect(kit.createRequests().map((r) => (r.body as { ChangedLeadField: string }).ChangedLeadField)).toEqual(['mx_City', 'mx_Budget']);

		host().parameters = { events: ['leadFieldUpdated'], leadFields: 'mx_Budget' };
		await host().activate('init');

		expect((await registered()).map((w) => w.WebhookProperties)).toEqual(['{"ChangedLeadField":"mx_Budget"}']);
	});

	it.each([
		[{ events: ['leadFieldUpdated'] }, 'Lead Fields: choose at least one for Lead Field Updated (LeadSquared registers these webhooks one lead field at a time)'],
		[{ events: ['leadFieldUpdated'], leadFields: 'mx_City, City (custom)' }, 'Lead Fields: "City (custom)" is not a lead field\'s schema name (e.g. mx_City)'],
		[
			{ events: ['leadStageChanged', 'leadFieldUpdated'], leadFields: ['mx_City', 'ProspectStage'] },
			'Lead Fields: ProspectStage is watched by Lead Stage Changed already, and LeadSquared allows one Lead Field Update webhook per field: leave it out of Lead Fields',
		],
		[{ events: ['leadFieldUpdated'], leadFields: 'mx_City,mx_city' }, 'Lead Fields: mx_city is watched by Lead Field Updated (lead field mx_City) already'],
	])('refuses to activate with %j, before calling LeadSquared', async (parameters, message) => {
		host().parameters = parameters;
		await expect(host().activate()).rejects.toThrow(message);
		expect(sandbox().requests.filter((r) => r.path.startsWith(WH))).toEqual([]);
	});

	it('a field LeadSquared refuses fails the activation naming it, what was sent and where the body comes from, and leaves nothing registered', async () => {
		host().parameters = { events: ['leadFieldUpdated'], leadFields: ['mx_City', 'mx_Unknown'] };

		const failure = host().activate();

		await expect(failure).rejects.toThrow(
			/LeadSquared refused the registration of Lead Field Updated \(lead field mx_Unknown\): WebhookEvent 26 .*was refused \(500\): ChangedLeadField is not a lead field.*The node sent the body a live probe of LeadSquared found to work for Lead Field Update \(26\).*Sent: \{"WebhookEvent":"26","ChangedLeadField":"mx_Unknown"/,
		);
		expect(await registered()).toEqual([]);
		expect(host().nodeStaticData()).toEqual({});
	});

	it('another webhook on a chosen field (an admin\'s, another workflow\'s) makes LeadSquared refuse: the error says it takes one per field', async () => {
		await api().post(`${WH}/Create`, { URL: 'https://elsewhere.example.com/in', ...fieldBody('Source') });

		await expect(host().activate()).rejects.toThrow(/Lead Field Updated \(lead field Source\): .*already exists for this lead field.*allows one such webhook per field/);

		expect((await registered()).map((w) => w.URL)).toEqual(['https://elsewhere.example.com/in']);
	});
});
