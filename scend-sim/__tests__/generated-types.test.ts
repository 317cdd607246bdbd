/**
 * The simulator's types come from docs/scend-openapi.yaml (openapi-typescript), not from the client's
 * src/ts/scend/contract.ts: a test double sharing the client's reading of the contract cannot catch
 * the client misreading it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const GENERATED = 'scend-sim/src/contract/openapi-types.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('scend-sim types generated from the OpenAPI document', () => {
  it('the committed openapi-types.ts is what `npm run scend-sim:types` makes from the YAML today', () => {
    const script: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['scend-sim:types'];
    const args = script.split(/\s+/).slice(1); // drop the command name
    const out = args.indexOf('-o');
    expect(args[out + 1]).toBe(GENERATED);
    const dir = mkdtempSync(path.join(tmpdir(), 'scend-types-'));
    try {
      args[out + 1] = path.join(dir, 'openapi-types.ts');
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), ...args], { cwd: ROOT, stdio: 'pipe' });
      const fresh = readFileSync(args[out + 1], 'utf8');
      expect(readFileSync(path.join(ROOT, GENERATED), 'utf8') === fresh ? 'up to date' : `stale: run npm run scend-sim:types`).toBe('up to date');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carries the contract’s enumerations as values (CURSOR_EXPIRED included)', async () => {
    const t = await import('../src/contract/types');
    expect(t.ERROR_CODES).toContain('CURSOR_EXPIRED');
    expect([...t.ORDER_STATUSES]).toEqual(['RECEIVED', 'RELEASED', 'PICKING', 'PACKING', 'PACKED', 'DESPATCHED', 'ON_HOLD', 'CANCELLED']);
  });

  it('no file of scend-sim imports the client (src/ts)', () => {
    const offenders = filesUnder(path.join(ROOT, 'scend-sim')).filter((file) =>
      /(from|import|require)\s*\(?\s*['"][^'"]*\/src\/ts(\/|['"])/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
