/**
 * Oracle functions SuiteQL scripts commonly use, as SQLite functions (NVL, NVL2, TO_CHAR, TO_DATE,
 * TO_NUMBER, DECODE), and SQLite-only functions refused by name so a query that would fail in
 * NetSuite fails here too.
 */
import type { Database as SqlDatabase } from 'sql.js';
import { DATE_MARK } from './values';

/** Marker in an SQLite error message that names a refused function. */
export const REFUSED_FUNCTION = 'SUITEQL_REFUSED_FUNCTION:';
export const BAD_ARGUMENT = 'SUITEQL_BAD_ARGUMENT:';

const SQLITE_ONLY = [
  'strftime', 'date', 'time', 'datetime', 'julianday', 'unixepoch', 'ifnull', 'iif', 'group_concat', 'printf', 'format',
  'typeof', 'random', 'randomblob', 'zeroblob', 'hex', 'unhex', 'quote', 'glob', 'likelihood', 'likely', 'unlikely',
  'total', 'char', 'unicode', 'sqlite_version', 'changes', 'total_changes', 'last_insert_rowid', 'json', 'json_extract',
  'json_object', 'json_array', 'json_group_array', 'json_group_object', 'string_agg', 'octet_length', 'sqlite_source_id',
];

type Val = string | number | null;

const TOKENS: Array<[string, string]> = [['YYYY', 'y'], ['HH24', 'H'], ['MM', 'm'], ['DD', 'd'], ['MI', 'i'], ['SS', 's']];

/** Splits an Oracle date format (YYYY-MM-DD HH24:MI:SS and the like) into tokens and literals. */
function tokens(fmt: string): Array<{ t: string } | { lit: string }> {
  const out: Array<{ t: string } | { lit: string }> = [];
  let i = 0;
  const up = fmt.toUpperCase();
  while (i < fmt.length) {
    const hit = TOKENS.find(([k]) => up.startsWith(k, i));
    if (hit) {
      out.push({ t: hit[1] });
      i += hit[0].length;
    } else if (/[A-Z]/.test(up[i])) {
      throw new Error(`${BAD_ARGUMENT}date format element ${fmt.slice(i)} is not supported by the sandbox (YYYY MM DD HH24 MI SS)`);
    } else {
      out.push({ lit: fmt[i] });
      i++;
    }
  }
  return out;
}

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

function toDate(s: Val, fmt: Val): Val {
  if (s === null) return null;
  const text = String(s);
  const f = fmt === null || fmt === undefined ? 'MM/DD/YYYY' : String(fmt);
  const parts: Record<string, number> = { y: 0, m: 1, d: 1, H: 0, i: 0, s: 0 };
  let pos = 0;
  for (const tk of tokens(f)) {
    if ('lit' in tk) {
      if (text[pos] !== tk.lit) throw new Error(`${BAD_ARGUMENT}${text} does not match the format ${f}`);
      pos++;
      continue;
    }
    const m = /^\d{1,4}/.exec(text.slice(pos));
    if (!m) throw new Error(`${BAD_ARGUMENT}${text} does not match the format ${f}`);
    parts[tk.t] = Number(m[0]);
    pos += m[0].length;
  }
  if (pos !== text.length) throw new Error(`${BAD_ARGUMENT}${text} does not match the format ${f}`);
  const iso = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
  // A format with a time part gives a date-time even at midnight, so it compares with date-time
  // columns (a date-only value sorts after every time of its day).
  const timed = tokens(f).some((tk) => 't' in tk && (tk.t === 'H' || tk.t === 'i' || tk.t === 's'));
  return (timed ? `${iso} ${pad(parts.H)}:${pad(parts.i)}:${pad(parts.s)}` : iso) + DATE_MARK;
}

function toChar(v: Val, fmt: Val): Val {
  if (v === null) return null;
  if (fmt === null || fmt === undefined) return String(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?\u2063$/.exec(String(v));
  if (!m) {
    if (typeof v === 'number') return String(v);
    throw new Error(`${BAD_ARGUMENT}TO_CHAR with a format takes a date or a number`);
  }
  const parts: Record<string, string> = { y: m[1], m: m[2], d: m[3], H: m[4] ?? '00', i: m[5] ?? '00', s: m[6] ?? '00' };
  return tokens(String(fmt)).map((tk) => ('lit' in tk ? tk.lit : parts[tk.t])).join('');
}

function toNumber(v: Val): Val {
  if (v === null || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${BAD_ARGUMENT}invalid number ${String(v)}`);
  return n;
}

/** DECODE(expr, search1, result1, ..., default). */
function decode(...args: Val[]): Val {
  const [expr, ...rest] = args;
  for (let i = 0; i + 1 < rest.length; i += 2) if (rest[i] === expr) return rest[i + 1];
  return rest.length % 2 === 1 ? rest[rest.length - 1] : null;
}

/** sql.js registers a function for `fn.length` arguments; SQLite takes -1 as "any number". */
function withArity<F extends (...a: Val[]) => Val>(fn: F, arity: number): F {
  const f = ((...a: Val[]) => fn(...a)) as F;
  Object.defineProperty(f, 'length', { value: arity });
  return f;
}

export function installFunctions(sql: SqlDatabase): void {
  for (const name of SQLITE_ONLY) {
    const refuse = (): Val => {
      throw new Error(`${REFUSED_FUNCTION}${name.toUpperCase()}`);
    };
    // Registered for every arity so none of SQLite's own variants is picked instead.
    for (const arity of [-1, 0, 1, 2, 3, 4]) sql.create_function(name, withArity(refuse, arity));
  }
  sql.create_function('NVL', withArity((a, b) => (a === null || a === '' ? b : a), 2));
  sql.create_function('NVL2', withArity((a, b, c) => (a === null || a === '' ? c : b), 3));
  sql.create_function('TO_DATE', withArity((s, f) => toDate(s, f ?? null), -1));
  sql.create_function('TO_CHAR', withArity((v, f) => toChar(v, f ?? null), -1));
  sql.create_function('TO_NUMBER', withArity((v) => toNumber(v), 1));
  sql.create_function('DECODE', withArity(decode, -1));
}
