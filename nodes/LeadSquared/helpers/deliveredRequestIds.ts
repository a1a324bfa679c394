/**
 * The key under which a Capture (Async) run that stopped on an error lists, in the error's
 * context, the Request IDs of the captures LeadSquared had already accepted. n8n stores the
 * error with the execution, and the LeadSquared Trigger reads them from there.
 */
export const DELIVERED_REQUEST_IDS = 'deliveredRequestIds';
