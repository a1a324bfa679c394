/**
 * A number as LeadSquared's lead-by-phone lookup wants it: "with or without the country-code but
 * don't include spaces, hyphens or any other character" (a leading + of the country code stays).
 */
export function phoneForLookup(phone: string): string {
	return phone.trim().replace(/[\s\-().]/g, '');
}

/** Digits only, without a trunk or international-call prefix of zeros (0…, 00…). */
function significantDigits(phone: string): string {
	return phone.replace(/\D/g, '').replace(/^0+/, '');
}

/** Digits a national number has at least: shorter numbers only match in full. */
const MIN_NATIONAL_DIGITS = 7;
/** Longest country calling code (ITU E.164). */
const MAX_COUNTRY_CODE_DIGITS = 3;

/**
 * Whether two numbers are the same line, written with or without their country code and in any
 * punctuation: +91-8971373363, 918971373363, 08971373363 and 8971373363 all match.
 */
export function samePhone(a: string, b: string): boolean {
	const [shorter, longer] = [significantDigits(a), significantDigits(b)].sort((x, y) => x.length - y.length);
	if (!shorter) return false;
	if (shorter === longer) return true;
	return (
		shorter.length >= MIN_NATIONAL_DIGITS &&
		longer.length - shorter.length <= MAX_COUNTRY_CODE_DIGITS &&
		longer.endsWith(shorter)
	);
}
