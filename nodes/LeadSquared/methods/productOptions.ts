import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { leadSquaredRequest } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';

/** Products a RetrieveProducts call asks for, and how many calls the dropdown makes at most. */
const PRODUCTS_PAGE_SIZE = 100;
const PRODUCTS_MAX_PAGES = 10;

/**
 * The account's products by SKU (page retrieve-list-of-products). The page lists by search text;
 * an empty one is taken to match every product (the page does not say).
 */
export async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const products: IDataObject[] = [];
	for (let page = 1; page <= PRODUCTS_MAX_PAGES; page++) {
		const answer = (await leadSquaredRequest.call(this, {
			host: 'api',
			method: 'POST',
			endpoint: ENDPOINTS.products,
			body: { Parameter: { SearchText: '' }, Paging: { PageIndex: page, PageSize: PRODUCTS_PAGE_SIZE } },
			replaySafe: true,
		})) as IDataObject;
		const list = Array.isArray(answer?.List) ? (answer.List as IDataObject[]) : [];
		products.push(...list);
		if (list.length < PRODUCTS_PAGE_SIZE) break;
	}
	return products
		.filter((product) => typeof product.ProductSku === 'string' && product.ProductSku !== '')
		.map((product) => ({
			name: `${String(product.Name ?? product.ProductSku)} (${String(product.ProductSku)})`,
			value: String(product.ProductSku),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
