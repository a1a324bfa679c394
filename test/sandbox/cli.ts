import { DEMO_ACCOUNT } from './fixtures';
import { LeadSquaredSandbox } from './server';

/**
 * `npm run sandbox`: a local LeadSquared on 127.0.0.1.
 * Env: SANDBOX_PORT (default 4010), SANDBOX_RATE_CALLS / SANDBOX_RATE_WINDOW_MS,
 * SANDBOX_QUEUE_DELAY_MS, SANDBOX_TIME_SCALE.
 */
async function main() {
	const env = process.env;
	const sandbox = await LeadSquaredSandbox.start({
		port: Number(env.SANDBOX_PORT ?? 4010),
		rateLimit: {
			calls: Number(env.SANDBOX_RATE_CALLS ?? 25),
			windowMs: Number(env.SANDBOX_RATE_WINDOW_MS ?? 5000),
		},
		queue: {
			...(env.SANDBOX_QUEUE_DELAY_MS ? { delayMs: Number(env.SANDBOX_QUEUE_DELAY_MS) } : {}),
			...(env.SANDBOX_TIME_SCALE ? { timeScale: Number(env.SANDBOX_TIME_SCALE) } : {}),
		},
	});
	console.log(`LeadSquared sandbox listening on ${sandbox.url}`);
	console.log('Credential: Region "Custom", API URL and Async API URL', sandbox.url);
	console.log(`  Access Key    ${DEMO_ACCOUNT.accessKey}`);
	console.log(`  Secret Key    ${DEMO_ACCOUNT.secretKey}`);
	console.log(`  Async API Key ${DEMO_ACCOUNT.asyncApiKey}`);
	console.log(`Rate limit ${sandbox.rateLimit.calls} calls per ${sandbox.rateLimit.windowMs} ms. Record: GET ${sandbox.url}/__sandbox/requests`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
