// The tests, sandbox, demo and benchmarks run in Node, never inside n8n, so the root
// config's community-node rules (no fs, process or timers) do not apply here. ESLint uses
// this file for test/ when it looks configs up from each file (`npm run lint` sets the flag).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unusedVars = ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }];

export default tseslint.config(
	{
		files: ['**/*.{js,mjs}'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node },
		rules: { 'no-unused-vars': unusedVars },
	},
	{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: { '@typescript-eslint/no-unused-vars': unusedVars },
	},
	{
		rules: {
			'no-empty': ['error', { allowEmptyCatch: true }],
			// the hostile-input tests match control characters on purpose
			'no-control-regex': 'off',
		},
	},
);
