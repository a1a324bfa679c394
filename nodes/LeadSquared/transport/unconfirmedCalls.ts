import { ENDPOINTS } from './endpoints';

/**
 * The calls whose path no readable LeadSquared page shows (README: "LeadSquared calls").
 * Each is sent to the path in ENDPOINTS unless the user overrides it, and when LeadSquared
 * answers 404 or 405 the error names the assumption and where to override it.
 */

/**
 * Lookups that many operations and dropdowns share are overridden once, in the credential,
 * behind a switch that keeps them out of the way (fields hidden by it are dropped by n8n).
 */
export const CREDENTIAL_PATH_SWITCH = {
	name: 'overridePaths',
	displayName: 'Override API Paths Not on LeadSquared’s Pages',
};

export const CREDENTIAL_PATHS = {
	leadById: { field: 'leadByIdPath', displayName: 'Lead by ID Path', endpoint: ENDPOINTS.leadById },
	leadQuickSearch: { field: 'leadQuickSearchPath', displayName: 'Lead Quick Search Path', endpoint: ENDPOINTS.leadQuickSearch },
	activityTypes: { field: 'activityTypesPath', displayName: 'Activity Types Path', endpoint: ENDPOINTS.activityTypes },
	opportunityTypes: { field: 'opportunityTypesPath', displayName: 'Opportunity Types Path', endpoint: ENDPOINTS.opportunityTypes },
	leadBulkUpdate: { field: 'leadBulkUpdatePath', displayName: 'Update Leads in Bulk Path', endpoint: ENDPOINTS.leadBulkUpdate },
} as const;

export type CredentialPath = keyof typeof CREDENTIAL_PATHS;

/** The Options field of the operations whose one call is unconfirmed (a full URL replaces host + path). */
export const OPERATION_URL_OVERRIDES = {
	captureMetrics: 'Metrics API URL (Override)',
	noteCreate: 'Note API URL (Override)',
	opportunityCapture: 'Capture API URL (Override)',
	converseNotification: 'Converse API URL (Override)',
	userCheckIn: 'Check-In API URL (Override)',
} as const;

const inCredential = (path: CredentialPath) =>
	`the credential's ${CREDENTIAL_PATH_SWITCH.displayName} → ${CREDENTIAL_PATHS[path].displayName}`;

const inOptions = (call: keyof typeof OPERATION_URL_OVERRIDES) => `the operation's Options → ${OPERATION_URL_OVERRIDES[call]}`;

export const UNCONFIRMED_CALLS = {
	leadById: { what: 'the lead lookup by ID', overrideIn: inCredential('leadById') },
	leadQuickSearch: { what: 'the lead quick search', overrideIn: inCredential('leadQuickSearch') },
	activityTypes: { what: 'the list of activity types', overrideIn: inCredential('activityTypes') },
	opportunityTypes: { what: 'the list of opportunity types', overrideIn: inCredential('opportunityTypes') },
	leadBulkUpdate: { what: 'Update Leads in Bulk v2', overrideIn: inCredential('leadBulkUpdate') },
	captureMetrics: { what: 'the capture metrics call', overrideIn: inOptions('captureMetrics') },
	noteCreate: { what: 'the note', overrideIn: inOptions('noteCreate') },
	opportunityCapture: { what: 'the opportunity capture', overrideIn: inOptions('opportunityCapture') },
	converseNotification: { what: 'the Converse notification', overrideIn: inOptions('converseNotification') },
	userCheckIn: { what: 'the check-in', overrideIn: inOptions('userCheckIn') },
} as const;

export type UnconfirmedCall = keyof typeof UNCONFIRMED_CALLS;

/** A path the user may enter for one of the credential's lookups: on the API host, without a query. */
export const OVERRIDE_PATH = /^\/[A-Za-z0-9_\-./]{1,300}$/;
