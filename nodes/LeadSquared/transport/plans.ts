/**
 * LeadSquared's plans and their API limits, all per 5 seconds (page rate-limits). Bulk APIs
 * (lead create, create or update and update in bulk, activities in bulk) have a lower limit
 * of their own.
 */
export const PLAN_WINDOW_SECONDS = 5;

export interface Plan {
	name: string;
	calls: number;
	bulkCalls: number;
}

export const PLANS: Record<string, Plan> = {
	pro: { name: 'Pro', calls: 10, bulkCalls: 5 },
	super: { name: 'Super', calls: 20, bulkCalls: 10 },
	legacyLite: { name: 'Lite (Older Plan)', calls: 2, bulkCalls: 1 },
	legacyPro: { name: 'Pro (Older Plan)', calls: 5, bulkCalls: 1 },
	legacySuper: { name: 'Super or Basic (Older Plan)', calls: 10, bulkCalls: 1 },
	legacyStandard: { name: 'Standard (Older Plan)', calls: 15, bulkCalls: 1 },
	legacyEnterprise: { name: 'Enterprise (Older Plan)', calls: 25, bulkCalls: 1 },
};

/** The credential's Plan value for figures entered by hand; also what credentials made before the Plan field get. */
export const CUSTOM_PLAN = 'custom';

/**
 * Custom's defaults: the highest limits LeadSquared publishes. Guessing high costs the odd
 * 429 (never an item): LeadSquared's 429 names the account's real limit, which the governor
 * then keeps to. Guessing low would cost speed for good, as nothing ever says so.
 */
export const CUSTOM_DEFAULTS = { calls: 25, windowSeconds: PLAN_WINDOW_SECONDS, bulkCalls: 10 };
