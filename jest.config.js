/** `npm test`: the package's nodes in n8n-core's engine against the local LeadSquared sandbox. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: '<rootDir>/test/tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/harness/setupEnv.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/engineTeardown.ts'],
	testTimeout: 60_000,
};
