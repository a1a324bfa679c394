import type { INodeProperties } from 'n8n-workflow';

import { CUSTOM_PLAN, PLAN_WINDOW_SECONDS, PLANS } from './plans';
import { CREDENTIAL_PATH_SWITCH, CREDENTIAL_PATHS } from './unconfirmedCalls';

const planOptions = [
	...Object.entries(PLANS).map(([value, plan]) => ({
		name: plan.name,
		value,
		description: `${plan.calls} calls per ${PLAN_WINDOW_SECONDS} seconds; bulk APIs ${plan.bulkCalls}`,
	})),
	{
		name: 'Custom',
		value: CUSTOM_PLAN,
		description: 'Enter the limits yourself (for a limit LeadSquared raised for your account, or if you are not sure)',
	},
];

const custom = { show: { plan: [CUSTOM_PLAN] } };

// The defaults below are CUSTOM_DEFAULTS (plans.ts), written out as n8n's lint wants them.

/** The credential's rate-limit fields: the plan, or the limits themselves (Custom, which credentials made before the plan field get). */
export const planProperties: INodeProperties[] = [
	{
		displayName:
			"LeadSquared's API limit depends on your plan: newer plans allow 10 (Pro) or 20 (Super) calls per 5 seconds, older ones 2 (Lite), 5 (Pro), 10 (Super, Basic), 15 (Standard) or 25 (Enterprise); bulk APIs have a lower limit of their own. Not sure? Keep Custom at 25: LeadSquared's first 429 names your account's limit, and the nodes keep to that from then on.",
		name: 'planLimitsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Plan',
		name: 'plan',
		type: 'options',
		options: planOptions,
		default: CUSTOM_PLAN,
		description:
			'Your LeadSquared plan (Settings > Manage Subscription shows it). Every LeadSquared node shares its API limit: within one n8n instance exactly, and across queue-mode workers by adapting to the 429s LeadSquared answers.',
	},
	{
		displayName: 'Rate Limit (Calls)',
		name: 'rateLimitCalls',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 25,
		displayOptions: custom,
		description: 'How many API calls your account may make per window',
	},
	{
		displayName: 'Rate Limit Window (Seconds)',
		name: 'rateLimitWindowSeconds',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 5,
		displayOptions: custom,
	},
	{
		displayName: 'Bulk Rate Limit (Calls)',
		name: 'bulkRateLimitCalls',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		displayOptions: custom,
		description: "How many calls of LeadSquared's bulk APIs your account may make per window",
	},
	{
		displayName: CREDENTIAL_PATH_SWITCH.displayName,
		name: CREDENTIAL_PATH_SWITCH.name,
		type: 'boolean',
		default: false,
		description:
			"Whether to replace the path of a call LeadSquared's pages do not show. Only needed when an error says LeadSquared did not accept one of them.",
	},
	...Object.values(CREDENTIAL_PATHS).map(
		({ field, displayName, endpoint }): INodeProperties => ({
			displayName,
			name: field,
			type: 'string',
			default: '',
			placeholder: `e.g. ${endpoint}`,
			displayOptions: { show: { [CREDENTIAL_PATH_SWITCH.name]: [true] } },
			description: `The path on your API host; empty for the built-in ${endpoint}`,
		}),
	),
];
