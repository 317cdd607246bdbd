/**
 * The global scope a SuiteScript file sees. SuiteScript 2.1 runs on GraalJS: ECMAScript 2023 plus
 * Intl and SuiteScript's own globals (`log`, `util`), without browser or Node APIs (NetSuite Help:
 * "Differences Between SuiteScript 2.0 and SuiteScript 2.1", "SuiteScript Reserved Words").
 * Everything else the host realm has (URL, TextEncoder, fetch, process, Buffer, timers,
 * structuredClone, queueMicrotask, WebAssembly, crypto, console, ...) is hidden from scripts:
 * using it throws ReferenceError as on NetSuite, and `typeof` of it is 'undefined'.
 */
import * as acorn from 'acorn';

/** ECMAScript (ECMA-262 + ECMA-402) global properties; the only host globals a script may reach. */
const ECMASCRIPT_GLOBALS = new Set([
  'globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
  'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date',
  'Error', 'EvalError', 'FinalizationRegistry', 'Float32Array', 'Float64Array', 'Function', 'Int8Array', 'Int16Array',
  'Int32Array', 'Map', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'RegExp', 'Set',
  'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array',
  'Uint32Array', 'URIError', 'WeakMap', 'WeakRef', 'WeakSet', 'Atomics', 'JSON', 'Math', 'Reflect', 'Intl',
]);

/** Names the sandbox passes to every file itself (AMD `define`, SuiteScript's `log`, the clock-bound `Date`). */
const PROVIDED = new Set(['define', 'log', 'Date']);

/** Node's CommonJS wrapper names: never globals on NetSuite, present in Node modules only. */
const COMMONJS = ['require', 'module', 'exports', '__dirname', '__filename', 'global'];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Every host global a script must not see, computed from the realm the sandbox runs in (Node, jest). */
function hiddenGlobalNames(): string[] {
  const names = new Set<string>(COMMONJS);
  for (let o: object | null = globalThis; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (IDENTIFIER.test(name) && !ECMASCRIPT_GLOBALS.has(name) && !PROVIDED.has(name)) names.add(name);
    }
  }
  return [...names].sort();
}

export const HIDDEN_GLOBALS: readonly string[] = hiddenGlobalNames();
const HIDDEN_SET = new Set(HIDDEN_GLOBALS);

const notDefined = (name: string): ReferenceError => new ReferenceError(`${name} is not defined`);

/**
 * What a hidden name is bound to inside a script: any use of it (call, new, property read or
 * write, `in`) throws ReferenceError "<name> is not defined", as an unresolvable name does.
 */
function poisoned(name: string): unknown {
  const fail = (): never => { throw notDefined(name); };
  return new Proxy(function hidden() { /* never called */ }, {
    get: fail, set: fail, has: fail, apply: fail, construct: fail, ownKeys: fail, getOwnPropertyDescriptor: fail,
    defineProperty: fail, deleteProperty: fail, getPrototypeOf: fail, setPrototypeOf: fail,
  });
}

/** Values bound to HIDDEN_GLOBALS, in the same order. */
export const HIDDEN_VALUES: readonly unknown[] = HIDDEN_GLOBALS.map(poisoned);

/**
 * The script's `globalThis` (and top-level `this`): the host global without the hidden names, so
 * `globalThis.process` is undefined and `'fetch' in globalThis` is false.
 */
export const SCRIPT_GLOBAL: object = new Proxy(globalThis, {
  get: (t, k, r) => (typeof k === 'string' && HIDDEN_SET.has(k) ? undefined : Reflect.get(t, k, r)),
  has: (t, k) => (typeof k === 'string' && HIDDEN_SET.has(k) ? false : Reflect.has(t, k)),
  getOwnPropertyDescriptor: (t, k) => (typeof k === 'string' && HIDDEN_SET.has(k) ? undefined : Reflect.getOwnPropertyDescriptor(t, k)),
  ownKeys: (t) => Reflect.ownKeys(t).filter((k) => typeof k !== 'string' || !HIDDEN_SET.has(k)),
  set: (t, k, v) => (typeof k === 'string' && HIDDEN_SET.has(k) ? false : Reflect.set(t, k, v)),
});

interface Node { type: string; start: number; end: number; [k: string]: unknown }

/**
 * `typeof X` of a hidden name must be 'undefined' (feature checks such as
 * `typeof process !== 'undefined'` are common in bundled libraries), but a binding cannot be both
 * that and throw on use. So `typeof X` expressions naming a hidden global the file does not declare
 * itself are rewritten to `typeof (void 0)`. Found with a parser, never by text matching.
 */
export function rewriteHiddenTypeof(source: string): string {
  if (!/\btypeof\b/.test(source)) return source;
  // Every Sandbox compiles the same built files again; parse each text once per process.
  const cached = rewritten.get(source);
  if (cached !== undefined) return cached;
  const out = rewrite(source);
  rewritten.set(source, out);
  return out;
}

const rewritten = new Map<string, string>();

function rewrite(source: string): string {
  let ast: Node;
  try {
    ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true }) as unknown as Node;
  } catch {
    return source; // the Function compile reports the syntax error
  }
  const declared = new Set<string>();
  const edits: Array<{ start: number; end: number }> = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { n.forEach(visit); return; }
    const node = n as Node;
    if (typeof node.type !== 'string') return;
    if (node.type === 'UnaryExpression' && node.operator === 'typeof') {
      const arg = node.argument as Node;
      if (arg.type === 'Identifier' && HIDDEN_SET.has(arg.name as string)) edits.push({ start: arg.start, end: arg.end });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && typeof value === 'object') visit(value);
  };
  markDeclarations(ast, declared);
  visit(ast);
  const apply = edits.filter((e) => !declared.has(source.slice(e.start, e.end))).sort((a, b) => b.start - a.start);
  let out = source;
  for (const e of apply) out = `${out.slice(0, e.start)}(void 0)${out.slice(e.end)}`;
  return out;
}

/** Names the file binds itself anywhere (var/let/const/function/class/parameters): those shadow the host global. */
function markDeclarations(root: Node, declared: Set<string>): void {
  const addPattern = (p: unknown): void => {
    if (!p || typeof p !== 'object') return;
    const n = p as Node;
    if (n.type === 'Identifier') declared.add(n.name as string);
    else if (n.type === 'ObjectPattern') (n.properties as Node[]).forEach((pr) => addPattern(pr.type === 'RestElement' ? pr.argument : pr.value));
    else if (n.type === 'ArrayPattern') (n.elements as Node[]).forEach(addPattern);
    else if (n.type === 'RestElement') addPattern(n.argument);
    else if (n.type === 'AssignmentPattern') addPattern(n.left);
  };
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) { v.forEach(walk); return; }
    const n = v as Node;
    if (n.type === 'VariableDeclarator') addPattern(n.id);
    if ((n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ClassDeclaration') && n.id) addPattern(n.id);
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') (n.params as Node[]).forEach(addPattern);
    if (n.type === 'CatchClause' && n.param) addPattern(n.param);
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && typeof value === 'object') walk(value);
  };
  walk(root);
}
