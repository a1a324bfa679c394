import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../helpers/itemInput';
import { quote } from '../../helpers/itemInput';
import { dateTimeField, leadLocator } from '../crm.descriptions';

/** Revenue as LeadSquared's page asks: "as number"; a plain decimal, no currency sign or thousands separator. */
const REVENUE = /^\d{1,15}(\.\d{1,4})?$/;

/** The fields Create and Update share (pages post-or-add-a-sales-activity-to-a-lead, update-an-existing-sales-activity). */
export function saleProperties(required: boolean): INodeProperties[] {
	const need = required ? { required: true } : {};
	return [
		leadLocator(['list', 'id', 'email'], 'The lead who bought (or may buy) the product'),
		{
			displayName: 'Product Name or ID',
			name: 'productSku',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProducts' },
			required: true,
			default: '',
			description:
				'The product sold, sent as its SKU (My Profile > Settings > Customization > Manage Products). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Revenue',
			name: 'revenue',
			type: 'string',
			...need,
			default: '',
			placeholder: 'e.g. 4999.00',
			description: 'The sale’s value, as a plain number in the account’s currency',
		},
		{
			displayName: 'Sales Owner Email',
			name: 'salesOwnerEmail',
			type: 'string',
			...need,
			default: '',
			placeholder: 'e.g. rahul.menon@example.com',
			description: required
				? 'Email of the LeadSquared user who sold the product'
				: 'Email of the LeadSquared user who sold the product; the user whose keys the credential holds when empty',
		},
		dateTimeField('Sales Date', 'salesDate', required ? 'When the sale was made' : 'When the sale was made; now when empty', required),
	];
}

/** ProductSku, Revenue, SalesOwnerEmail and SalesDate as LeadSquared takes them; with `required`, each must be given. */
export function readSale(input: ItemInput, required: boolean): IDataObject {
	const rules = { required };
	const revenueValue = input.raw('revenue');
	const revenue = input.text('revenue', 'Revenue', rules, typeof revenueValue === 'number' ? String(revenueValue) : revenueValue).trim();
	if (revenue && !REVENUE.test(revenue)) {
		throw input.error('Revenue', `must be a plain number like 4999.00, without currency or separators (got ${quote(revenue)})`);
	}
	const owner = input.text('salesOwnerEmail', 'Sales Owner Email', { ...rules, shape: 'email' });
	const salesDate = input.dateTime('salesDate', 'Sales Date', rules);
	return {
		ProductSku: input.text('productSku', 'Product', { required: true, maxChars: 200 }).trim(),
		...(revenue ? { Revenue: revenue } : {}),
		...(owner ? { SalesOwnerEmail: owner } : {}),
		...(salesDate ? { SalesDate: salesDate } : {}),
	};
}

/** What a sales activity write outputs besides its ID: what was sent, in the node's names. */
export const submittedSale = (sale: IDataObject): IDataObject => ({
	leadId: sale.ProspectId,
	productSku: sale.ProductSku,
	...(sale.Status ? { status: sale.Status } : {}),
	revenue: sale.Revenue ?? null,
	salesOwnerEmail: sale.SalesOwnerEmail ?? null,
	salesDate: sale.SalesDate ?? null,
});
