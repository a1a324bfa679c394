/** Activity, task and opportunity types the sandbox account starts with (codes as LeadSquared numbers them). */

export interface EntityField {
	SchemaName: string;
	DisplayName: string;
	DataType: 'String' | 'Number' | 'DateTime' | 'Select' | 'User';
	IsMandatory: boolean;
	MaxLength?: number;
	Options?: string[];
}

export interface ActivityType {
	ActivityEvent: number;
	DisplayName: string;
	/** 1 system, 2 custom. */
	ActivityType: 1 | 2;
	Direction: 'Inbound' | 'Outbound';
	Score: number;
	Fields: EntityField[];
}

export interface TaskType {
	Id: string;
	Name: string;
	/** 0 appointment, 1 to-do. */
	Category: 0 | 1;
}

export interface OpportunityType {
	Code: number;
	Name: string;
	Fields: EntityField[];
}

export const ACTIVITY_TYPES: ActivityType[] = [
	{ ActivityEvent: 2, DisplayName: 'Email Link Clicked', ActivityType: 1, Direction: 'Inbound', Score: 5, Fields: [] },
	{ ActivityEvent: 21, DisplayName: 'Email Opened', ActivityType: 1, Direction: 'Inbound', Score: 2, Fields: [] },
	{
		ActivityEvent: 201,
		DisplayName: 'Phone Call',
		ActivityType: 2,
		Direction: 'Outbound',
		Score: 10,
		Fields: [
			{ SchemaName: 'mx_Custom_1', DisplayName: 'Call Duration (s)', DataType: 'Number', IsMandatory: false },
			{
				SchemaName: 'mx_Custom_2',
				DisplayName: 'Call Outcome',
				DataType: 'Select',
				IsMandatory: false,
				Options: ['Connected', 'No Answer', 'Busy', 'Wrong Number'],
			},
			{ SchemaName: 'mx_Custom_3', DisplayName: 'Call Time', DataType: 'DateTime', IsMandatory: false },
		],
	},
	{
		ActivityEvent: 202,
		DisplayName: 'WhatsApp Message',
		ActivityType: 2,
		Direction: 'Inbound',
		Score: 5,
		Fields: [
			{ SchemaName: 'mx_Custom_1', DisplayName: 'Message', DataType: 'String', IsMandatory: true, MaxLength: 1000 },
			{ SchemaName: 'mx_Custom_2', DisplayName: 'Direction', DataType: 'Select', IsMandatory: false, Options: ['Inbound', 'Outbound'] },
			{ SchemaName: 'mx_Custom_3', DisplayName: 'WhatsApp Number', DataType: 'String', IsMandatory: false, MaxLength: 50 },
		],
	},
	{
		ActivityEvent: 203,
		DisplayName: 'Demo Scheduled',
		ActivityType: 2,
		Direction: 'Outbound',
		Score: 20,
		Fields: [{ SchemaName: 'mx_Custom_1', DisplayName: 'Demo Date', DataType: 'DateTime', IsMandatory: false }],
	},
];

export const TASK_TYPES: TaskType[] = [
	{ Id: '0500cfd9-4cf5-11ec-993a-06f221480cd8', Name: 'Meeting', Category: 0 },
	{ Id: '0500d1a2-4cf5-11ec-993a-06f221480cd8', Name: 'Phone Call', Category: 1 },
	{ Id: '0500d2b7-4cf5-11ec-993a-06f221480cd8', Name: 'Follow Up', Category: 1 },
	{ Id: '0500d3c4-4cf5-11ec-993a-06f221480cd8', Name: 'Revive Old Lead', Category: 1 },
];

const OPPORTUNITY_FIELDS: EntityField[] = [
	{ SchemaName: 'mx_Custom_1', DisplayName: 'Opportunity Name', DataType: 'String', IsMandatory: true, MaxLength: 200 },
	{
		SchemaName: 'mx_Custom_2',
		DisplayName: 'Stage',
		DataType: 'Select',
		IsMandatory: false,
		Options: ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'],
	},
	{ SchemaName: 'mx_Custom_3', DisplayName: 'Amount', DataType: 'Number', IsMandatory: false },
	{ SchemaName: 'mx_Custom_4', DisplayName: 'Expected Closure', DataType: 'DateTime', IsMandatory: false },
	{ SchemaName: 'Status', DisplayName: 'Status', DataType: 'Select', IsMandatory: false, Options: ['Open', 'Won', 'Lost'] },
	{ SchemaName: 'Owner', DisplayName: 'Owner', DataType: 'User', IsMandatory: false },
];

export const OPPORTUNITY_TYPES: OpportunityType[] = [
	{ Code: 12000, Name: 'Sales Deal', Fields: OPPORTUNITY_FIELDS },
	{ Code: 12001, Name: 'Renewal', Fields: OPPORTUNITY_FIELDS },
];

/** Fields that mark an opportunity's stage: a change to either fires "opportunity stage updated". */
export const OPPORTUNITY_STAGE_FIELDS = ['mx_Custom_2', 'Status'];
