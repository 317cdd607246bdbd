/**
 * N/query: SuiteQL (runSuiteQL, runSuiteQLPaged, SuiteQL objects from createSuiteQL-less object
 * references) over the sandbox's records on SQLite. The Query object API (query.create / load /
 * Query.toSuiteQL) is refused by name rather than half-modelled.
 *
 * Governance (NetSuite Help, N/query): runSuiteQL 10, runSuiteQLPaged 10, PagedData.fetch none.
 * runSuiteQL returns at most 5,000 rows; paged queries at most 100,000 rows (1,000 pages).
 */
import type { Database } from '../../data/database';
import { SuiteScriptError } from '../../kernel/errors';
import type { Kernel } from '../../kernel/kernel';
import { SuiteQlDatabase, type SqlResult } from './suiteql-db';
import { outputValue } from './values';

const SUITEQL_UNITS = 10;
const RUN_LIMIT = 5000;
const PAGED_LIMIT = 100000;

type Out = string | number | null;

export interface QueryResult { values: Out[]; asMap(): Record<string, Out> }
export interface QueryResultSet {
  types: string[];
  columns: Array<{ label: string; fieldId: string; type: string }>;
  results: QueryResult[];
  asMappedResults(): Array<Record<string, Out>>;
  iterator(): { each(cb: (r: { value: QueryResult }) => boolean): void };
}

/** query.ReturnType of a result column, from its values (SQLite keeps no declared type for expressions). */
function typeOf(rows: Out[][], i: number): string {
  for (const r of rows) {
    const v = r[i];
    if (v === null) continue;
    if (typeof v === 'number') return rows.every((x) => x[i] === null || Number.isInteger(x[i])) ? 'INTEGER' : 'FLOAT';
    return 'STRING';
  }
  return 'UNKNOWN';
}

export function resultSet(columns: string[], rows: Out[][]): QueryResultSet {
  const types = columns.map((_, i) => typeOf(rows, i));
  const asMap = (values: Out[]) => Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  const results = rows.map((values) => ({ values, asMap: () => asMap(values) }));
  return {
    types,
    columns: columns.map((c, i) => ({ label: c, fieldId: c, type: types[i] })),
    results,
    asMappedResults: () => rows.map(asMap),
    iterator: () => ({
      each(cb) {
        for (const value of results) if (cb({ value }) === false) return;
      },
    }),
  };
}

interface SuiteQlOptions { query?: string; params?: unknown[]; pageSize?: number | string; customScriptId?: string }

function options(o: unknown): { query: string; params: unknown[] } {
  if (typeof o === 'string') return { query: o, params: [] };
  const opts = o as SuiteQlOptions | undefined;
  if (!opts || opts.query === undefined) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: query');
  if (opts.params !== undefined && !Array.isArray(opts.params)) throw new SuiteScriptError('WRONG_PARAMETER_TYPE', 'params must be an array');
  // NetSuite Help: SuiteQL.params / SuiteQLTask.params — Array<string | boolean | number>. A Date (or
  // any object) has no documented binding, so it is refused rather than silently bound as something.
  (opts.params ?? []).forEach((v: unknown, i: number) => {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new SuiteScriptError('WRONG_PARAMETER_TYPE', `SuiteQL parameter ${i + 1} is ${v instanceof Date ? 'a Date' : v === null ? 'null' : typeof v}: params are strings, numbers or booleans (format dates and bind them with TO_DATE)`);
    }
  });
  return { query: String(opts.query), params: opts.params ?? [] };
}

const promised = <A extends unknown[], R>(fn: (...a: A) => R) =>
  Object.assign(fn, { promise: (...a: A): Promise<R> => new Promise<R>((res, rej) => { try { res(fn(...a)); } catch (e) { rej(e); } }) });

const refused = (what: string) => () => {
  throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', `The sandbox does not model ${what}; use query.runSuiteQL / runSuiteQLPaged`);
};

