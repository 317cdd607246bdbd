/**
 * The SQLite copy of the account that SuiteQL reads. Tables are built on first use by a query and
 * rebuilt only when committed records changed since (the store's write count); stock tables are
 * read afresh for every query. Column names are NetSuite's; every column has a `<name>__df`
 * companion holding its BUILTIN.DF display text.
 */
import type { Database as SqlDatabase } from 'sql.js';
import type { Database } from '../../data/database';
import type { RecordTypeDef } from '../../data/schema';
import { openSqlDatabase } from './engine';
import { BAD_ARGUMENT, installFunctions, REFUSED_FUNCTION } from './functions';
import { codeWords, prepareSuiteQl, searchError, userDateToIso } from './preprocess';
import { catalog, type SqlCell } from './tables';
import type { TableDef } from './table-def';
import { SuiteScriptError } from '../../kernel/errors';

export interface SqlResult { columns: string[]; rows: SqlCell[][] }

const quote = (name: string) => `"${name}"`;

/**
 * Counts writes to the record store (put/remove) per record family, so a query rebuilds only
 * tables whose rows or display texts could have changed (custom-record writes, e.g. a ledger,
 * leave the transaction tables alone unless a standard field points at a custom record).
 */
function watchWrites(db: Database): (family: string) => number {
  const writes = new Map<string, number>();
  const bump = (def: RecordTypeDef) => writes.set(def.family, (writes.get(def.family) ?? 0) + 1);
  const store = db.store as unknown as Record<'put' | 'remove', (def: RecordTypeDef, ...rest: unknown[]) => unknown>;
  for (const m of ['put', 'remove'] as const) {
    const original = store[m].bind(db.store);
    store[m] = (def: RecordTypeDef, ...rest: unknown[]) => {
      bump(def);
      return original(def, ...rest);
    };
  }
  return (family) => writes.get(family) ?? 0;
}

const FAMILIES = ['item', 'transaction', 'entity', 'location', 'account', 'subsidiary', 'customrecord', 'customlist'];

export class SuiteQlDatabase {
  private sql: SqlDatabase | null = null;
  private tables: Map<string, TableDef> | null = null;
  private readonly builtAt = new Map<string, number>();
  private readonly writes: (family: string) => number;
  /** Families whose writes can change a standard table (custom records only when a standard field points at one). */
  private readonly standardDeps: string[];

  constructor(private readonly db: Database) {
    this.writes = watchWrites(db);
    const refsCustom = db.registry.all().some((d) => d.family !== 'customrecord' && [...d.fields.values(), ...[...d.sublists.values()].flatMap((sl) => [...sl.fields.values()])].some((f) => f.ref?.startsWith('customrecord')));
    this.standardDeps = FAMILIES.filter((f) => refsCustom || f !== 'customrecord');
  }

  /** The write count a table's content depends on. */
  private revision(t: TableDef): number {
    const deps = t.name.startsWith('customrecord') || t.name.startsWith('customlist') ? FAMILIES : this.standardDeps;
    return deps.reduce((n, f) => n + this.writes(f), 0);
  }

  private open(): { sql: SqlDatabase; tables: Map<string, TableDef> } {
    if (!this.sql) {
      this.sql = openSqlDatabase();
      installFunctions(this.sql);
      // Oracle's LIKE is case-sensitive; SQLite's is not unless told.
      this.sql.run('PRAGMA case_sensitive_like = ON');
    }
    if (!this.tables) this.tables = catalog(this.db);
    return { sql: this.sql, tables: this.tables };
  }

