import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import { format } from 'util';

export interface CapturedOutput {
	/** Everything logged or written, with its source: console.*, n8n's logger, stdout, stderr. */
	entries: Array<{ source: string; text: string; data: unknown[] }>;
	stop(): void;
}

type LogFunction = (message: string, meta?: object) => void;

/**
 * Records every console.* call, every n8n log line (n8n-core's Logger from the DI container
 * and n8n-workflow's LoggerProxy, at every level including debug) and every write to
 * process.stdout / process.stderr, until `stop()`. All of it is swallowed: the scan reads it
 * from `entries`, and the test log keeps only the tests' results.
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
			// a write's callback, if any, still runs, as if the write went out
			const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
			callback?.();
			return true;
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
