/** Reply shapes, validation helpers and date handling shared by the CRM endpoints. */

/** An answer: JSON unless `contentType` says otherwise (then `body` is the text sent). */
export type Reply = { status: number; body: unknown; contentType?: string; headers?: Record<string, string> };

export type Json = Record<string, unknown>;

export const reply = (body: unknown, status = 200): Reply => ({ status, body });

export const mxError = (status: number, type: string, message: string): Reply => ({
	status,
	body: { Status: 'Error', ExceptionType: type, ExceptionMessage: message },
});

/** Thrown by validators deep in a handler; the route wrapper turns it into its reply. */
export class MxFailure extends Error {
	constructor(readonly reply: Reply) {
		super(String((reply.body as Json).ExceptionMessage));
	}
}

export const fail = (status: number, type: string, message: string): never => {
	throw new MxFailure(mxError(status, type, message));
};

export const invalidInput = (message: string): never => fail(400, 'MXInvalidInputException', message);

export const mandatoryMissing = (message: string): never => fail(400, 'MXMandatoryAttributeMissingException', message);

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function objectBody(body: unknown, what = 'Request body'): Json {
	if (!isObject(body)) invalidInput(`${what} must be a JSON object`);
	return body as Json;
}

export function rejectUnknownKeys(body: Json, allowed: readonly string[], where = ''): void {
	const extra = Object.keys(body).find((key) => !allowed.includes(key));
	if (extra) invalidInput(`Unknown attribute '${where}${extra}'`);
}

export function optionalText(body: Json, key: string, max?: number): string | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') invalidInput(`${key} must be a string`);
	if (max !== undefined && (value as string).length > max) invalidInput(`${key} cannot exceed ${max} characters`);
	return value as string;
}

export function requiredText(body: Json, key: string, max?: number, message?: string): string {
	const value = optionalText(body, key, max);
	if (value === undefined || value.trim() === '') mandatoryMissing(message ?? `'${key}' is mandatory`);
	return value as string;
}

/** A whole number sent as a number or as a numeric string, as LeadSquared's samples do both. */
export function optionalInteger(body: Json, key: string): number | undefined {
	const value = body[key];
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	if (!Number.isInteger(number)) invalidInput(`${key} must be a whole number`);
	return number;
}

export function optionalBoolean(body: Json, key: string): boolean | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') invalidInput(`${key} must be true or false`);
	return value as boolean;
}

const LSQ_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** LeadSquared's UTC date-time text, `YYYY-MM-DD HH:MM:SS`. */
export const lsqDate = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

export function parseLsqDate(text: unknown): number | undefined {
	if (typeof text !== 'string') return undefined;
	const match = LSQ_DATE.exec(text.trim());
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const back = new Date(ms);
	return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? ms : undefined;
}

export function optionalDate(body: Json, key: string): number | undefined {
	const value = body[key];
	if (value === undefined || value === null || value === '') return undefined;
	const ms = parseLsqDate(value);
	if (ms === undefined) invalidInput(`${key} '${String(value)}' is not a UTC date-time in the format YYYY-MM-DD HH:MM:SS`);
	return ms;
}

/** `Paging{PageIndex (1-based), PageSize}` as most v2 list APIs take it. */
export function pageIndexPaging(body: Json, defaultSize: number, maxSize = Infinity): { skip: number; take: number } {
	const paging = body.Paging;
	if (paging === undefined || paging === null) return { skip: 0, take: Math.min(defaultSize, maxSize) };
	if (!isObject(paging)) invalidInput('Paging must be an object');
	const page = optionalInteger(paging as Json, 'PageIndex') ?? 1;
	const size = optionalInteger(paging as Json, 'PageSize') ?? defaultSize;
	if (page < 1) invalidInput('PageIndex must be 1 or more');
	if (size < 1) invalidInput('PageSize must be 1 or more');
	const take = Math.min(size, maxSize);
	return { skip: (page - 1) * take, take };
}

export function sortingOf(body: Json): { column?: string; descending: boolean } {
	const sorting = body.Sorting;
	if (sorting === undefined || sorting === null) return { descending: false };
	if (!isObject(sorting)) invalidInput('Sorting must be an object');
	const column = optionalText(sorting as Json, 'ColumnName');
	const direction = (sorting as Json).Direction;
	return { column: column?.trim() || undefined, descending: String(direction ?? '0') === '1' };
}

/** Compares LeadSquared values: numbers as numbers, dates as dates, anything else as case-insensitive text. */
export function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined || a === '') return -1;
	if (b === null || b === undefined || b === '') return 1;
	const [na, nb] = [Number(a), Number(b)];
	if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
	const [da, db] = [parseLsqDate(String(a).slice(0, 19)), parseLsqDate(String(b).slice(0, 19))];
	if (da !== undefined && db !== undefined) return da - db;
	return String(a).toLowerCase().localeCompare(String(b).toLowerCase());
}

export function sortRows<T extends Json>(rows: T[], column: string | undefined, descending: boolean): T[] {
	if (!column) return rows;
	const sorted = [...rows].sort((x, y) => compareValues(x[column], y[column]));
	return descending ? sorted.reverse() : sorted;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const sameId = (a: string | undefined | null, b: string | undefined | null) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
