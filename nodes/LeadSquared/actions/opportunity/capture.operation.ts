import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { runPerItem } from '../../helpers/perItem';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { OPERATION_URL_OVERRIDES } from '../../transport/unconfirmedCalls';
import { showOnlyFor } from '../common.descriptions';
import { endpointOverrideOptions, readEndpointOverride } from '../endpointOverrideOption';
import { findLeadByField, leadFieldsProperties, readLeadFields } from '../lead/leadFields';
import { submittedFields } from '../lead/leadWriteOutput';
import { opportunityFieldProperties, opportunityTypeField, readOpportunityFields } from './opportunityFields';

/** PostDeDupActionPerformed: 1 a new opportunity was created; 3 a duplicate was found and none created. */
const DEDUP_CREATED = 1;

const CAPTURE_OVERRIDE = OPERATION_URL_OVERRIDES.opportunityCapture;

const properties: INodeProperties[] = [
	opportunityTypeField('The kind of opportunity to create'),
	...opportunityFieldProperties,
	...leadFieldsProperties.map((property) =>
		property.name === 'fieldsMode'
			? { ...property, description: 'The lead the opportunity is for: found by a unique field, or created' }
			: property,
	),
	findLeadByField,
	endpointOverrideOptions(CAPTURE_OVERRIDE, ENDPOINTS.opportunityCapture),
];

export const description = showOnlyFor('opportunity', 'capture', properties);

interface Capture {
	body: IDataObject;
	submitted: IDataObject;
	url?: string;
}

function prepare(input: ItemInput): Capture {
	const lead = readLeadFields(input, { searchBy: true, needsEmailOrPhone: true });
	const opportunity = {
		OpportunityEventCode: input.wholeNumber('opportunityType', 'Opportunity Type', { required: true, min: 1 }),
		...readOpportunityFields(input),
	};
	return {
		body: { LeadDetails: lead.pairs, Opportunity: opportunity },
		submitted: submittedFields(lead),
		url: readEndpointOverride(input, CAPTURE_OVERRIDE),
	};
}

async function send(this: IExecuteFunctions, capture: Capture, itemIndex: number): Promise<IDataObject> {
	const response = (await leadSquaredRequest.call(this, {
		host: 'api',
		method: 'POST',
		endpoint: ENDPOINTS.opportunityCapture,
		url: capture.url,
		body: capture.body,
		// LeadSquared posts an "opportunity captured" activity on every call, duplicate or not.
		replaySafe: false,
		itemIndex,
		unconfirmed: 'opportunityCapture',
	})) as IDataObject;
	const details = ((Array.isArray(response?.AdditionalDetails) ? response.AdditionalDetails[0] : undefined) ?? {}) as IDataObject;
	return {
		opportunityId: response?.CreatedOpportunityId ?? null,
		created: details.PostDeDupActionPerformed === DEDUP_CREATED,
		duplicateOf: details.ConflictedOpportunityId ?? null,
		leadId: details.RelatedProspectId ?? null,
		activityId: details.ActivityId ?? null,
		...capture.submitted,
		raw: response,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, { prepare, send });
}
