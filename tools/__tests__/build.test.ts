/**
 * `npm run build` turns each entry point into one SuiteScript 2.1 AMD file: header first, one
 * define(), N/* as AMD dependencies, shared code bundled, ES2019, the same bytes every time.
 */
import * as acorn from 'acorn';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from '../build/build';
import { OUTPUT_DIR, entryPoints, webpackConfig } from '../build/webpack-config';
import { inspectScriptFile } from '../sdf-validate';

const FIXTURE_SCRIPTS = path.join(__dirname, 'fixtures', 'build', 'scripts');
const NODE_BUILTINS = ['fs', 'path', 'os', 'http', 'https', 'child_process', 'crypto', 'util', 'stream', 'events', 'buffer', 'url', 'zlib', 'net', 'tls', 'worker_threads'];

const tempDirs: string[] = [];
let firstDir: string;
let secondDir: string;

function builtFiles(dir: string): Record<string, string> {
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
}

/** The dependency list of the file's define([...], factory). */
function amdDependencies(code: string): string[] {
  const match = /define\((\[[^\]]*\])/.exec(code);
  if (!match) throw new Error('no define([...]) dependency list');
  return JSON.parse(match[1]) as string[];
}

/** Runs the AMD file with a define() that hands it the given N modules; returns its exports. */
function loadAmd(code: string, modules: Record<string, unknown>): Record<string, (...args: unknown[]) => unknown> {
  let exported: Record<string, (...args: unknown[]) => unknown> | undefined;
  const define = (deps: string[], factory: (...m: unknown[]) => typeof exported) => {
    exported = factory(...deps.map((d) => modules[d]));
  };
  new Function('define', code)(define);
  if (!exported) throw new Error('define was never called');
  return exported;
}

/** What every built SuiteScript file must look like; returns the list of what is wrong (empty = fine). */
function shapeProblems(name: string, code: string): string[] {
  const problems: string[] = [];
  const { header, defineCalls } = inspectScriptFile(code);
  if (!code.startsWith('/**')) problems.push(`${name}: does not start with the /** JSDoc header`);
  if (header?.tags.NApiVersion !== '2.1') problems.push(`${name}: header lacks @NApiVersion 2.1`);
  if (!header?.tags.NScriptType) problems.push(`${name}: header lacks @NScriptType`);
  if (defineCalls.length !== 1) problems.push(`${name}: ${defineCalls.length} define( calls`);
  if (header && defineCalls.length > 0 && header.end > defineCalls[0]) problems.push(`${name}: header is not above define(`);
  const nonN = amdDependencies(code).filter((d) => !/^N(\/|$)/.test(d));
  if (nonN.length > 0) problems.push(`${name}: AMD dependencies other than N/*: ${nonN.join(', ')}`);
  if (/require\(\s*["']N\//.test(code)) problems.push(`${name}: contains require("N/...") (N modules must be AMD dependencies)`);
  for (const builtin of NODE_BUILTINS) {
    if (new RegExp(`require\\(\\s*["'](node:)?${builtin}["']`).test(code)) problems.push(`${name}: requires Node built-in ${builtin}`);
  }
  if (/["']node:/.test(code)) problems.push(`${name}: mentions a node: module`);
  try {
    acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' });
  } catch (e) {
    problems.push(`${name}: not ES2019: ${(e as Error).message}`);
  }
  return problems;
}

beforeAll(async () => {
  firstDir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-a-'));
  secondDir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-b-'));
  tempDirs.push(firstDir, secondDir);
  const entries = entryPoints(FIXTURE_SCRIPTS);
  await build(webpackConfig(entries, firstDir));
  await build(webpackConfig(entries, secondDir));
}, 60000);

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('build of the fixture entry points', () => {
  it('emits exactly one .js file per entry point', () => {
    expect(Object.keys(builtFiles(firstDir))).toEqual(['fx_suitelet.js', 'fx_user_event.js']);
  });

  it('gives every file the SuiteScript shape (header first, one define, N/* external, no Node, ES2019)', () => {
    const problems = Object.entries(builtFiles(firstDir)).flatMap(([name, code]) => shapeProblems(name, code));
    expect(problems).toEqual([]);
  });

  it("copies each entry's own @NScriptType into its header", () => {
    const files = builtFiles(firstDir);
    expect(inspectScriptFile(files['fx_suitelet.js']).header?.tags.NScriptType).toBe('Suitelet');
    expect(inspectScriptFile(files['fx_user_event.js']).header?.tags.NScriptType).toBe('UserEventScript');
  });

  it('lists exactly the N modules each entry imports as AMD dependencies', () => {
    const files = builtFiles(firstDir);
    expect(amdDependencies(files['fx_suitelet.js'])).toEqual(['N/log']);
    expect(amdDependencies(files['fx_user_event.js']).sort()).toEqual(['N/log', 'N/record']);
  });

  it('bundles shared code into each file and lowers ES2020 syntax (?. and ??)', () => {
    for (const code of Object.values(builtFiles(firstDir))) {
      expect(code).toContain('lines, ');
      expect(code).not.toMatch(/\?\?|\?\./);
    }
  });

  it('produces a file that runs: the Suitelet writes the shared summary through its N modules', () => {
    const written: string[] = [];
    const audits: unknown[] = [];
    const suitelet = loadAmd(builtFiles(firstDir)['fx_suitelet.js'], { 'N/log': { audit: (o: unknown) => audits.push(o) } });
    suitelet.onRequest({ request: { parameters: { id: 'SO-1' } }, response: { write: ({ output }: { output: string }) => written.push(output) } });
    expect(written).toEqual(['SO-1: 1 lines, 2 units']);
    expect(audits).toEqual([{ title: 'fixture', details: 'SO-1: 1 lines, 2 units' }]);
  });

  it('is deterministic: building twice gives identical bytes', () => {
    const first = builtFiles(firstDir);
    const second = builtFiles(secondDir);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    for (const name of Object.keys(first)) expect(second[name] === first[name]).toBe(true);
  });
});

describe('the real build output (src/FileCabinet/SuiteScripts/scend_connector)', () => {
  it('holds one file per entry point in src/ts/scripts (run npm run build if this fails)', () => {
    const expected = Object.keys(entryPoints()).map((n) => `${n}.js`).sort();
    const actual = fs.existsSync(OUTPUT_DIR) ? Object.keys(builtFiles(OUTPUT_DIR)) : [];
    expect(actual).toEqual(expected);
  });

  it('gives every built file the SuiteScript shape', () => {
    const files = fs.existsSync(OUTPUT_DIR) ? builtFiles(OUTPUT_DIR) : {};
    const problems = Object.entries(files).flatMap(([name, code]) => shapeProblems(name, code));
    expect(problems).toEqual([]);
  });
});
