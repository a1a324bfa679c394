/**
 * A pause in calls at the account's limit (5 calls: one second at 25 per 5 s, 5 s at 5 per 5 s):
 * each probe refused is one 429 among the account's calls, so a pause of this many calls keeps
 * an instance's refused probes to about one per `first` (then up to `cap`) calls, whatever the limit.
 */
export interface Pause {
	first: number;
	cap: number;
}

/**
 * How the governor learns its share. Every figure is a share of the account's limit or window,
 * or a number of calls at that limit, so it holds for 5 calls per 5 s as for 25 per 5 s.
 */
export const TUNING = {
	/** Share of the limit an instance starts with, or returns to after being idle: another instance may hold the rest. */
	startShare: 0.5,
	/** Idle this many windows (no call waiting or in flight) and the share is learned again. */
	idleWindows: 2,
	/**
	 * An accepted probe is followed by the next after this many calls' time at the limit: an
	 * instance alone takes the whole limit within a few seconds, and one that starts a moment
	 * later still finds room rather than an account another has filled.
	 */
	rampCalls: 0.5,
	/**
	 * Pauses before the next probe after a 429, in calls at the account's limit (see `Pause`): for
	 * an instance alone on the account (its own calls fill the window); for one sharing it about
	 * evenly, or holding more than the others (long: on a small bulk limit, 5 per 5 s, every
	 * refused probe is a large share of the calls, and an even split leaves nothing to find); and
	 * for one holding less than the others, which needs room and looks more often.
	 */
	alonePause: { first: 5, cap: 75 },
	evenPause: { first: 25, cap: 100 },
	richerPause: { first: 50, cap: 200 },
	poorPause: { first: 5, cap: 25 },
	/** An instance that gave room back stays out of it at least this many windows, so the others can take it. */
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
