/** `npm run test:e2e`: the built package in real n8n (each line in N8N_LINES) against the LeadSquared sandbox. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: '<rootDir>/test/tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/harness/setupEnv.ts'],
	// hooks that install or start n8n set their own, longer timeouts
	testTimeout: 120_000,
	slowTestThreshold: 60,
	verbose: true,
};
