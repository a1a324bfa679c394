import type { IDataObject } from 'n8n-workflow';

/** One webhook of the node in LeadSquared: its ID, the `WebhookEvent` it was registered with, the node's event and what it watches. */
export interface StoredRegistration {
	id: string;
	eventCode: number;
	/** The event's option value; absent in registrations made by an earlier version (which re-registers them). */
	event?: string;
	/** The activity or opportunity type, or lead field, it watches ('' for none). */
	target?: string;
}

/** The webhooks one URL of the node has in LeadSquared, and the SHA-256 of the secret they carry. */
export interface UrlRegistrations {
	secretHash: string;
	webhooks: StoredRegistration[];
}

/**
 * Kept in the node's static data, by webhook URL: the production URL and the test URL
 * ("Listen for test event") are registered separately, and n8n hands a test run a copy of
 * the production static data, which the test's registration must leave alone.
 */
type RegistrationsByUrl = Record<string, UrlRegistrations>;

interface NodeStaticData {
	registrations?: RegistrationsByUrl;
}

export class RegistrationState {
	constructor(private readonly data: IDataObject & NodeStaticData) {}

	forUrl(url: string): UrlRegistrations | undefined {
		return this.data.registrations?.[url];
	}

	otherUrls(url: string): string[] {
		return Object.keys(this.data.registrations ?? {}).filter((other) => other !== url);
	}

	/** The hashes of every secret of the node. n8n does not tell a webhook call whether it came to the test URL, so either is accepted. */
	secretHashes(): string[] {
		return Object.values(this.data.registrations ?? {})
			.map((registrations) => registrations.secretHash)
			.filter(Boolean);
	}

	save(url: string, registrations: UrlRegistrations): void {
		this.data.registrations = { ...this.data.registrations, [url]: registrations };
	}

	forget(url: string): void {
		if (!this.data.registrations?.[url]) return;
		const rest = { ...this.data.registrations };
		delete rest[url];
		this.data.registrations = rest;
	}
}
