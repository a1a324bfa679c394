/**
 * LeadSquared takes and gives date-times as UTC text, `YYYY-MM-DD HH:MM:SS`. Users give them
 * in that form (taken as UTC, as LeadSquared defines it), as ISO 8601 with a zone, or as n8n's
 * date picker does, without a zone: those are read in the workflow's time zone.
 */

const LEADSQUARED_FORMAT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export const toLeadSquaredText = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`. */
function zoneOffsetMs(ms: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(ms));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return (
		Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) -
		Math.floor(ms / 1000) * 1000
	);
}

function wallClockToUtc(wall: number, timeZone: string): number {
	const first = wall - zoneOffsetMs(wall, timeZone);
	return wall - zoneOffsetMs(first, timeZone);
}

/** The UTC text LeadSquared expects, or undefined when `value` is not a date-time. */
export function leadSquaredDate(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : toLeadSquaredText(value.getTime());
	const toIso = (value as { toISO?: unknown } | null)?.toISO;
	const text = typeof toIso === 'function' ? String(toIso.call(value)) : typeof value === 'string' ? value.trim() : '';
	const match = ISO_8601.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = match;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	const check = new Date(wall);
	if (check.getUTCDate() !== +d || check.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +s > 59) return undefined;
	if (LEADSQUARED_FORMAT.test(text)) return text;
	if (!zone) return toLeadSquaredText(wallClockToUtc(wall, timeZone));
	return toLeadSquaredText(Date.parse(text.replace(' ', 'T').replace(/\s+(?=[Z+-])/i, '')));
}
