/**
 * n8n's way of naming the item an error is about: `… [item 2]`, counting from 0 like
 * n8n's own nodes and the item index in its error details.
 */
export function atItem(message: string, itemIndex: number | undefined): string {
	return itemIndex === undefined ? message : `${message} [item ${itemIndex}]`;
}
