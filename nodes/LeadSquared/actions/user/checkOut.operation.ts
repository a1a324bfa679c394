import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../helpers/perItem';
import { ENDPOINTS } from '../../transport/endpoints';
import { showOnlyFor } from '../common.descriptions';
import { AVAILABILITY_DETAILS, AVAILABILITY_PROPERTIES, readAvailability, sendAvailability } from './availability';

/**
 * Page check-out-user. Its AvailabilityStatus is optional and may only be "Offline", which a
 * check-out means anyway, so the node leaves it out.
 */
export const description = showOnlyFor('user', 'checkOut', [...AVAILABILITY_PROPERTIES, AVAILABILITY_DETAILS]);

async function send(this: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return await sendAvailability.call(this, { endpoint: ENDPOINTS.userCheckOut }, body, itemIndex);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare: (input) => readAvailability(input), send });
}
