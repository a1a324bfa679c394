import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import { format } from 'util';

/** The ways a key could show up in text: as is, URL-encoded (both styles), JSON-escaped. */
export function secretForms(secret: string): string[] {
	return [
		...new Set([
			secret,
			encodeURIComponent(secret),
			new URLSearchParams({ k: secret }).toString().slice(2),
			encodeURI(secret),
			JSON.stringify(secret).slice(1, -1),
		]),
	];
}

/**
 * Every place in `value` where one of `secrets` appears, in any of its forms: walks own
 * properties enumerable or not (an Error's message, stack, cause, description, context…),
 * arrays, Maps, Sets and Buffers, never calling a getter.
 */
export function findSecrets(value: unknown, secrets: string[], where = '$'): string[] {
	const forms = secrets.flatMap((secret) => secretForms(secret).map((form) => ({ secret, form })));
	const hits: string[] = [];
	const seen = new WeakSet<object>();
	const visit = (current: unknown, path: string, depth: number): void => {
		if (typeof current === 'string') {
			for (const { secret, form } of forms) {
				if (current.includes(form))
					hits.push(`${path} holds ${form === secret ? 'the key' : `the key as "${form}"`} (${secret.slice(0, 6)}…)`);
			}
			return;
		}
		if (current === null || typeof current !== 'object' || depth > 40 || seen.has(current)) return;
		seen.add(current);
		if (Buffer.isBuffer(current)) return visit(current.toString('utf8'), path, depth);
		if (current instanceof Map)
			return [...current].forEach(([k, v], i) => (visit(k, `${path}<key ${i}>`, depth + 1), visit(v, `${path}<${String(k)}>`, depth + 1)));
		if (current instanceof Set) return [...current].forEach((v, i) => visit(v, `${path}<${i}>`, depth + 1));
		if (current instanceof Error) visit(current.stack, `${path}.stack`, depth + 1);
		for (const key of Reflect.ownKeys(current)) {
			const descriptor = Object.getOwnPropertyDescriptor(current, key);
			if (descriptor && 'value' in descriptor) visit(descriptor.value, `${path}.${String(key)}`, depth + 1);
		}
	};
	visit(value, where, 0);
	return hits;
}

export interface CapturedOutput {
	/** Everything logged or written, with its source: console.*, n8n's logger, stdout, stderr. */
	entries: Array<{ source: string; text: string; data: unknown[] }>;
	stop(): void;
}

type LogFunction = (message: string, meta?: object) => void;

/**
 * Records every console.* call, every n8n log line (n8n-core's Logger from the DI container
 * and n8n-workflow's LoggerProxy, at every level including debug) and every write to
 * process.stdout / process.stderr, until `stop()`. Console and log output is swallowed;
 * stdout/stderr writes still go through.
 */
export function captureOutput(): CapturedOutput {
	const entries: CapturedOutput['entries'] = [];
	const record = (source: string, data: unknown[]) => entries.push({ source, text: format(...data), data });

	const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
	const spies = consoleMethods.map((method) =>
		jest.spyOn(console, method).mockImplementation((...data: unknown[]) => record(`console.${method}`, data)),
	);

	const level =
		(name: string): LogFunction =>
		(message, meta) =>
			record(`n8n logger ${name}`, [message, meta]);
	const logger = {
		error: level('error'),
		warn: level('warn'),
		info: level('info'),
		debug: level('debug'),
		verbose: level('verbose'),
		scoped: () => logger,
	};
	Container.set(Logger, logger as unknown as Logger);
	LoggerProxy.init(logger as unknown as Parameters<typeof LoggerProxy.init>[0]);

	const writes = (['stdout', 'stderr'] as const).map((stream) => {
		const original = process[stream].write;
		process[stream].write = ((chunk: unknown, ...rest: unknown[]) => {
			record(`process.${stream}`, [typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')]);
			return (original as (...args: unknown[]) => boolean).call(process[stream], chunk, ...rest);
		}) as typeof process.stdout.write;
		return () => (process[stream].write = original);
	});

	return {
		entries,
		stop() {
			spies.forEach((spy) => spy.mockRestore());
			writes.forEach((restore) => restore());
		},
	};
}
