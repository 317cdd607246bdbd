/**
 * SuiteQL helpers for batch lookups: `IN (?, ?, ...)` lists run in chunks (one query, 10 units,
 * per chunk), so a batch of N keys costs ceil(N / IN_CHUNK) queries, never one per key.
 */
import * as query from 'N/query';

export const IN_CHUNK = 500;

/** Rows (value arrays) of `sql` for every chunk of `keys`; `sql` holds `{in}` where the placeholders go. */
export function rowsForKeys(sql: string, keys: readonly string[], params: Array<string | number | boolean> = []): unknown[][] {
  const rows: unknown[][] = [];
  const unique = Array.from(new Set(keys));
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    const chunk = unique.slice(i, i + IN_CHUNK);
    const text = sql.replace('{in}', chunk.map(() => '?').join(', '));
    const result = query.runSuiteQL({ query: text, params: [...params, ...chunk] });
    for (const r of result.results) rows.push(r.values as unknown[]);
  }
  return rows;
}

export const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const amount = (v: unknown): number => Math.abs(Number(v) || 0);
export const flag = (v: unknown): boolean => v === true || v === 'T';
