import { sha256 } from '../transport/sha256';

/**
 * LeadSquared sends a delivery again when it did not see the answer in time (its waits are
 * unpublished), with no delivery ID. A delivery identical to one that started an execution
 * in the last hour (same workflow, node, mode, event and payload) is taken for such a repeat.
 * Kept in this n8n instance's memory, bounded; deliveries that reach another instance (queue
 * mode with several webhook instances) are not compared.
 */
const WINDOW_MS = 60 * 60_000;
const MAX_REMEMBERED = 10_000;

const startedAt = new Map<string, number>();

export function deliveryKey(...parts: unknown[]): string {
	return sha256(JSON.stringify(parts));
}

/** Whether `key` started an execution within the window; remembers it as started now if not. */
export function isRepeat(key: string, now = Date.now()): boolean {
	for (const [known, at] of startedAt) {
		if (now - at <= WINDOW_MS && startedAt.size < MAX_REMEMBERED) break;
		startedAt.delete(known);
	}
	const previous = startedAt.get(key);
	if (previous !== undefined && now - previous <= WINDOW_MS) return true;
	// Re-inserted, so the map stays in time order for the sweep above.
	startedAt.delete(key);
	startedAt.set(key, now);
	return false;
}
