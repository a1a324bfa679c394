import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemInput, quote } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor, userField } from '../common.descriptions';

export const description = showOnlyFor('user', 'get', [{ ...userField, required: true, description: 'The user to get. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }]);

async function send(this: IExecuteFunctions, userId: string, itemIndex: number): Promise<IDataObject> {
	const found = await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'GET',
		endpoint: ENDPOINTS.userById,
		qs: { userId },
		replaySafe: true,
		itemIndex,
	});
	// LeadSquared answers [] for a user that does not exist or is inactive.
	const user = Array.isArray(found) ? (found[0] as IDataObject | undefined) : undefined;
	if (!user) throw new ItemInput(this, itemIndex).error('User', `${quote(userId)} matches no active LeadSquared user`);
	return user;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, {
		prepare: (input) => input.text('userId', 'User', { required: true, shape: 'id' }),
		send,
	});
}