  private build(sql: SqlDatabase, t: TableDef): void {
    const own = new Set(t.dfColumns);
    const rows = t.rows();
    // Numeric columns are REAL so that column arithmetic divides as Oracle does (5 / 2 = 2.5, not 2).
    const numeric = t.columns.map((_, i) => rows.some((r) => typeof r[i] === 'number'));
    const cols = [...t.columns.map(quote), ...t.dfColumns.map((c) => quote(`${c}__df`))];
    const decl = [...t.columns.map((c, i) => `${quote(c)}${numeric[i] ? ' REAL' : ''}`), ...t.dfColumns.map((c) => `${quote(`${c}__df`)} TEXT`)];
    // Columns without a display text show their value: a generated column, nothing stored.
    const generated = t.columns.filter((c) => !own.has(c)).map((c) => `${quote(`${c}__df`)} GENERATED ALWAYS AS (CAST(${quote(c)} AS TEXT)) VIRTUAL`);
    sql.run(`DROP TABLE IF EXISTS ${quote(t.name)}`);
    sql.run(`CREATE TABLE ${quote(t.name)} (${[...decl, ...generated].join(', ')})`);
    const stmt = sql.prepare(`INSERT INTO ${quote(t.name)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    sql.run('BEGIN');
    try {
      for (const row of rows) stmt.run(row);
      sql.run('COMMIT');
    } finally {
      stmt.free();
    }
  }

  /** Runs one SuiteQL statement; errors are SSS_SEARCH_ERROR_OCCURRED as NetSuite reports them. */
  run(query: string, params: unknown[], now: Date): SqlResult {
    const prepared = prepareSuiteQl(query, now);
    if (prepared.placeholders !== params.length) {
      throw searchError(`Invalid or unsupported search (the query has ${prepared.placeholders} parameter(s) and ${params.length} value(s) were given)`);
    }
    const { sql, tables } = this.open();
    for (const w of codeWords(query)) {
      const t = tables.get(w);
      if (!t) continue;
      const rev = this.revision(t);
      if (t.source === 'stock' || this.builtAt.get(t.name) !== rev) {
        this.build(sql, t);
        this.builtAt.set(t.name, rev);
      }
    }
    let stmt;
    try {
      stmt = sql.prepare(prepared.sql);
    } catch (e) {
      throw translate(e);
    }
    try {
      stmt.bind(params.map(bindValue));
      const names = stmt.getColumnNames();
      const rows: SqlCell[][] = [];
      while (stmt.step()) rows.push(stmt.get() as SqlCell[]);
      return shape(names, rows);
    } catch (e) {
      throw translate(e);
    } finally {
      stmt.free();
    }
  }
}

const USER_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Parameters (strings, numbers, booleans; N/query refuses anything else): booleans as 'T'/'F' (NetSuite's example binds `true` to a checkbox), user-format dates as the stored ISO text. */
function bindValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (typeof v === 'number') return v;
  const s = String(v);
  const m = USER_DATE.exec(s);
  return m ? userDateToIso(m[3], m[1], m[2]) : s;
}

/** Drops the display-text companions `SELECT *` brings along; unnamed expressions become expr1, expr2, ... as in NetSuite. */
function shape(names: string[], rows: SqlCell[][]): SqlResult {
  const keep: number[] = [];
  const columns: string[] = [];
  let expr = 0;
  names.forEach((n, i) => {
    if (/__df$/i.test(n)) return;
    keep.push(i);
    columns.push(/^[a-z_][\w$#]*$/i.test(n) ? n.toLowerCase() : `expr${++expr}`);
  });
  if (keep.length === names.length) return { columns, rows };
  return { columns, rows: rows.map((r) => keep.map((i) => r[i])) };
}

function translate(e: unknown): SuiteScriptError {
  if (e instanceof SuiteScriptError) return e;
  const msg = String((e as Error)?.message ?? e);
  let m = /no such table: (?:\w+\.)?(\S+)/.exec(msg);
  if (m) return searchError(`Record '${m[1]}' was not found.`);
  m = /no such column: (\S+)/.exec(msg);
  if (m) {
    const col = m[1].replace(/__df$/i, '');
    return searchError(`Field '${col}' was not found. Reason: NOT_EXPOSED - Not available for searching`);
  }
  m = /no such function: (\S+)/.exec(msg);
  if (m) return searchError(`Invalid or unsupported search (function ${m[1]} does not exist)`);
  if (msg.includes(REFUSED_FUNCTION)) return searchError(`Invalid or unsupported search (${msg.split(REFUSED_FUNCTION)[1]} is not a SuiteQL function)`);
  if (msg.includes(BAD_ARGUMENT)) return searchError(`Invalid or unsupported search (${msg.split(BAD_ARGUMENT)[1]})`);
  return searchError(`Invalid or unsupported search (${msg})`);
}
