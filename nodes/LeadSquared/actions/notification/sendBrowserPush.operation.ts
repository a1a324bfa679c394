import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { utf8Bytes } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { collection, showOnlyFor, userField } from '../common.descriptions';

/** LeadSquared: "The Title and Content data together cannot exceed 2KB." */
export const PUSH_TITLE_AND_CONTENT_MAX_BYTES = 2048;

/** Whom LeadSquared notifies when no user is given: its page says the user whose keys are used. */
export const KEY_OWNER = 'the user whose keys the credential holds';

const properties: INodeProperties[] = [
	{
		...userField,
		displayName: 'Send To User Name or ID',
		name: 'userId',
		typeOptions: { loadOptionsMethod: 'getActiveUsersOrKeyOwner' },
		description:
			`The user who gets the notification. Leave empty to notify ${KEY_OWNER}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Hot lead: call now',
		description: "'Title' and 'Content' together may be at most 2 KB (2048 bytes of UTF-8)",
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. Priya Sharma just opened your pricing page',
	},
	collection('Additional Fields', [
		{
			displayName: 'Click URL',
			name: 'clickUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://in21.leadsquared.com/LeadManagement/LeadDetails?LeadID=…',
			description: 'Page opened when the user clicks the notification, e.g. the lead details page',
		},
		{
			displayName: 'Icon URL',
			name: 'iconUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/image.png',
			description: 'Image shown on the notification',
		},
	]),
];

export const description = showOnlyFor('notification', 'sendBrowserPush', properties);

interface Push {
	UserId?: string;
	Title: string;
	Content: string;
	ClickURL: string;
	IconURL: string;
}

function prepare(this: IExecuteFunctions, input: ItemInput): Push {
	const title = input.text('title', 'Title', { required: true });
	const content = input.text('content', 'Content', { required: true });
	const bytes = utf8Bytes(title) + utf8Bytes(content);
	if (bytes > PUSH_TITLE_AND_CONTENT_MAX_BYTES) {
		throw input.error(
			'Title',
			`and 'Content' are ${bytes} bytes together; LeadSquared allows at most ${PUSH_TITLE_AND_CONTENT_MAX_BYTES} bytes (2 KB, UTF-8)`,
			'Shorten the content: non-Latin letters take 2 to 3 bytes each and emoji take 4.',
		);
	}
	const extra = input.collection('additionalFields', 'Additional Fields');
	const userId = input.text('userId', 'Send To User');
	return {
		...(userId ? { UserId: userId.trim() } : {}),
		Title: title,
		Content: content,
		ClickURL: input.text('clickUrl', 'Click URL', { url: true }, extra.clickUrl).trim(),
		IconURL: input.text('iconUrl', 'Icon URL', { url: true }, extra.iconUrl).trim(),
	};
}

async function send(this: IExecuteFunctions, push: Push, itemIndex: number): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.browserPush,
		body: push as unknown as IDataObject,
		replaySafe: false,
		itemIndex,
	})) as IDataObject;
	const message = (response?.Message as IDataObject | undefined)?.Message;
	return {
		success: response?.Status === 'Success',
		message: typeof message === 'string' ? message : null,
		sentTo: push.UserId ?? KEY_OWNER,
		title: push.Title,
		content: push.Content,
		clickUrl: push.ClickURL || null,
		iconUrl: push.IconURL || null,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
