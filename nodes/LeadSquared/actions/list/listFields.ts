import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';

/** A list of the account: picked from Lists.Get (static lists only where leads are added or removed), or an ID. */
export function listField(loadOptionsMethod: 'getStaticLists' | 'getLists', description: string): INodeProperties {
	return {
		displayName: 'List Name or ID',
		name: 'listId',
		type: 'options',
		typeOptions: { loadOptionsMethod },
		required: true,
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const readListId = (input: ItemInput): string => input.text('listId', 'List', { required: true, shape: 'id' });
