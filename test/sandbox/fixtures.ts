/** Accounts, users and lead fields the sandbox starts with. Keys here are sandbox-only. */

export interface SandboxUser {
	ID: string;
	FirstName: string;
	LastName: string;
	EmailAddress: string;
	Role: string;
	StatusCode: 0 | 1;
	/** A user's numbers, as LeadSquared's "Get a User by Id" page names them. */
	PhoneMain?: string;
	PhoneMobile?: string;
	PhoneOthers?: string;
}

export interface SandboxAccount {
	accessKey: string;
	secretKey: string;
	asyncApiKey: string;
	/** The API host this account lives on; keys sent to another region's host get a 401 naming it. */
	homeHost?: string;
	users: SandboxUser[];
	/** Whether Users.Get lists the users' numbers (default USERS_GET_LISTS_PHONES in crm/unconfirmed.ts). */
	usersGetListsPhones?: boolean;
}

export const DEMO_USERS: SandboxUser[] = [
	{
		ID: '3b1041fb-8374-11e7-8758-0a106ee76b21',
		FirstName: 'Asha',
		LastName: 'Iyer',
		EmailAddress: 'asha.iyer@example.com',
		Role: 'Administrator',
		StatusCode: 0,
	},
	{
		ID: '2f5508b5-f7ed-11ea-b39f-122cab85b441',
		FirstName: 'Rahul',
		LastName: 'Menon',
		EmailAddress: 'rahul.menon@example.com',
		Role: 'Sales_User',
		StatusCode: 0,
	},
	{
		ID: 'dd908e91-c5c9-11e5-8de3-22000aa5088d',
		FirstName: 'Siti',
		LastName: 'Rahman',
		EmailAddress: 'siti.rahman@example.com',
		Role: 'Sales_Manager',
		StatusCode: 0,
	},
	{
		ID: '7c1d2e3f-0000-4a5b-9c8d-000000000004',
		FirstName: 'Former',
		LastName: 'Agent',
		EmailAddress: 'former.agent@example.com',
		Role: 'Sales_User',
		StatusCode: 1,
	},
];

export const DEMO_ACCOUNT: SandboxAccount = {
	accessKey: 'u$sandbox-access-key-0001',
	secretKey: 'sandbox-secret-key-7f3a9c1e5b',
	asyncApiKey: 'sandbox-async-api-key-4d2c8e',
	users: DEMO_USERS,
};

/** An account from another region: its keys are refused here with a 401 naming its host. */
export const US_ACCOUNT: SandboxAccount = {
	accessKey: 'u$us11-access-key-0002',
	secretKey: 'us11-secret-key-91b0c2d7',
	asyncApiKey: 'us11-async-api-key-11aa',
	homeHost: 'api-us11.leadsquared.com',
	users: DEMO_USERS,
};

export interface LeadField {
	SchemaName: string;
	DisplayName: string;
	DataType: string;
	IsMandatory: boolean;
	MaxLength?: number;
}

export const LEAD_FIELDS: LeadField[] = [
	{ SchemaName: 'FirstName', DisplayName: 'First Name', DataType: 'String', IsMandatory: false, MaxLength: 100 },
	{ SchemaName: 'LastName', DisplayName: 'Last Name', DataType: 'String', IsMandatory: false, MaxLength: 100 },
	{ SchemaName: 'EmailAddress', DisplayName: 'Email', DataType: 'Email', IsMandatory: false, MaxLength: 100 },
	{ SchemaName: 'Phone', DisplayName: 'Phone Number', DataType: 'Phone', IsMandatory: false, MaxLength: 50 },
	{ SchemaName: 'Mobile', DisplayName: 'Mobile Number', DataType: 'Phone', IsMandatory: false, MaxLength: 50 },
	{ SchemaName: 'Company', DisplayName: 'Company', DataType: 'String', IsMandatory: false, MaxLength: 200 },
	{ SchemaName: 'JobTitle', DisplayName: 'Job Title', DataType: 'String', IsMandatory: false, MaxLength: 200 },
	{ SchemaName: 'Source', DisplayName: 'Lead Source', DataType: 'Select', IsMandatory: false, MaxLength: 100 },
	{ SchemaName: 'City', DisplayName: 'City', DataType: 'String', IsMandatory: false, MaxLength: 100 },
	{ SchemaName: 'Notes', DisplayName: 'Notes', DataType: 'LargeString', IsMandatory: false, MaxLength: 4000 },
	{ SchemaName: 'ProspectID', DisplayName: 'Lead Id', DataType: 'String', IsMandatory: false, MaxLength: 50 },
	{ SchemaName: 'mx_Budget', DisplayName: 'Budget', DataType: 'Number', IsMandatory: false },
	{ SchemaName: 'ProspectStage', DisplayName: 'Lead Stage', DataType: 'Select', IsMandatory: false, MaxLength: 100 },
	{ SchemaName: 'OwnerId', DisplayName: 'Lead Owner', DataType: 'ActiveUsers', IsMandatory: false, MaxLength: 50 },
	{ SchemaName: 'mx_City', DisplayName: 'City (custom)', DataType: 'String', IsMandatory: false, MaxLength: 100 },
	{ SchemaName: 'mx_Preferred_Channel', DisplayName: 'Preferred Channel', DataType: 'Select', IsMandatory: false, MaxLength: 50 },
];

/** Lead stages of the sandbox account, in funnel order. */
export const LEAD_STAGES = ['Prospect', 'Opportunity', 'Customer', 'Invalid'];
