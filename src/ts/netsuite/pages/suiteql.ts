/**
 * SuiteQL helpers for the pages and drift: every read is paged (runSuiteQLPaged, 10 units; pages
 * are free), so a page never stops at runSuiteQL's 5,000-row cap. Datetimes are selected with
 * TO_CHAR(..., 'YYYY-MM-DD HH24:MI:SS') in the running user's time zone; the connector's pages run
 * as Administrator, whose preference the sandbox and a UK account keep at UTC (see docs/operations.md).
 */
import * as query from 'N/query';

export type Row = Record<string, string | number | boolean | null>;

export function suiteQlRows(sql: string, params: Array<string | number | boolean> = []): Row[] {
  const paged = query.runSuiteQLPaged({ query: sql, params, pageSize: 1000 });
  const rows: Row[] = [];
  paged.pageRanges.forEach((range) => {
    paged
      .fetch({ index: range.index })
      .data.asMappedResults()
      .forEach((r) => rows.push(r as Row));
  });
  return rows;
}

/**
 * SuiteQL parameters are strings, numbers or booleans (NetSuite Help: SuiteQL.params): a moment is
 * bound as text and turned back into a date-time in the SQL with `TIMESTAMP_PARAM`.
 */
export const sqlTimestamp = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');
export const TIMESTAMP_PARAM = "TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS')";

/** The SQL fragment for a datetime column in the format `sqlDate` reads. */
export const isoColumn = (column: string): string => `TO_CHAR(${column}, 'YYYY-MM-DD HH24:MI:SS')`;

export function sqlDate(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const d = new Date(`${String(value).replace(' ', 'T')}Z`);
  return isNaN(d.getTime()) ? undefined : d;
}

export const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
export const optionalText = (value: unknown): string | undefined => (value === null || value === undefined || value === '' ? undefined : String(value));
