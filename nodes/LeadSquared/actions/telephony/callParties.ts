import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ItemInput, quote } from '../../helpers/itemInput';
import { phoneForLookup, samePhone } from '../../helpers/phoneNumber';
import { leadSquaredRequest } from '../../transport';
import { ENDPOINTS } from '../../transport/endpoints';
import { findLead } from '../leadReference';

/**
 * Unconfirmed: the answer on Users.Get's page shows no phone numbers; these are the fields that
 * "Get a User by Id" gives a user's numbers in. An agent is found by number only where Users.Get
 * includes them (the error says so when it does not).
 */
export const USER_PHONE_FIELDS = ['PhoneMain', 'PhoneMobile', 'PhoneOthers', 'AssociatedPhoneNumbers'] as const;

/** A party of the call as an item names it: by its LeadSquared ID, or by what the telephony provider knows. */
export type Party =
	| { by: 'id'; id: string }
	| { by: 'email'; email: string }
	/** `field` is the parameter the number came from, for messages. */
	| { by: 'phone'; phone: string; field: string };

/** A lead is given by ID or found by the caller's number. */
export type LeadParty = Exclude<Party, { by: 'email' }>;

const isActive = (user: IDataObject) => Number(user.StatusCode ?? 0) === 0;

const nameOf = (user: IDataObject) =>
	[[user.FirstName, user.LastName].filter((part) => typeof part === 'string' && part.trim()).join(' '), user.EmailAddress]
		.filter(Boolean)
		.join(' ') || String(user.ID);

function numbersOf(user: IDataObject): string[] {
	return USER_PHONE_FIELDS.flatMap((field) => (typeof user[field] === 'string' ? (user[field] as string).split(/[,;]/) : []))
		.map((phone) => phone.trim())
		.filter(Boolean);
}

/**
 * Finds the lead and the agent of each call, for one execution: one Users.Get for all its items
 * (Users.Get lists every user in one answer), and one lead lookup per distinct caller number.
 * Every call goes through leadSquaredRequest, so the rate governor paces them with the popups.
 */
export class CallParties {
	private users?: Promise<IDataObject[]>;

	private readonly leadsByPhone = new Map<string, Promise<IDataObject | undefined>>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	async leadId(lead: LeadParty, itemIndex: number): Promise<string> {
		if (lead.by === 'id') return lead.id;
		const phone = phoneForLookup(lead.phone);
		let found = this.leadsByPhone.get(phone);
		if (!found) this.leadsByPhone.set(phone, (found = findLead.call(this.ctx, { by: 'phone', value: phone }, itemIndex)));
		const id = (await found)?.ProspectID;
		if (typeof id === 'string' && id) return id;
		throw new ItemInput(this.ctx, itemIndex).error(
			'Lead ID',
			`is empty and the caller's number ${quote(lead.phone)} (${lead.field}) matches no LeadSquared lead`,
			"LeadSquared looks in the leads' Phone and Mobile fields. Create the lead first (for example with Lead → Create or Update), or give its Lead ID.",
		);
	}

	async userId(agent: Party, itemIndex: number): Promise<string> {
		if (agent.by === 'id') return agent.id;
		const users = await this.allUsers();
		const input = new ItemInput(this.ctx, itemIndex);
		if (agent.by === 'email') {
			const email = agent.email.toLowerCase();
			const matches = users.filter((user) => String(user.EmailAddress ?? '').trim().toLowerCase() === email);
			return theAgent(input, 'Agent Email', quote(agent.email), matches);
		}
		const described = `is empty and the agent's number ${quote(agent.phone)} (${agent.field})`;
		if (!users.some((user) => USER_PHONE_FIELDS.some((field) => field in user))) {
			throw input.error(
				'Agent',
				`${described} cannot be looked up: LeadSquared's Users.Get answered without the users' numbers (${USER_PHONE_FIELDS.join(', ')})`,
				"Give the agent's e-mail address in 'Agent Email', or choose the agent in 'Agent'.",
			);
		}
		const matches = users.filter((user) => numbersOf(user).some((phone) => samePhone(phone, agent.phone)));
		return theAgent(input, 'Agent', described, matches);
	}

	/** Users.Get once per execution; a failure is the execution's, so it names no item. */
	private async allUsers(): Promise<IDataObject[]> {
		this.users ??= leadSquaredRequest
			.call(this.ctx, { host: 'api', method: 'GET', endpoint: ENDPOINTS.users, replaySafe: true })
			.then((users) => (Array.isArray(users) ? (users as IDataObject[]) : []));
		return await this.users;
	}
}

function theAgent(input: ItemInput, field: string, described: string, matches: IDataObject[]): string {
	const active = matches.filter(isActive);
	if (active.length === 1 && typeof active[0].ID === 'string') return active[0].ID;
	if (active.length > 1) {
		throw input.error(field, `${described} matches ${active.length} active LeadSquared users (${active.map(nameOf).join(', ')})`, "Choose the agent in 'Agent'.");
	}
	const hint = "Check the agent under My Account → Users in LeadSquared, or choose the agent in 'Agent'.";
	if (matches.length) throw input.error(field, `${described} belongs to ${nameOf(matches[0])}, who is inactive in LeadSquared`, hint);
	throw input.error(field, `${described} matches no active LeadSquared user`, hint);
}
