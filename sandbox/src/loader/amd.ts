import { SuiteScriptError } from '../kernel/errors';
import { HIDDEN_GLOBALS, HIDDEN_VALUES, rewriteHiddenTypeof, SCRIPT_GLOBAL } from './realm';

/** Resolves one AMD dependency name ('N/record', './lib/x') to the module object a script receives. */
export type DependencyResolver = (name: string, fromFile: string) => unknown;

/**
 * One compiled AMD file. Compiling happens once; `instantiate` re-runs the file's top level, so each
 * invocation gets fresh module state, as NetSuite does (no state survives between invocations).
 */
export class AmdFile {
  private readonly fn: (...args: unknown[]) => void;

  constructor(readonly file: string, source: string) {
    // Function (not vm.runInThisContext) compiles in the sandbox's own realm, so a script's Date,
    // Array and Error are the same constructors the record layer checks against (under jest too).
    try {
      // Host globals NetSuite lacks are shadowed by parameters (see realm.ts); globalThis is a view without them.
      this.fn = new Function('define', 'log', 'Date', 'globalThis', ...HIDDEN_GLOBALS, `${rewriteHiddenTypeof(source)}\n//# sourceURL=${file}`) as (...args: unknown[]) => void;
    } catch (e) {
      throw new SuiteScriptError('SSS_INVALID_SCRIPT_FILE', `${file} does not compile: ${(e as Error).message}`, { cause: e });
    }
  }

  /** Evaluates the file with `define` and returns the module's exports (its entry points). */
  /** `scriptDate` is the Date a script sees: `new Date()` and `Date.now()` read the sandbox clock. */
  instantiate(resolve: DependencyResolver, globalLog: unknown, scriptDate: DateConstructor = Date): Record<string, unknown> {
    const calls: unknown[][] = [];
    const define = (...args: unknown[]): void => {
      calls.push(args);
    };
    (define as unknown as { amd: object }).amd = {};
    this.fn.call(SCRIPT_GLOBAL, define, globalLog, scriptDate, SCRIPT_GLOBAL, ...HIDDEN_VALUES);
    if (calls.length > 1) throw new SuiteScriptError('MULTIPLE_DEFINE_CALLS', `${this.file} calls define() ${calls.length} times; a SuiteScript file may call it once.`);
    if (calls.length === 0) throw new SuiteScriptError('SSS_MISSING_DEFINE', `${this.file} never calls define().`);
    return this.runDefine(calls[0], resolve);
  }

  private runDefine(args: unknown[], resolve: DependencyResolver): Record<string, unknown> {
    const rest = typeof args[0] === 'string' ? args.slice(1) : args;
    const deps = Array.isArray(rest[0]) ? (rest[0] as string[]) : [];
    const factory = Array.isArray(rest[0]) ? rest[1] : rest[0];
    if (typeof factory !== 'function') {
      if (factory && typeof factory === 'object') return factory as Record<string, unknown>;
      throw new SuiteScriptError('SSS_MISSING_DEFINE', `${this.file}: define() needs a factory function or object`);
    }
    const mod = { exports: {} as Record<string, unknown> };
    const resolved = deps.map((d) => {
      if (d === 'exports') return mod.exports;
      if (d === 'module') return mod;
      if (d === 'require') return (name: string) => resolve(name, this.file);
      return resolve(d, this.file);
    });
    const result = (factory as (...a: unknown[]) => unknown)(...resolved);
    return (result ?? mod.exports) as Record<string, unknown>;
  }
}

/**
 * A Date for scripts whose "now" is the sandbox clock, so schedules, backoff and "stalled for N
 * hours" can be driven by tests. It is a subclass, so `instanceof Date` holds everywhere.
 */
export function clockBoundDate(now: () => Date): DateConstructor {
  class ScriptDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now().getTime());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now().getTime();
    }
    /** Dates made by the sandbox's modules (format.parse, record values) are Dates to the script too. */
    static override [Symbol.hasInstance](value: unknown): boolean {
      return Object.prototype.toString.call(value) === '[object Date]';
    }
  }
  return ScriptDate as unknown as DateConstructor;
}
