/**
 * How the governor learns its share. Every figure is a fraction of the account's limit or
 * window, so it holds for 2 calls per 5 s as for 25 per 5 s.
 */
export const TUNING = {
	/** Share of the limit an instance starts with, or returns to after being idle: another instance may hold the rest. */
	startShare: 0.5,
	/** Idle this many windows (no call waiting or in flight) and the share is learned again. */
	idleWindows: 2,
	/**
	 * An accepted probe is followed by the next after this share of a window: an instance alone
	 * takes the whole limit within about a second, and one that starts a little later still
	 * finds room.
	 */
	rampPace: 0.02,
	/** Pause after a refusal, as a share of the window; doubles on each further refusal, up to the cap. */
	cooldown: 0.2,
	cooldownCap: 3,
	/** The cap for an instance holding less than the others: it is the one that needs room, so it looks more often. */
	poorCooldownCap: 1,
	/** An instance that gave room back stays out of it this many windows, so the others can take it (their probes come sooner). */
	stayOut: 2,
	/** After a refusal within our share, pause for about the time LeadSquared needs to free this many calls (jittered). */
	holdCalls: 2,
	/**
	 * An instance holding the whole limit leaves, now and then (on average once every
	 * `courtesyEvery` windows), one slot free for this share of a window after its call left
	 * LeadSquared's window. Another instance's call then gets through, and the 429 that follows
	 * is the only way the first one can learn that someone else needs room.
	 */
	courtesy: 0.15,
	courtesyEvery: 3,
};
