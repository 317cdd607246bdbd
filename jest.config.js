/** One jest run for the project, the sandbox, the simulator and the tools. TypeScript is transpiled by swc; `npm run typecheck` type-checks. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  testMatch: ['<rootDir>/**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/src/FileCabinet/'],
  moduleNameMapper: {},
  testTimeout: 30000,
};
