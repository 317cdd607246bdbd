/** The real project passes the validator, and `npm run validate`'s CLI reports problems as `file: [rule] message`. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT_DIR, ROOT } from '../build/webpack-config';
import { formatProblem, validateProject } from '../sdf-validate';
import { LIST, removeProjects, writeProject } from './fixtures/sdf-project';

afterAll(removeProjects);

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'tools', 'sdf-validate', 'cli.ts');

function runCli(projectDir: string) {
  return spawnSync(TSX, [CLI, projectDir], { cwd: ROOT, encoding: 'utf8', timeout: 20000 });
}

describe('sdf-validate on the real project', () => {
  it('finds no problems in src/ (needs the build output: run npm run build)', () => {
    const built = fs.existsSync(OUTPUT_DIR) ? fs.readdirSync(OUTPUT_DIR).filter((f) => f.endsWith('.js')) : [];
    const problems = validateProject(path.join(ROOT, 'src')).map((p) => formatProblem(p, 'src'));
    const hint = built.length === 0 ? '\n(no built scripts in src/FileCabinet: run npm run build first)' : '';
    expect({ problems, hint }).toEqual({ problems: [], hint: '' });
  });
});

describe('sdf-validate CLI', () => {
  it('prints each problem as "file: [rule] message" and exits 1', () => {
    const dir = writeProject({ 'Objects/customlist_scend_colour.xml': LIST.replace('val_scend_blue', 'blue') });
    const result = runCli(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${dir}/Objects/customlist_scend_colour.xml: [scriptid-prefix] <customvalue> "blue" must start with "val_"`);
  });

  it('prints a one-line OK summary with object and script counts and exits 0', () => {
    const result = runCli(writeProject());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^sdf-validate: OK — 5 objects \(2 scripts\) in \S+\n$/);
  });
});
