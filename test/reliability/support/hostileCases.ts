import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO_USERS } from '../../sandbox/fixtures';
import { CONVERSE_NOTIFICATION_PATH } from '../../sandbox/server';
import type { RecordedRequest } from '../../sandbox/server';
import {
	anyStructure,
	anyText,
	anyValue,
	fieldName,
	itemsOf,
	MALFORMED_JSON,
	multibyteText,
	optionalUserValue,
	phoneValue,
	SCHEMA_NAMES,
	textAround,
	urlValue,
	userValue,
	wrapped,
} from './hostileValues';

type Item = IDataObject;

/** One execution of a hostile case: the node's parameters and the items fed to it. */
export interface HostileRun {
	parameters: INodeParameters;
	items: Item[];
}

export interface HostileCase {
	name: string;
	/** The endpoint every item that passes the node's checks is sent to. */
	path: string;
	runs: fc.Arbitrary<HostileRun>;
	/** An answer other than 200 that is LeadSquared's to give, not a broken rule (e.g. 404 for an unknown request ID). */
	leadSquaredMayRefuse?: (request: RecordedRequest) => boolean;
	/** How the node reports those answers in an error item. */
	leadSquaredAnswer?: RegExp;
	/** What the sandbox must have received for an item the node accepted. */
	expectSent?: (item: Item, body: unknown) => void;
	/** Reads the node may make while checking items (finding a lead or user), before anything is sent. */
	lookups?: string[];
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

/** A record as n8n items hold them: plain objects (JSON has no null-prototype objects). */
const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { noNullPrototype: true });

const smallText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });

/** Exactly `total` bytes of UTF-8 made of `unit` (1, 2, 3 or 4 bytes) padded with ASCII. */
function utf8OfBytes(unit: string, total: number): string {
	const size = Buffer.byteLength(unit);
	return unit.repeat(Math.floor(total / size)) + 'a'.repeat(total % size);
}

/** Title + Content within 4 bytes either side of LeadSquared's 2048-byte limit, in 1- to 4-byte letters. */
const titleAndContentAtTheLimit = fc
	.record({
		titleUnit: fc.constantFrom('a', 'é', 'अ', '😀'),
		contentUnit: fc.constantFrom('a', 'é', 'अ', '😀'),
		titleBytes: fc.integer({ min: 1, max: 1_500 }),
		over: fc.integer({ min: -4, max: 4 }),
	})
	.map(({ titleUnit, contentUnit, titleBytes, over }) => ({
		title: utf8OfBytes(titleUnit, titleBytes),
		content: utf8OfBytes(contentUnit, 2048 - titleBytes + over),
	}));

