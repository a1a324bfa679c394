/** A run of execution numbers n8n's listing skipped, not asked about yet: [lowest, highest]. */
export type NumberRun = [number, number];

/** Runs kept at most (under 20 KB of static data); past this the lowest are given up, and counted for the log. */
const MAX_RUNS = 1000;

/**
 * The execution numbers still to ask n8n about one by one, kept as runs so that a run of
 * 50,000 numbers is one entry. They are handed out highest first: the numbers just below a
 * listed execution are the likeliest to be real executions still running. Runs noted during
 * a poll are handed out from the next poll on (an execution n8n is creating at that moment
 * may not be readable yet).
 */
export class SkippedNumbers {
	private earlier: NumberRun[];

	private noted: NumberRun[] = [];

	/** Numbers given up because too many runs were kept. */
	givenUp = 0;

	constructor(runs: NumberRun[] = []) {
		this.earlier = runs.map(([low, high]): NumberRun => [low, high]).sort((a, b) => b[1] - a[1]);
	}

	/** Notes the numbers strictly between `lower` and `upper` (none when they are neighbours). */
	note(upper: number, lower: number): void {
		if (upper - lower > 1) this.noted.push([lower + 1, upper - 1]);
	}

	/** The highest number of the runs noted before this poll, taken out; undefined once none is left. */
	next(): number | undefined {
		const run = this.earlier[0];
		if (!run) return undefined;
		const number = run[1];
		if (run[0] === number) this.earlier.shift();
		else run[1] = number - 1;
		return number;
	}

	/** Forgets every number up to `floor` (they cannot hold what the trigger watches). */
	forgetUpTo(floor: number): void {
		const above = (runs: NumberRun[]) =>
			runs.filter(([, high]) => high > floor).map(([low, high]): NumberRun => [Math.max(low, floor + 1), high]);
		this.earlier = above(this.earlier);
		this.noted = above(this.noted);
	}

	/** The runs to keep, highest first, at most MAX_RUNS of them (the lowest beyond are counted in `givenUp`). */
	toState(): NumberRun[] {
		const runs = [...this.noted, ...this.earlier].sort((a, b) => b[1] - a[1]);
		for (const [low, high] of runs.slice(MAX_RUNS)) this.givenUp += high - low + 1;
		return runs.slice(0, MAX_RUNS);
	}
}
