/**
 * What is checked and rewritten before SQLite sees a SuiteQL statement. Not a parser: the text is
 * split into string literals, quoted identifiers, comments and code, and only code is looked at,
 * word by word. SQLite parses and runs the statement; these checks refuse what SQLite would accept
 * but NetSuite's Oracle-based SuiteQL would not (or would mean differently), by name.
 */
import { SuiteScriptError } from '../../kernel/errors';
import { DATE_MARK, isoDate, isoDateTime } from './values';

export const SEARCH_ERROR = 'SSS_SEARCH_ERROR_OCCURRED';

export const searchError = (detail: string): SuiteScriptError =>
  new SuiteScriptError(SEARCH_ERROR, `Search error occurred: ${detail}`);

interface Segment { kind: 'code' | 'string' | 'quoted' | 'comment'; text: string }

export function segments(sql: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let code = '';
  const flush = () => {
    if (code) out.push({ kind: 'code', text: code });
    code = '';
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      if (j >= sql.length) throw searchError('Invalid or unsupported search (unterminated quote)');
      flush();
      out.push({ kind: c === "'" ? 'string' : 'quoted', text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      flush();
      out.push({ kind: 'comment', text: ' ' });
      i = j === -1 ? sql.length : j;
    } else if (c === '/' && sql[i + 1] === '*') {
      const j = sql.indexOf('*/', i + 2);
      if (j === -1) throw searchError('Invalid or unsupported search (unterminated comment)');
      flush();
      out.push({ kind: 'comment', text: ' ' });
      i = j + 2;
    } else {
      code += c;
      i++;
    }
  }
  flush();
  return out;
}

/** Words SQLite accepts that SuiteQL does not (or that mean something else there). */
const REFUSED_WORDS: Record<string, string> = {
  LIMIT: 'LIMIT is not SuiteQL; use FETCH FIRST n ROWS ONLY semantics through runSuiteQLPaged',
  OFFSET: 'OFFSET is not supported by the sandbox; page with runSuiteQLPaged',
  ROWNUM: 'ROWNUM is not supported by the sandbox; page with runSuiteQLPaged',
  ROWID: 'ROWID is not available in SuiteQL',
  GLOB: 'GLOB is not SuiteQL',
  PRAGMA: 'SuiteQL runs SELECT statements only',
  ATTACH: 'SuiteQL runs SELECT statements only',
  CONNECT: 'CONNECT BY hierarchical queries are not supported by the sandbox',
  MINUS: 'MINUS is not supported by the sandbox (SQLite says EXCEPT)',
};

export const userDateToIso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}${DATE_MARK}`;
/** A date literal in the user's format (M/D/YYYY): Oracle compares it with date columns as a date. */
const USER_DATE = /^'(\d{1,2})\/(\d{1,2})\/(\d{4})'$/;

/** SuiteQL table/column names SQLite would parse as keywords. */
const SQLITE_KEYWORD_NAMES = /(?<![\w$#"])transaction(?![\w$#"])/gi;

export interface Prepared { sql: string; placeholders: number }

/** Checks one SuiteQL statement and rewrites it for SQLite. `now` stands for SYSDATE / CURRENT_DATE. */
export function prepareSuiteQl(query: string, now: Date): Prepared {
  if (typeof query !== 'string' || !query.trim()) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: query');
  const parts = segments(query);
  const code = parts.filter((p) => p.kind === 'code').map((p) => p.text).join(' ');
  if (!/^\s*(SELECT|WITH)\b/i.test(code)) throw searchError('Invalid or unsupported search (SuiteQL runs SELECT statements only)');
  if (/;\s*\S/.test(code)) throw searchError('Invalid or unsupported search (one statement per query)');
  if (/`|\[|==/.test(code)) throw searchError('Invalid or unsupported search (SQLite-only syntax)');
  for (const w of code.toUpperCase().match(/[A-Z_][A-Z0-9_$#]*/g) ?? []) {
    if (REFUSED_WORDS[w]) throw searchError(`Invalid or unsupported search (${REFUSED_WORDS[w]})`);
  }
  const today = isoDate(now);
  const stamp = isoDateTime(now);
  let placeholders = 0;
  const sql = parts.map((p) => {
    if (p.kind === 'string') {
      const m = USER_DATE.exec(p.text);
      return m ? `'${userDateToIso(m[3], m[1], m[2])}'` : p.text;
    }
    if (p.kind !== 'code') return p.text;
    placeholders += (p.text.match(/\?/g) ?? []).length;
    let t = p.text.replace(/;\s*$/, '');
    // BUILTIN.DF(column) reads the display text kept beside every column.
    t = t.replace(/\bBUILTIN\s*\.\s*DF\s*\(\s*((?:[A-Za-z_][\w$#]*\s*\.\s*)?[A-Za-z_][\w$#]*)\s*\)/gi, (_m, col: string) => `COALESCE(${col.replace(/\s+/g, '')}__df, NULL)`);
    const other = /\bBUILTIN\s*\.\s*(\w+)/i.exec(t);
    if (other) throw searchError(`Invalid or unsupported search (BUILTIN.${other[1].toUpperCase()}${other[1].toUpperCase() === 'DF' ? ' of an expression' : ''} is not supported by the sandbox; BUILTIN.DF takes a column)`);
    // NetSuite names that are SQLite keywords are quoted so SQLite reads them as names.
    t = t.replace(SQLITE_KEYWORD_NAMES, (w) => `"${w.toLowerCase()}"`);
    // The sandbox clock, never the machine's.
    t = t.replace(/\b(SYSDATE|CURRENT_TIMESTAMP)\b/gi, `'${stamp}'`).replace(/\bCURRENT_DATE\b/gi, `'${today}'`);
    return t;
  }).join('');
  return { sql, placeholders };
}

/** Words in the statement's code that may name tables (to build only what a query reads). */
export function codeWords(query: string): Set<string> {
  const words = new Set<string>();
  for (const p of segments(query)) {
    if (p.kind === 'code') for (const w of p.text.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []) words.add(w);
    if (p.kind === 'quoted') words.add(p.text.slice(1, -1).toLowerCase());
  }
  return words;
}
