/**
 * The time the LeadSquared Trigger schedules its checks by. Tests replace `now` to let
 * LeadSquared's ten-hour retry horizon pass in seconds; the rate governor keeps real time.
 */
export const clock = { now: (): number => Date.now() };
