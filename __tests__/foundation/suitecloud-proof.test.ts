/**
 * The proof against Oracle's tooling, inside the main jest run: the built scripts load and run
 * under @oracle/suitecloud-unit-testing's own jest configuration (a separate jest process, since
 * its transform and module mapping differ from ours). See __tests__/foundation/suitecloud/.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const CONFIG = path.join('__tests__', 'foundation', 'suitecloud', 'jest.config.js');

describe('built scripts under @oracle/suitecloud-unit-testing', () => {
  it('pass the SuiteCloud jest run (npx jest --config __tests__/foundation/suitecloud/jest.config.js)', () => {
    const run = spawnSync(process.execPath, [JEST, '--config', CONFIG, '--ci', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    const summary = /^\{"numFailedTestSuites"/m.test(run.stdout) ? (JSON.parse(run.stdout) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number }) : undefined;
    if (run.status !== 0 || !summary) throw new Error(`SuiteCloud jest run failed (exit ${run.status}; run npm run build first if no scripts are built):\n${output}`);
    expect(summary.numFailedTests).toBe(0);
    expect(summary.numTotalTestSuites).toBeGreaterThanOrEqual(2);
    expect(summary.numPassedTests).toBeGreaterThan(0);
  });
});
