/** What the action node does (n8n's AI Agent also reads it when the node is used as a tool). */
export const ACTION_NODE_DESCRIPTION =
	'Manage LeadSquared leads, activities, tasks, opportunities and notes, notify users and show agent popups';

/**
 * n8n's nodes panel lists the Capture Trigger (leadSquaredTrigger) inside the action node's entry
 * (leadSquared): it merges every `<name>Trigger` node into the `<name>` node's entry and shows the
 * trigger's description as the entry's. So the trigger's description is the package's.
 */
export const NODES_PANEL_ENTRY_DESCRIPTION = `${ACTION_NODE_DESCRIPTION}, and start a workflow when an async lead capture has finished`;
