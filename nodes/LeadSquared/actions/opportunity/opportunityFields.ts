import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { dateTimeField } from '../crm.descriptions';
import { entityFieldsProperty, readEntityFields } from '../entityFields';

/** The opportunity type (its code, LeadSquared's `EventCode`), from the account's list. */
export const opportunityTypeField = (purpose: string): INodeProperties => ({
	displayName: 'Opportunity Type Name or ID',
	name: 'opportunityType',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOpportunityTypes' },
	required: true,
	default: '',
	description: `${purpose}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** The opportunity a task or an update is about. */
export const opportunityIdField: INodeProperties = {
	displayName: 'Opportunity ID',
	name: 'opportunityId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5ca5b042-51ea-4699-b6f0-84c40ab12770',
	description: 'The opportunity’s ID (or its AutoId, if the opportunity type has one)',
};

/** An opportunity's own fields (Stage, Status, amount…), its note and date: shared by Capture and Update. */
export const opportunityFieldProperties: INodeProperties[] = [
	entityFieldsProperty('Opportunity Fields', 'opportunityFields', {
		displayName: 'Field Name',
		placeholder: 'e.g. mx_Custom_1',
		description: "The field's schema name, as shown under My Profile > Settings > Opportunities > Opportunity Types",
	}),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Moved to negotiation after the demo',
	},
	dateTimeField('Opportunity Date', 'opportunityDateTime', 'The date of the opportunity; LeadSquared keeps its own when empty'),
];

/** OpportunityNote, OpportunityDateTime and Fields, as far as they are given. */
export function readOpportunityFields(input: ItemInput): IDataObject {
	const note = input.text('note', 'Note');
	const at = input.dateTime('opportunityDateTime', 'Opportunity Date');
	const fields = readEntityFields(input, 'opportunityFields', 'Opportunity Fields');
	return {
		...(note ? { OpportunityNote: note } : {}),
		...(at ? { OpportunityDateTime: at } : {}),
		...(fields.length ? { Fields: fields } : {}),
	};
}
