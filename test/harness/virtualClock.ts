import { CLOCK_KEY } from '../../nodes/LeadSquared/helpers/clock';

/** A clock the test moves by hand, shared by the package (journal, trigger) and the sandbox's queue. */
export class VirtualClock {
	constructor(public time: number) {}

	readonly now = (): number => this.time;

	advance(ms: number): void {
		this.time += ms;
	}

	install(): void {
		(globalThis as unknown as Record<symbol, unknown>)[CLOCK_KEY] = this.now;
	}

	uninstall(): void {
		delete (globalThis as unknown as Record<symbol, unknown>)[CLOCK_KEY];
	}
}
