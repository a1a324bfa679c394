import { seededRandom } from './faults';

/**
 * How submitted captures end in the sandbox by default: most succeed after the queue
 * delay, some have an invalid e-mail (FAILURE), some hit system errors that LeadSquared
 * retries before succeeding, and a few fail with system errors until it gives up (ERROR).
 */
export const DEFAULT_COMPLETION_MIX = {
	success: 0.84,
	invalidEmail: 0.1,
	retriedThenSuccess: 0.05,
	errorUntilGiveUp: 0.01,
};

export type CompletionKind = keyof typeof DEFAULT_COMPLETION_MIX;

/** The trigger's status for each kind, once LeadSquared is done with it. */
export const FINAL_STATUS: Record<CompletionKind, 'success' | 'failure' | 'error'> = {
	success: 'success',
	invalidEmail: 'failure',
	retriedThenSuccess: 'success',
	errorUntilGiveUp: 'error',
};

export interface MixedLead {
	kind: CompletionKind;
	lead: { FirstName: string; EmailAddress: string; Notes?: string };
}

/** `count` leads drawn from `mix` with a fixed seed, so runs repeat. */
export function mixedLeads(count: number, seed = 7, mix = DEFAULT_COMPLETION_MIX, prefix = 'mix'): MixedLead[] {
	const random = seededRandom(seed);
	const kinds = Object.entries(mix) as Array<[CompletionKind, number]>;
	return Array.from({ length: count }, (_, index) => {
		let draw = random();
		const kind = kinds.find(([, weight]) => (draw -= weight) < 0)?.[0] ?? 'success';
		const email = kind === 'invalidEmail' ? `${prefix}-${index}-at-example.com` : `${prefix}-${index}@example.com`;
		const notes =
			kind === 'retriedThenSuccess'
				? `[sandbox:system-error:${1 + Math.floor(random() * 3)}]`
				: kind === 'errorUntilGiveUp'
					? '[sandbox:system-error:always]'
					: undefined;
		return { kind, lead: { FirstName: `Lead ${index}`, EmailAddress: email, ...(notes ? { Notes: notes } : {}) } };
	});
}
