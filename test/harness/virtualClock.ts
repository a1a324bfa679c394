import { clock } from '../../nodes/LeadSquared/helpers/clock';

/** A clock the test moves by hand, shared by the trigger's check schedule and the sandbox's queue. */
export class VirtualClock {
	private readonly realNow = clock.now;

	constructor(public time: number) {}

	readonly now = (): number => this.time;

	advance(ms: number): void {
		this.time += ms;
	}

	install(): void {
		clock.now = this.now;
	}

	uninstall(): void {
		clock.now = this.realNow;
	}
}