export function createQueryModule(kernel: Kernel, db: Database) {
  const sqlDb = new SuiteQlDatabase(db);
  const charge = (what: string) => kernel.current().governor.charge(SUITEQL_UNITS, what);
  const execute = (query: string, params: unknown[]): SqlResult => sqlDb.run(query, params, kernel.clock.now());
  const out = (rows: SqlResult['rows']): Out[][] => rows.map((r) => r.map(outputValue));

  const runSuiteQL = (o: unknown): QueryResultSet => {
    const { query, params } = options(o);
    charge('query.runSuiteQL');
    const r = execute(query, params);
    return resultSet(r.columns, out(r.rows.slice(0, RUN_LIMIT)));
  };

  interface QueryPage { data: QueryResultSet; pagedData: QueryPagedData; pageRange: { index: number; size: number }; isFirst: boolean; isLast: boolean }
  interface QueryPagedData {
    count: number;
    pageSize: number;
    pageRanges: Array<{ index: number; size: number }>;
    fetch: ((f: { index: number } | number) => QueryPage) & { promise(f: { index: number } | number): Promise<QueryPage> };
    iterator(): { each(cb: (p: { value: QueryPage }) => boolean): void };
  }

  const runSuiteQLPaged = (o: unknown): QueryPagedData => {
    const { query, params } = options(o);
    const raw = (o as SuiteQlOptions).pageSize;
    const pageSize = raw === undefined ? 50 : Number(raw);
    if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) {
      throw new SuiteScriptError('INVALID_PAGE_RANGE', `Invalid page size ${String(raw)}: it must be between 5 and 1000.`);
    }
    charge('query.runSuiteQLPaged');
    const r = execute(query, params);
    const rows = out(r.rows.slice(0, PAGED_LIMIT));
    const pageCount = Math.min(1000, Math.ceil(rows.length / pageSize));
    const pageRanges = Array.from({ length: pageCount }, (_, index) => ({ index, size: Math.min(pageSize, rows.length - index * pageSize) }));
    const pagedData: QueryPagedData = {
      count: rows.length,
      pageSize,
      pageRanges,
      fetch: promised((f: { index: number } | number): QueryPage => {
        const index = typeof f === 'number' ? f : f?.index;
        if (typeof index !== 'number' || Number.isNaN(index)) throw new SuiteScriptError('INVALID_PAGE_INDEX', `Invalid page index ${String(index)}`);
        if (!Number.isInteger(index) || index < 0 || index >= pageCount) throw new SuiteScriptError('INVALID_PAGE_RANGE', `Invalid page index ${index}: there are ${pageCount} pages.`);
        const data = resultSet(r.columns, rows.slice(index * pageSize, (index + 1) * pageSize));
        return { data, pagedData, pageRange: pageRanges[index], isFirst: index === 0, isLast: index === pageCount - 1 };
      }),
      iterator: () => ({
        each(cb: (p: { value: QueryPage }) => boolean) {
          for (const range of pageRanges) if (cb({ value: pagedData.fetch({ index: range.index }) }) === false) return;
        },
      }),
    };
    return pagedData;
  };

  return {
    runSuiteQL: promised(runSuiteQL),
    runSuiteQLPaged: promised(runSuiteQLPaged),
    create: refused('the query.Query object API (query.create)'),
    load: refused('saved workbook queries (query.load)'),
    delete: refused('saved workbook queries (query.delete)'),
    listTables: refused('query.listTables'),
    ReturnType: Object.fromEntries(['BOOLEAN', 'CURRENCY', 'DATE', 'DATETIME', 'DURATION', 'FLOAT', 'INTEGER', 'KEY', 'RELATIONSHIP', 'STRING', 'UNKNOWN'].map((k) => [k, k])),
    /** The SQLite side, for the sandbox's own map/reduce input (unmetered, run by the system). */
    runSystem(query: string, params: unknown[]): QueryResultSet {
      const r = execute(query, params);
      return resultSet(r.columns, out(r.rows));
    },
  };
}

export type QueryModule = ReturnType<typeof createQueryModule>;
