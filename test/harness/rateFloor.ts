/**
 * The shortest time N calls can take under a limit of `calls` per sliding `windowMs`:
 * the first `calls` go at once, and each later group must wait a whole window.
 */
export function rateLimitFloorMs(items: number, calls: number, windowMs: number): number {
	return Math.floor((items - 1) / calls) * windowMs;
}
