import { PLANS } from '../../../nodes/LeadSquared/transport/plans';
import { BULK_ACTIVITY_MAX } from '../../sandbox/crm/activityBulk';
import { BULK_LEAD_MAX } from '../../sandbox/crm/leadBulk';
import type { SandboxOptions } from '../../sandbox/server';
import type { LeadSquaredSandbox } from '../../sandbox/server';
import type { Budgets, Profile } from './bulkMeasure';

/** The plan profiles issue 16 measures, by the short name `--profile` takes. */
const PROFILE_PLANS: Record<string, string> = { enterprise: 'legacyEnterprise', pro: 'pro', super: 'super' };

/** LeadSquared's own window (page rate-limits); `--window-ms` shortens it for sandbox and node alike. */
export const PLAN_WINDOW_MS = 5_000;

/** The most items LeadSquared takes in one bulk call: the sandbox's (pages bulk-create-or-update, post-bulk-activities-on-leads). */
export const PER_BULK_CALL = { leadUpsert: BULK_LEAD_MAX.createOrUpdate, activityPost: BULK_ACTIVITY_MAX };

export const ROW_NAMES = ['batched', 'per-item', 'http', 'http-paced', 'activities'] as const;

export type RowName = (typeof ROW_NAMES)[number];

export interface BenchSettings {
	profiles: Profile[];
	items: number;
	/** Items of the per-item and HTTP Request rows (the batched rows take `items`). */
	perItemItems: number;
	activities: number;
	windowMs: number;
	rows: RowName[];
	queue: boolean;
	queueExecutions: number;
	queueItems: number;
	/** Saved results (test/artifacts/bench-bulk-*.json) whose rows join the table and the checks. */
	withFiles: string[];
}

const USAGE = `npm run bench:bulk -- [--profile enterprise,pro,super] [--items 5000] [--per-item-items N] [--activities 1000]
  [--rows batched,per-item,http,http-paced,activities] [--window-ms 5000] [--quick] [--queue [--executions 4 --queue-items 1000]] [--with earlier.json]…`;

function flagValue(args: string[], name: string): string | undefined {
	const index = args.indexOf(`--${name}`);
	if (index === -1) return undefined;
	const value = args[index + 1];
	if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
	return value;
}

function count(args: string[], name: string, fallback: number): number {
	const value = Number(flagValue(args, name) ?? fallback);
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number\n${USAGE}`);
	return value;
}

function list<T extends string>(args: string[], name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
	const given = flagValue(args, name)?.split(',').map((entry) => entry.trim()) ?? fallback;
	const unknown = given.filter((entry) => !allowed.includes(entry as T));
	if (unknown.length) throw new Error(`--${name}: unknown ${unknown.join(', ')} (one or more of ${allowed.join(', ')})\n${USAGE}`);
	return given as T[];
}

/**
 * `--quick`: every row in minutes, by a window a tenth as long (0.5 s, both the sandbox's and the
 * node's) and 1,000 leads and 200 activities; explicit flags still win.
 */
export function parseSettings(args: string[]): BenchSettings {
	const quick = args.includes('--quick');
	const profileNames = list(args, 'profile', Object.keys(PROFILE_PLANS), ['enterprise', 'pro', 'super']);
	const items = count(args, 'items', quick ? 1_000 : 5_000);
	return {
		profiles: profileNames.map((key) => ({ key: PROFILE_PLANS[key], ...PLANS[PROFILE_PLANS[key]] })),
		items,
		perItemItems: count(args, 'per-item-items', items),
		activities: count(args, 'activities', quick ? 200 : 1_000),
		windowMs: count(args, 'window-ms', quick ? PLAN_WINDOW_MS / 10 : PLAN_WINDOW_MS),
		rows: list(args, 'rows', ROW_NAMES, ROW_NAMES),
		queue: args.includes('--queue'),
		queueExecutions: count(args, 'executions', 4),
		queueItems: count(args, 'queue-items', 1_000),
		withFiles: args.flatMap((arg, index) => (arg === '--with' ? [args[index + 1]] : [])).filter(Boolean),
	};
}

export const budgetsOf = (profile: Profile, windowMs: number): Budgets => ({
	general: { calls: profile.calls, windowMs },
	bulk: { calls: profile.bulkCalls, windowMs },
});

export function sandboxOptions(profile: Profile, windowMs: number): SandboxOptions {
	const budgets = budgetsOf(profile, windowMs);
	return { rateLimit: budgets.general, bulkRateLimit: budgets.bulk };
}

/**
 * The credential a user of this plan has: the plan itself at LeadSquared's window; at a shorter
 * one, Custom with the plan's figures (Custom is how the node is told another window).
 */
export function credentialData(sandbox: LeadSquaredSandbox, profile: Profile, windowMs: number): Record<string, string | number> {
	const base = sandbox.credentialsFor();
	if (windowMs === PLAN_WINDOW_MS) return { ...base, plan: profile.key };
	return { ...base, plan: 'custom', rateLimitCalls: profile.calls, rateLimitWindowSeconds: windowMs / 1000, bulkRateLimitCalls: profile.bulkCalls };
}

export const profileLabel = (profile: Profile, windowMs: number) =>
	windowMs === PLAN_WINDOW_MS ? profile.name : `${profile.name} (window ${windowMs / 1000} s)`;
