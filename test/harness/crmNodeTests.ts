import type { CrmFixtures } from './crmFixtures';
import { seedCrm } from './crmFixtures';
import { useSandbox } from './sandboxFixture';

/**
 * A sandbox for a file of CRM operation tests: a lead with an activity, a task and an
 * opportunity made before the tests, and the request record and faults cleared before each.
 */
export function useCrmNodeTests() {
	const sandbox = useSandbox({ rateLimit: { calls: 1000, windowMs: 1_000 } });
	let fixtures: CrmFixtures | undefined;
	beforeAll(async () => {
		fixtures = await seedCrm(sandbox());
	});
	beforeEach(() => {
		sandbox().clearRecord();
		sandbox().setFaults([]);
	});
	return {
		sandbox,
		credentials: () => sandbox().credentialsFor(),
		/** The first account's CRM data, to check what reached "LeadSquared". */
		crm: () => sandbox().crm.storeForKey(undefined)!,
		fixtures: () => {
			if (!fixtures) throw new Error('The CRM fixtures have not been made');
			return fixtures;
		},
	};
}
