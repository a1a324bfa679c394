import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { DEMO_USERS, LEAD_FIELDS } from '../../sandbox/fixtures';

/**
 * Values an n8n item field may hold when it reaches a LeadSquared parameter through
 * `={{ $json.x }}`: anything JSON allows (plus NaN/Infinity, which a Code node can output),
 * or nothing at all (`undefined`, the field is missing).
 */

/** Hand-picked strings that have broken parsers, trimmers and byte counters before. */
const NASTY_STRINGS = [
	'',
	' ',
	'\t\n\r',
	'\u00a0',
	'\u200b',
	'\ufeff',
	'\u0000',
	'\ud800',
	'null',
	'undefined',
	'NaN',
	'[object Object]',
	'{{ $json }}',
	'={{ 1 + 1 }}',
	'<script>alert(1)</script>',
	"'; DROP TABLE Leads; --",
	'%s %n %x',
	'../../etc/passwd',
	'\u202eevil',
	'Z̴̢͈͙̩̈́̈́a̶̧̛͎l̷̨̛g̵̢͝o̵',
	'👩‍👩‍👧‍👦🇮🇳❤️',
];

/** Malformed or surprising JSON text, for the JSON parameter and anything else. */
export const MALFORMED_JSON = [
	'{',
	'{"FirstName": "A",}',
	"{'FirstName': 'A'}",
	'[{"Attribute": "FirstName"}',
	'{"FirstName": undefined}',
	'NaN',
	'"just a string"',
	'[1, 2, 3]',
	'[]',
	'{}',
	'null',
	'true',
	'{"__proto__": {"polluted": "yes"}, "FirstName": "A"}',
	'{"FirstName": "A", "FirstName": "B"}',
];

const MULTIBYTE_UNITS = ['😀', '👩‍👩‍👧‍👦', '🇮🇳', 'अ', 'த', '中', 'é', 'a', ' ', '\u0301'];

/** Text made of multi-byte letters and emoji, up to a few KB: around LeadSquared's 2 KB and 200/500/120-character limits. */
export const multibyteText = (maxUnits = 800) =>
	fc.array(fc.constantFrom(...MULTIBYTE_UNITS), { maxLength: maxUnits }).map((units) => units.join(''));

/** One letter repeated past every limit LeadSquared has (up to 40,000 characters). */
export const hugeText = fc
	.tuple(fc.constantFrom('a', '😀', 'अ', ' ', '\n'), fc.integer({ min: 150, max: 40_000 }))
	.map(([unit, times]) => unit.repeat(times));

/** Text exactly at, or one past, a character limit. */
export const textAround = (limit: number) =>
	fc
		.tuple(fc.constantFrom('a', 'é', 'अ', '😀'), fc.integer({ min: limit - 2, max: limit + 1 }))
		.map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

export const anyText = fc.oneof(
	{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 3 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 2 },
	{ arbitrary: fc.constantFrom(...NASTY_STRINGS, ...MALFORMED_JSON), weight: 3 },
	{ arbitrary: multibyteText(), weight: 1 },
	{ arbitrary: hugeText, weight: 1 },
);

export const anyNumber = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.constantFrom(0, -0, 1e21, -1, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, NaN, Infinity, -Infinity),
);

const jsonLeaf = fc.oneof(anyText, anyNumber, fc.boolean(), fc.constant(null));

/** Objects and lists, as an expression gives them where text is expected. */
export const anyStructure = fc.oneof(
	fc.dictionary(fc.string({ maxLength: 12 }), jsonLeaf, { maxKeys: 4, noNullPrototype: true }),
	fc.array(jsonLeaf, { maxLength: 4 }),
	fc.jsonValue({ maxDepth: 3 }).filter((value) => value !== null && typeof value === 'object'),
	// JSON objects whose keys shadow Object.prototype: String() and Number() throw on the first two.
	fc.constantFrom({}, [], [[]], { a: { b: { c: 1 } } }, { toString: 'x' }, { valueOf: 1, toString: null }, { constructor: 'x' }),
);

/** Anything an item field can hold, including nothing. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: anyText, weight: 5 },
	{ arbitrary: anyNumber, weight: 2 },
	{ arbitrary: fc.boolean(), weight: 1 },
	{ arbitrary: fc.constantFrom(null, undefined), weight: 2 },
	{ arbitrary: anyStructure, weight: 2 },
);

/** Wraps valid text the way spreadsheets and forms do: padding, other case. */
export const wrapped = (values: fc.Arbitrary<string>) =>
	fc
		.tuple(values, fc.constantFrom('', ' ', '\t', '\n  '), fc.constantFrom('', ' ', '\n'), fc.boolean())
		.map(([value, before, after, upper]) => `${before}${upper ? value.toUpperCase() : value}${after}`);

/**
 * A user field. Whether an ID belongs to the account is LeadSquared's check (a 400
 * "is not a user of this account"), not a rule the node can know, so every text here is
 * a real user's ID, padded or in capitals; the rest must be refused by the node.
 */
export const userValue = fc.oneof(
	{ arbitrary: wrapped(fc.constantFrom(...DEMO_USERS.map((user) => user.ID))), weight: 4 },
	{ arbitrary: fc.constantFrom(null, undefined, '', '  ', '\n'), weight: 1 },
	{ arbitrary: anyStructure, weight: 1 },
);

export const optionalUserValue = fc.oneof(userValue, fc.constant(undefined));

/** Click, icon and button links: sent to LeadSquared as data, never requested by the node. */
export const urlValue = fc.oneof(
	fc.webUrl({ withQueryParameters: true, withFragments: true }),
	wrapped(fc.constant('https://in21.leadsquared.com/x?y=1')),
);

export const phoneValue = fc.oneof(
	fc.constantFrom('+91-8611795988', '+1 (415) 555-0100', '080 2345 6789', '123', '+44.20.7946.0958'),
	fc.integer({ min: 100, max: Number.MAX_SAFE_INTEGER }),
	wrapped(fc.stringMatching(/^\+?[0-9][0-9 ()-]{2,18}$/)),
);

/**
 * A few items per execution (engine overhead is paid once for all of them). Each item is
 * `valid` with up to two of its fields replaced by anything at all.
 */
export const itemsOf = (valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<IDataObject[]> =>
	fc.array(
		fc.tuple(valid, fc.array(fc.tuple(fc.nat(), anyValue), { maxLength: 2 })).map(([item, corruptions]) => {
			const keys = Object.keys(item);
			const hostile: Record<string, unknown> = { ...item };
			for (const [which, value] of corruptions) if (keys.length) hostile[keys[which % keys.length]] = value;
			return hostile as IDataObject;
		}),
		{ minLength: 1, maxLength: 6 },
	);

export const SCHEMA_NAMES = LEAD_FIELDS.map((field) => field.SchemaName);

/** A lead field name: mostly real schema names (any case), sometimes not one at all. */
export const fieldName = fc.oneof(
	{ arbitrary: fc.constantFrom(...SCHEMA_NAMES, 'mx_Custom_1', 'SearchBy'), weight: 6 },
	{ arbitrary: fc.constantFrom(...SCHEMA_NAMES).map((name) => name.toLowerCase()), weight: 1 },
	{ arbitrary: anyValue, weight: 2 },
);
