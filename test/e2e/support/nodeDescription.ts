import type { NodeTypeDescription, NodeTypeProperty } from './tooling';

export interface Choice {
	name: string;
	value: string;
	/** For operations: the label of the action in the nodes panel. */
	action?: string;
}

function optionsOf(property: NodeTypeProperty | undefined): Choice[] {
	return (property?.options ?? []).map((option) => ({
		name: option.name,
		value: String(option.value),
		...(typeof option.action === 'string' ? { action: option.action } : {}),
	}));
}

/** The Resource dropdown's choices. */
export function resourceChoices(description: NodeTypeDescription): Choice[] {
	return optionsOf(description.properties.find((property) => property.name === 'resource'));
}

/** The Operation dropdown's choices once `resource` is selected. */
export function operationChoices(description: NodeTypeDescription, resource: string): Choice[] {
	const property = description.properties.find(
		(candidate) => candidate.name === 'operation' && (candidate.displayOptions?.show?.resource ?? []).includes(resource),
	);
	return optionsOf(property);
}

export function offersOperation(description: NodeTypeDescription, resource: string, operation: string): boolean {
	return (
		resourceChoices(description).some((choice) => choice.value === resource) &&
		operationChoices(description, resource).some((choice) => choice.value === operation)
	);
}

/** Parameter names the node does not know for this resource and operation (top level only). */
export function unknownParameters(
	description: NodeTypeDescription,
	parameters: Record<string, unknown>,
): string[] {
	const matches = (property: NodeTypeProperty) =>
		Object.entries(property.displayOptions?.show ?? {}).every(
			([key, allowed]) => !(key in parameters) || allowed.includes(parameters[key]),
		);
	const known = new Set(description.properties.filter(matches).map((property) => property.name));
	return Object.keys(parameters).filter((name) => !known.has(name));
}
