import type { INodeProperties } from 'n8n-workflow';
import { collection } from '../helpers/descriptions';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Besides the LeadSquared account, this trigger needs an <b>API key of this n8n</b>: it finds the captures that Capture (Async) made by reading this n8n’s executions through n8n’s public API (where every n8n instance, main or queue-mode worker, saves them). It only reads. Create the key under <b>Settings → n8n API → Create an API key</b>, as the owner or a user who can see the workflows that capture leads.',
		name: 'n8nApiKeyNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		options: [
			{
				name: 'Capture Request Finished',
				value: 'captureFinished',
				description: 'An async capture request reached its final status, or the trigger stopped waiting for it',
			},
		],
		default: 'captureFinished',
	},
	{
		displayName: 'Outcome',
		name: 'outcome',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any', description: 'Every finished request' },
			{
				name: 'Failed',
				value: 'failed',
				description: 'FAILURE, ERROR after LeadSquared’s last retry, Timed Out, or an invalid Request ID',
			},
			{ name: 'Success', value: 'success', description: 'The lead was created or updated' },
		],
		default: 'any',
	},
	{
		displayName: 'Only Requests From This Workflow',
		name: 'ownWorkflowOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to watch only the captures this workflow makes, instead of every Capture (Async) on this n8n with the same LeadSquared account',
	},
	{
		displayName: 'Request IDs',
		name: 'requestIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 8eca6fa6-262c-43eb-8cfe-6e3325e2dc73, 2f5508b5-…',
		description:
			'More requests to watch, such as ones submitted outside this n8n: Request IDs separated by commas, spaces or new lines. Each is output once when it finishes.',
	},
	collection('Options', [
		{
			displayName: 'Give Up After (Hours)',
			name: 'giveUpAfterHours',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: 10,
			description:
				'A request with no final status this long after it was submitted is output once as Timed Out (an ERROR then counts as final). LeadSquared retries system failures for about 9 h 50 min.',
		},
		{
			displayName: 'Max Watched Requests',
			name: 'maxWatched',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5000,
			description: 'Past this many unfinished requests, the oldest are output as Timed Out instead of being watched',
		},
		{
			displayName: 'Share of Rate Limit (%)',
			name: 'rateSharePercent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 20,
			description:
				'How much of the credential’s rate limit one poll may spend on status checks; requests not checked wait for the next poll, the longest waiting first',
		},
	]),
];
