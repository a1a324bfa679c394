import { randomUUID } from 'crypto';

import type { Lead } from '../asyncQueue';
import type { SandboxAccount, SandboxUser } from '../fixtures';
import { LEAD_FIELDS } from '../fixtures';
import type { ActivityType, OpportunityType, TaskType } from './catalog';
import { ACTIVITY_TYPES, OPPORTUNITY_TYPES, TASK_TYPES } from './catalog';
import { lsqDate, sameId } from './common';
import type { WebhookDeleteForm, WebhookEventNumbers } from './unconfirmed';
import { DEFAULT_LEAD_STAGE, DEFAULT_WEBHOOK_DELETE_FORM } from './unconfirmed';

/** A lead as the async queue keeps it, plus what the CRM stamps on it. */
export interface CrmLead extends Lead {
	accountKey?: string;
	autoId?: number;
	createdOn?: number;
	modifiedOn?: number;
}

export interface Activity {
	id: string;
	leadId: string;
	event: number;
	note: string;
	activityDateTime: number;
	fields: Record<string, string>;
	ownerId: string;
	createdOn: number;
	modifiedOn: number;
	/** A phone call's recording, as Update Call Recordings/Duration sets it. */
	recordingUrl?: string;
}

/** One check-in or check-out of a user (pages check-in-user, check-out-user). */
export interface CheckInEntry {
	userId: string;
	checkIn: boolean;
	on: number;
	source: string;
	location?: string;
	latitude?: number;
	longitude?: number;
	availabilityStatus?: string;
	otherDetails?: Record<string, unknown>;
}

export interface Task {
	id: string;
	autoId: number;
	name: string;
	description: string;
	relatedEntity: 0 | 1 | 5;
	relatedEntityId: string;
	dueDate: number;
	endDate?: number;
	reminderMinutes?: number;
	notifyBy: string;
	ownerId: string;
	typeName: string;
	/** 0 open, 1 completed. */
	statusCode: 0 | 1;
	createdOn: number;
	modifiedOn: number;
	completedOn?: number;
}

export interface Opportunity {
	id: string;
	leadId: string;
	code: number;
	note: string;
	opportunityDateTime: number;
	fields: Record<string, string>;
	createdOn: number;
	modifiedOn: number;
}

export interface Note {
	id: string;
	leadId: string;
	note: string;
	attachmentName: string;
	createdBy: string;
	createdOn: number;
}

/** A file the file host took (page file-upload-to-leads). */
export interface StoredFile {
	uploadedFile: string;
	fileName: string;
	contentType: string;
	/** The file's bytes, base64. */
	content: string;
	size: number;
	fields: Record<string, string>;
}

/** An e-mail SendEmailToLead accepted (page send-an-email-to-a-lead). */
export interface SentEmail {
	id: string;
	leadId: string;
	request: Record<string, unknown>;
}

export interface CustomHeader {
	Key: string;
	Value: string;
}

export interface WebhookRegistration {
	id: string;
	accountKey: string;
	description: string;
	url: string;
	method: 'POST';
	contentType: string;
	event: number;
	landingPageUrls: string[];
	isSpecificLandingPage: boolean;
	notifyOnFailure: boolean;
	/** WebhookProperties as sent: a string of JSON, or null. */
	properties: string | null;
	/** What the registration watches: the activity type (events 2, 15), the lead field (26), the opportunity types (31–35). */
	activityEvent?: number;
	changedLeadField?: string;
	opportunityEvents?: number[];
	customHeaders: CustomHeader[];
	/** 0 enabled, 1 disabled by hand, 2 disabled after failed deliveries. */
	statusCode: 0 | 1 | 2;
	consecutiveFailures: number;
	createdOn: number;
	modifiedOn: number;
}

/** Something happened that webhooks of `code` are told about. */
export interface CrmEvent {
	code: number;
	payload: Record<string, unknown>;
	/** For landing-page submissions: the page the form was on. */
	landingPageUrl?: string;
	/** For activity events: the activity type; for opportunity events: the opportunity type. */
	activityEvent?: number;
	opportunityType?: number;
	/** For lead field updates (26): the fields that changed. */
	changedLeadFields?: string[];
}

export const UNIQUE_LEAD_FIELDS = ['EmailAddress', 'Phone'];

const FIELD_NAMES = new Map(LEAD_FIELDS.map((field) => [field.SchemaName.toLowerCase(), field.SchemaName]));

/** The schema name as LeadSquared spells it, whatever case the caller used. */
export const canonicalLeadField = (name: string): string | undefined => FIELD_NAMES.get(name.toLowerCase());

const sameValue = (field: string, a: string | undefined, b: string | undefined) =>
	!!a &&
	!!b &&
	(field === 'Phone' || field === 'Mobile' ? a.replace(/\D/g, '') === b.replace(/\D/g, '') : a.toLowerCase() === b.toLowerCase());

/**
 * One LeadSquared account's CRM data. Leads live in a table shared with the async capture
 * queue (so a queued capture and the CRM see one lead); everything else is the account's own.
 */
export class CrmStore {
	readonly activityTypes: ActivityType[] = structuredClone(ACTIVITY_TYPES);

