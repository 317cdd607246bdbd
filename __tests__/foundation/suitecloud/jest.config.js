/**
 * Oracle's own SuiteCloud unit-testing configuration (ACP: `SuiteScripts/...` mapped to
 * src/FileCabinet/SuiteScripts, every `N/*` mapped to its stub, AMD turned into CommonJS by
 * Oracle's babel transformer), used to load and run the BUILT scripts. Run by
 * __tests__/foundation/suitecloud-proof.test.ts; its tests end in `.suitecloud.js` so the main
 * jest run (`*.test.ts`) never picks them up, and this run picks up nothing else.
 */
const path = require('path');
const SuiteCloudJestConfiguration = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');

const ROOT = path.resolve(__dirname, '..', '..', '..');

const suitecloud = SuiteCloudJestConfiguration.build({
  // The library joins projectFolder onto process.cwd(), so give it relative to wherever jest runs.
  projectFolder: path.relative(process.cwd(), path.join(ROOT, 'src')) || '.',
  projectType: SuiteCloudJestConfiguration.ProjectType.ACP,
  rootDir: ROOT,
});

module.exports = {
  ...suitecloud,
  rootDir: ROOT,
  roots: ['<rootDir>/__tests__/foundation/suitecloud'],
  testMatch: ['<rootDir>/__tests__/foundation/suitecloud/**/*.suitecloud.js'],
  testEnvironment: 'node',
};
