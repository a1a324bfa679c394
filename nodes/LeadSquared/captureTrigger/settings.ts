import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OutcomeFilter } from './finishedItem';
import { properties } from './properties';

export interface TriggerSettings {
	outcome: OutcomeFilter;
	ownWorkflowOnly: boolean;
	requestIds: string[];
	maxWatched: number;
	giveUpAfterMs: number;
	/** Share (0–1] of the account's rate limit one poll may spend on status checks. */
	rateShare: number;
}

type NumberOption = 'maxWatched' | 'giveUpAfterHours' | 'rateSharePercent';

/** An option's default, as the node's description declares it. */
function optionDefault(name: NumberOption): number {
	const options = properties.find((property) => property.name === 'options')?.options ?? [];
	return Number((options.find((option) => option.name === name) as { default?: unknown } | undefined)?.default);
}

function requestIdList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

export function readSettings(this: IPollFunctions): TriggerSettings {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const number = (name: NumberOption, label: string, min: number, max = Infinity) => {
		const value = Number(options[name] ?? optionDefault(name));
		if (!Number.isFinite(value) || value < min || value > max) {
			throw new NodeOperationError(this.getNode(), `${label} must be a number from ${min}${max < Infinity ? ` to ${max}` : ''} (got "${String(options[name])}")`);
		}
		return value;
	};
	const outcome = this.getNodeParameter('outcome', 'any') as OutcomeFilter;
	return {
		outcome: ['any', 'success', 'failed'].includes(outcome) ? outcome : 'any',
		ownWorkflowOnly: Boolean(this.getNodeParameter('ownWorkflowOnly', false)),
		requestIds: requestIdList(this.getNodeParameter('requestIds', '')),
		maxWatched: Math.floor(number('maxWatched', 'Max Watched Requests', 1)),
		giveUpAfterMs: number('giveUpAfterHours', 'Give Up After (Hours)', 0.01) * 3_600_000,
		rateShare: number('rateSharePercent', 'Share of Rate Limit (%)', 1, 100) / 100,
	};
}
