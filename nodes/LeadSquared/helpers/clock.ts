/**
 * The time the capture journal and the trigger's check schedule run on. Tests replace it
 * with a virtual clock (shared with the sandbox) by setting this symbol on globalThis, so
 * LeadSquared's ten-hour retry horizon can pass in seconds. The rate governor keeps real time.
 */
export const CLOCK_KEY = Symbol.for('n8n-nodes-leadsquared.clock');

export function now(): number {
	const clock = (globalThis as unknown as Record<symbol, unknown>)[CLOCK_KEY];
	return typeof clock === 'function' ? Number(clock()) : Date.now();
}
