import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/FileCabinet/**', 'coverage/**', '.tmp/**', 'bench/results.json', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The deployable bundle runs inside NetSuite: no Node built-ins, no console.
    files: ['src/ts/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { paths: ['fs', 'path', 'http', 'https', 'child_process', 'crypto', 'os', 'url', 'util', 'worker_threads'], patterns: ['node:*'] },
      ],
    },
  },
  {
    // The core is pure: no N/* modules (adapters own NetSuite).
    files: ['src/ts/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['N/*', 'N', 'node:*'] }] },
  },
  {
    // The simulator reads the contract from docs/scend-openapi.yaml (generated types), never the client's code.
    files: ['scend-sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/ts', '**/src/ts/**'], message: 'scend-sim must not import the client (src/ts): use scend-sim/src/contract/types.' }] },
      ],
    },
  },
);