	readonly taskTypes: TaskType[] = structuredClone(TASK_TYPES);

	readonly opportunityTypes: OpportunityType[] = structuredClone(OPPORTUNITY_TYPES);

	readonly activities: Activity[] = [];

	readonly tasks: Task[] = [];

	readonly opportunities: Opportunity[] = [];

	readonly notes: Note[] = [];

	/** The users' check-ins and check-outs, oldest first. */
	readonly checkIns: CheckInEntry[] = [];

	readonly webhooks: WebhookRegistration[] = [];

	readonly files: StoredFile[] = [];

	readonly emails: SentEmail[] = [];

	/** Which form of Webhook.svc/Delete the account takes (see WEBHOOK_DELETE_PATH). */
	webhookDeleteForm: WebhookDeleteForm = DEFAULT_WEBHOOK_DELETE_FORM;

	/** How the account numbers webhook events (see PROBE_ACCOUNT_EVENT_NUMBERS). */
	webhookEventNumbers: WebhookEventNumbers = 'page';

	private nextAutoId = 1;

	constructor(
		readonly account: SandboxAccount,
		private readonly leadTable: CrmLead[],
		readonly now: () => number,
		private readonly emitEvent: (store: CrmStore, event: CrmEvent) => void,
		private readonly materialize: () => void,
	) {}

	/** Tells the webhooks of `code` about something, with what they filter on (landing page, activity type, fields…). */
	emit(code: number, payload: Record<string, unknown>, details: Omit<CrmEvent, 'code' | 'payload'> = {}): void {
		this.emitEvent(this, { code, payload, ...details });
	}

	/** The user whose keys the calls use: the sandbox takes the account's first user. */
	get keyOwner(): SandboxUser {
		return this.account.users[0];
	}

	user(idOrEmail: string | undefined): SandboxUser | undefined {
		return this.account.users.find((user) => sameId(user.ID, idOrEmail) || sameId(user.EmailAddress, idOrEmail));
	}

	leads(): CrmLead[] {
		this.materialize();
		return this.leadTable.filter((lead) => lead.accountKey === this.account.accessKey);
	}

	lead(id: string | null | undefined): CrmLead | undefined {
		return id ? this.leads().find((lead) => sameId(lead.id, id)) : undefined;
	}

	leadBy(field: string, value: string | undefined): CrmLead | undefined {
		if (!value) return undefined;
		const matches = this.leads().filter((lead) => sameValue(field, lead.fields[field], value));
		return matches.sort((a, b) => (b.modifiedOn ?? 0) - (a.modifiedOn ?? 0))[0];
	}

	/** The other lead that already holds one of `fields`' unique values, if any. */
	uniqueClash(fields: Record<string, string>, self?: CrmLead): string | undefined {
		return UNIQUE_LEAD_FIELDS.find((field) => {
			const holder = this.leadBy(field, fields[field]);
			return holder && holder !== self;
		});
	}

	/** Stamps CRM bookkeeping on a lead that the queue or the CRM just wrote. */
	stamp(lead: CrmLead, created: boolean): void {
		const now = this.now();
		lead.accountKey = this.account.accessKey;
		if (created || lead.autoId === undefined) {
			lead.autoId = this.nextAutoId++;
			lead.createdOn = now;
			lead.fields.ProspectStage ||= DEFAULT_LEAD_STAGE;
			lead.fields.OwnerId ||= this.keyOwner.ID;
		}
		lead.modifiedOn = now;
	}

	insertLead(fields: Record<string, string>, createdBy: string): CrmLead {
		const lead: CrmLead = { id: randomUUID(), fields: { ...fields }, createdBy, updatedBy: [] };
		delete lead.fields.ProspectID;
		this.stamp(lead, true);
		this.leadTable.push(lead);
		return lead;
	}

	removeLead(lead: CrmLead): void {
		this.leadTable.splice(this.leadTable.indexOf(lead), 1);
	}

	removeLeads(): void {
		for (let i = this.leadTable.length - 1; i >= 0; i--) {
			if (this.leadTable[i].accountKey === this.account.accessKey) this.leadTable.splice(i, 1);
		}
	}

	taskAutoId(): number {
		return this.nextAutoId++;
	}

	date(ms: number | undefined): string | null {
		return ms === undefined ? null : lsqDate(ms);
	}
}

/** A lead as LeadSquared's lead APIs return it: flat, every known field present, empty ones null. */
export function leadView(store: CrmStore, lead: CrmLead): Record<string, string | null> {
	const view: Record<string, string | null> = {
		ProspectID: lead.id,
		ProspectAutoId: lead.autoId === undefined ? null : String(lead.autoId),
	};
	for (const { SchemaName } of LEAD_FIELDS) {
		if (SchemaName !== 'ProspectID') view[SchemaName] = lead.fields[SchemaName] || null;
	}
	const owner = store.user(lead.fields.OwnerId);
	view.OwnerIdName = owner ? `${owner.FirstName} ${owner.LastName}` : null;
	view.OwnerIdEmailAddress = owner?.EmailAddress ?? null;
	view.CreatedOn = store.date(lead.createdOn);
	view.ModifiedOn = store.date(lead.modifiedOn);
	return view;
}