/** Not an http(s) address, so an override can never send the node to a host outside the test. */
const notHttpUrl = anyValue.filter(
	(value) => typeof value !== 'string' || !/^https?:/i.test(value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')),
);

const padded = (text: string) => fc.constantFrom(text, ` ${text}`, `${text}\n`, `\t${text} `);

const as = (expression: string) => `={{ $json.${expression} }}`;

const USER_IDS = DEMO_USERS.map((user) => user.ID.toLowerCase());

/**
 * Whether an ID is one of the account's users is LeadSquared's to know: its 400
 * "… is not a user of this account" is the right answer to a value that is none.
 */
const unknownUser = (key: string) => (request: RecordedRequest) => {
	const sent = String((request.body as IDataObject | undefined)?.[key]);
	const said = (request.response as { ExceptionMessage?: string } | undefined)?.ExceptionMessage;
	return request.status === 400 && said === `${key} '${sent}' is not a user of this account` && !USER_IDS.includes(sent.toLowerCase());
};

const UNKNOWN_USER_ANSWER = /^LeadSquared refused the request \(400\): (UserId|ToUser) '[^]*' is not a user of this account \[item \d+\]$/;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function hostileCases(sandboxUrl: string, knownRequestIds: string[]): HostileCase[] {
	const push: HostileCase = {
		name: 'notification: sendBrowserPush',
		path: '/v2/Notifier.svc/Browser.Push',
		runs: itemsOf(
			fc.oneof(
				record({
					userId: optionalUserValue,
					title: fc.oneof(smallText, multibyteText(300)),
					content: fc.oneof(smallText, multibyteText(700)),
					clickUrl: optional(urlValue),
					iconUrl: optional(urlValue),
				}),
				titleAndContentAtTheLimit,
			),
		).map((items) => ({
			parameters: {
				resource: 'notification',
				operation: 'sendBrowserPush',
				userId: as('userId'),
				title: as('title'),
				content: as('content'),
				additionalFields: { clickUrl: as('clickUrl'), iconUrl: as('iconUrl') },
			},
			items,
		})),
		leadSquaredMayRefuse: unknownUser('UserId'),
		leadSquaredAnswer: UNKNOWN_USER_ANSWER,
		expectSent: (item, body) => expect(body).toMatchObject({ Title: text(item.title), Content: text(item.content) }),
	};

	const converse: HostileCase = {
		name: 'notification: sendConverse',
		path: CONVERSE_NOTIFICATION_PATH,
		runs: itemsOf(
			record({
				type: wrapped(fc.constantFrom('Lead', 'Opportunity', 'Activity', 'Task', 'Ticket')),
				toUser: userValue,
				message: fc.oneof(smallText, textAround(200), multibyteText(120)),
				description: optional(fc.oneof(smallText, textAround(500))),
				cta: fc.oneof(
					record({ label: fc.oneof(smallText, textAround(120)), link: urlValue }),
					record({ label: optional(smallText), link: optional(urlValue) }),
				),
				iconColor: optional(fc.constantFrom('#f74f67', '#FFF', 'rgb(247, 79, 103)', 'rgba(1, 2, 3, 0.5)', 'rgb(247, 79, 103, 0.9)')),
				externalReferenceId: optional(fc.oneof(smallText, fc.integer())),
				invocationSource: optional(smallText),
				endpointUrl: optional(fc.oneof(padded(`${sandboxUrl}${CONVERSE_NOTIFICATION_PATH}`), notHttpUrl)),
			}).map(({ cta, ...item }) => ({ ...item, ctaLabel: cta.label, ctaLink: cta.link })),
		).map((items) => ({
			parameters: {
				resource: 'notification',
				operation: 'sendConverse',
				type: as('type'),
				toUserId: as('toUser'),
				message: as('message'),
				additionalFields: {
					description: as('description'),
					ctaLabel: as('ctaLabel'),
					ctaLink: as('ctaLink'),
					iconColor: as('iconColor'),
					externalReferenceId: as('externalReferenceId'),
					invocationSource: as('invocationSource'),
				},
				options: { endpointUrl: as('endpointUrl') },
			},
			items,
		})),
		leadSquaredMayRefuse: unknownUser('ToUser'),
		leadSquaredAnswer: UNKNOWN_USER_ANSWER,
		expectSent: (item, body) => expect(body).toMatchObject({ CardContents: { Message: text(item.message) } }),
	};

	const popup: HostileCase = {
		name: 'telephony: showAgentPopup',
		path: '/v2/Telephony.svc/ShowAgentPopup',
		runs: itemsOf(
			record({
				direction: wrapped(fc.constantFrom('Inbound', 'Outbound')),
				from: phoneValue,
				to: phoneValue,
				display: optional(phoneValue),
				callId: optional(fc.oneof(fc.uuid(), fc.integer({ min: 0 }), smallText)),
				leadId: fc.oneof(fc.uuid(), smallText),
				agent: userValue,
				tag: optional(smallText),
			}),
		).map((items) => ({
			parameters: {
				resource: 'telephony',
				operation: 'showAgentPopup',
				direction: as('direction'),
				sourceNumber: as('from'),
				destinationNumber: as('to'),
				displayNumber: as('display'),
				callSessionId: as('callId'),
				leadId: as('leadId'),
				userId: as('agent'),
				additionalFields: { tag: as('tag') },
			},
			items,
		})),
		leadSquaredMayRefuse: unknownUser('UserId'),
		leadSquaredAnswer: UNKNOWN_USER_ANSWER,
		// an empty Lead ID or Agent is looked up by the call's numbers
		lookups: ['/v2/LeadManagement.svc/RetrieveLeadByPhoneNumber', '/v2/UserManagement.svc/Users.Get'],
	};

	const leadValue = fc.oneof(smallText, fc.emailAddress(), fc.integer(), fc.boolean(), textAround(100), fc.constant(null));
	const waitOptions = {
		wait: fc.oneof(
			{ arbitrary: fc.constantFrom(undefined, false), weight: 4 },
			{ arbitrary: fc.oneof(fc.constant(true), anyValue), weight: 1 },
		),
		timeout: optional(fc.oneof(fc.constantFrom(0.05, 0.3, 2, 10), fc.double({ min: -2, max: 3 }), anyValue)),
		failOnTimeout: optional(fc.oneof(fc.boolean(), anyValue)),
	};
	const waitParameters = { waitForCompletion: as('wait'), waitTimeoutSeconds: as('timeout'), failOnTimeout: as('failOnTimeout') };

	/** Mostly no Search By or EmailAddress (which the lead has), sometimes another field or anything. */
	const searchByValue = fc.oneof(
		{ arbitrary: fc.constantFrom(undefined, '', 'EmailAddress', ' emailaddress '), weight: 4 },
		{ arbitrary: fc.constantFrom(...SCHEMA_NAMES), weight: 1 },
		{ arbitrary: anyValue, weight: 1 },
	);
	const otherFields = fc.shuffledSubarray(
		SCHEMA_NAMES.filter((name) => name !== 'EmailAddress'),
		{ minLength: 3, maxLength: 3 },
	);

	const captureMapped: HostileCase = {
		name: 'lead: captureAsync (mapped fields, waits)',
		path: '/lead/capture',
		runs: fc
			.record({
				slots: fc.integer({ min: 1, max: 4 }),
				items: itemsOf(
					record({
						email: fc.emailAddress(),
						names: otherFields,
						v1: leadValue,
						v2: leadValue,
						v3: leadValue,
						searchBy: searchByValue,
						...waitOptions,
					}).map(({ email, names, ...item }) => ({ n0: 'EmailAddress', v0: email, n1: names[0], n2: names[1], n3: names[2], ...item })),
				),
			})
			.map(({ slots, items }) => ({
				parameters: {
					resource: 'lead',
					operation: 'captureAsync',
					fieldsMode: 'mapped',
					fields: { field: Array.from({ length: slots }, (_, i) => ({ name: as(`n${i}`), value: as(`v${i}`) })) },
					searchBy: as('searchBy'),
					...waitParameters,
				},
				items,
			}))

	};

	const extraKey = fc.oneof(
		{ arbitrary: fc.constantFrom(...SCHEMA_NAMES, 'SearchBy', 'mx_Custom_1'), weight: 6 },
		{ arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
	);
	const lead = fc
		.tuple(fc.emailAddress(), fc.dictionary(extraKey, leadValue, { maxKeys: 4, noNullPrototype: true }))
		.map(([email, extra]) => ({ ...extra, EmailAddress: email } as IDataObject));
	const asPairs = (fields: IDataObject) => Object.entries(fields).map(([Attribute, Value]) => ({ Attribute, Value }));
	const captureJson: HostileCase = {
		name: 'lead: captureAsync (JSON)',
		path: '/lead/capture',
		runs: itemsOf(
			record({
				payload: fc.oneof(
					{ arbitrary: lead, weight: 3 },
					{ arbitrary: lead.map((fields) => JSON.stringify(fields)), weight: 2 },
					{ arbitrary: lead.map(asPairs), weight: 2 },
					{ arbitrary: lead.map((fields) => JSON.stringify(asPairs(fields))), weight: 1 },
					{
						arbitrary: fc.array(fc.record({ Attribute: fieldName, Value: anyValue }, { requiredKeys: [], noNullPrototype: true }), {
							maxLength: 5,
						}),
						weight: 1,
					},
					{ arbitrary: fc.constantFrom(...MALFORMED_JSON), weight: 1 },
					{ arbitrary: anyValue, weight: 1 },
				),
				searchBy: searchByValue,
			}),
		)
			.map((items) => ({
				parameters: { resource: 'lead', operation: 'captureAsync', fieldsMode: 'json', json: as('payload'), searchBy: as('searchBy') },
				items,
			}))

	};

	const status: HostileCase = {
		name: 'lead: getCaptureStatus',
		path: '/lead/status',
		runs: itemsOf(
			record({
				requestId: fc.oneof(
					{ arbitrary: wrapped(fc.constantFrom(...knownRequestIds)), weight: 3 },
					{ arbitrary: fc.uuid(), weight: 1 },
					{ arbitrary: anyValue, weight: 2 },
					{ arbitrary: anyStructure, weight: 1 },
				),
			}),
		).map((items) => ({ parameters: { resource: 'lead', operation: 'getCaptureStatus', requestId: as('requestId') }, items })),
		// A well-formed ID that LeadSquared does not know: its 404 is the right answer.
		leadSquaredMayRefuse: (request) =>
			request.status === 404 && !knownRequestIds.includes(new URL(request.url, sandboxUrl).searchParams.get('RequestID')!.toLowerCase()),
		leadSquaredAnswer: /^LeadSquared answered 404 Not Found: No request found with RequestID [0-9a-fA-F-]{36} \[item \d+\]$/,
	};

	const metrics: HostileCase = {
		name: 'lead: getCaptureMetrics',
		path: '/lead/metrics',
		runs: itemsOf(
			record({
				endpointUrl: fc.oneof(
					fc.constantFrom(undefined, null, '', '  '),
					padded(`${sandboxUrl}/lead/metrics`),
					notHttpUrl,
					anyText.filter((t) => !/https?:/i.test(t)),
				),
			}),
		).map((items) => ({
			parameters: { resource: 'lead', operation: 'getCaptureMetrics', options: { endpointUrl: as('endpointUrl') } },
			items,
		})),
	};

	return [push, converse, popup, captureMapped, captureJson, status, metrics];
}
