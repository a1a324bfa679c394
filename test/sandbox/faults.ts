/** Faults the sandbox injects into matching requests. */
export type FaultKind =
	/** LeadSquared rejects the body (400), whatever it was. */
	| 'status400'
	/** Infrastructure failures: a server or gateway error page, no MX exception (see infrastructureFailure). */
	| 'status500'
	| 'status502'
	| 'status503'
	| 'status504'
	/** LeadSquared's application refuses the request with a 500 naming an MX exception, as live probes found it doing for malformed input. */
	| 'status500Mx'
	| 'status429'
	/** Connection dropped before the request is processed. */
	| 'dropBefore'
	/** Request processed, then the connection dropped before the answer. */
	| 'dropAfter'
	| 'latency';

export interface FaultRule {
	kind: FaultKind;
	/** Only requests whose method and path match (path: exact string or RegExp). */
	method?: string;
	path?: string | RegExp;
	/** Probability per matching request (default 1). */
	rate?: number;
	/** Apply to at most this many matching requests. */
	count?: number;
	/** For `latency`: added delay, fixed or a random range. */
	latencyMs?: number | [number, number];
}

/** Small deterministic PRNG (mulberry32), so a seeded fault run repeats exactly. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultPlan {
	private rules: Array<FaultRule & { applied: number }> = [];

	constructor(private random: () => number) {}

	set(rules: FaultRule[], seed?: number): void {
		this.rules = rules.map((rule) => ({ ...rule, applied: 0 }));
		if (seed !== undefined) this.random = seededRandom(seed);
	}

	/** The faults that hit this request: at most one failure, plus any latency. */
	pick(method: string, path: string): { failure?: FaultKind; latencyMs: number } {
		let failure: FaultKind | undefined;
		let latencyMs = 0;
		for (const rule of this.rules) {
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path && !(typeof rule.path === 'string' ? rule.path === path : rule.path.test(path))) continue;
			if (rule.count !== undefined && rule.applied >= rule.count) continue;
			if (this.random() >= (rule.rate ?? 1)) continue;
			if (rule.kind === 'latency') {
				const range = rule.latencyMs ?? 0;
				latencyMs += Array.isArray(range) ? range[0] + this.random() * (range[1] - range[0]) : range;
			} else if (failure) {
				continue;
			} else {
				failure = rule.kind;
			}
			rule.applied++;
		}
		return { failure, latencyMs };
	}
}

/** What a server or gateway answers when it fails: a body with no MX exception. */
export interface InfrastructureAnswer {
	status: number;
	body: unknown;
	contentType?: string;
}

const GATEWAY_TITLES: Record<number, string> = {
	500: '500 - Internal server error.',
	502: '502 Bad Gateway',
	503: '503 Service Temporarily Unavailable',
	504: '504 Gateway Time-out',
};

const API_GATEWAY_MESSAGES: Record<number, string> = {
	500: 'Internal server error',
	502: 'Internal server error',
	503: 'Service Unavailable',
	504: 'Endpoint request timed out',
};

/**
 * LeadSquared's pages do not show what its infrastructure answers when it fails (a sandbox
 * choice): the v2 API host the standard HTML error page of its web server or load balancer, the
 * async host (an AWS API Gateway, its async-api page says) API Gateway's `{"message": …}`.
 */
export function infrastructureFailure(status: number, asyncHost: boolean): InfrastructureAnswer {
	if (asyncHost) return { status, body: { message: API_GATEWAY_MESSAGES[status] ?? 'Internal server error' } };
	const title = GATEWAY_TITLES[status] ?? `${status} Error`;
	return {
		status,
		contentType: 'text/html; charset=utf-8',
		body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
	};
}
