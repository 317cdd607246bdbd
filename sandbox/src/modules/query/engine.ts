/**
 * The SQL engine under N/query: SQLite compiled to WebAssembly (sql.js), never a hand-written parser.
 *
 * sql.js only offers an asynchronous start, while SuiteScript's runSuiteQL is synchronous. The
 * WebAssembly module is compiled synchronously when this file is imported and handed to sql.js,
 * so the engine is ready after the current microtasks have run — i.e. before any test body,
 * awaited call or timer. A query issued in the very same synchronous turn as the import gets a
 * SandboxUsageError that says so (await `sqlEngineReady` first).
 */
import * as fs from 'node:fs';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { Database as SqlDatabase, SqlJsStatic } from 'sql.js';
import { SandboxUsageError } from '../../runners/sandbox-errors';

let engine: SqlJsStatic | null = null;

/** The WebAssembly global (the project's TypeScript lib has no DOM/WebAssembly typings). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const WASM = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

const wasm = fs.readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
const wasmModule = new WASM.Module(wasm);

/** Resolves once SQLite is usable; `Sandbox` users rarely need it (see above). */
export const sqlEngineReady: Promise<void> = initSqlJs({
  instantiateWasm(imports: object, done: (instance: { exports: object }) => void) {
    const instance = new WASM.Instance(wasmModule, imports);
    done(instance);
    return instance.exports;
  },
} as never).then((s) => {
  engine = s;
});

/** A fresh in-memory SQLite database. */
export function openSqlDatabase(): SqlDatabase {
  if (!engine) throw new SandboxUsageError('N/query: the SQL engine is still starting; await sqlEngineReady (exported by the sandbox) before the first query');
  return new engine.Database();
}
