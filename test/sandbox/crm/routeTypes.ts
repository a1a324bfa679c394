import type { Reply } from './common';
import type { CrmStore } from './store';

export interface CrmContext {
	store: CrmStore;
	body: unknown;
	query: URLSearchParams;
}

export interface CrmRoute {
	handler: (ctx: CrmContext) => Reply;
	/** Counts against the lower bulk rate limit. */
	bulk?: boolean;
	/** A POST whose JSON body may be left out. */
	optionalBody?: boolean;
	/** A multipart/form-data POST whose keys are form fields (AccessKey, SecretKey), like the file host's. */
	multipart?: boolean;
}

/** Keyed "METHOD /path", like the server's own routes. */
export type CrmRoutes = Record<string, CrmRoute>;
