import { SuiteScriptError } from '../../kernel/errors';
import { asString } from './serialize';

export interface Pair { key: string; value: string }

interface Column { name: string; join?: string; summary?: string; label?: string }
interface SearchResult { id: string | number; recordType?: string; columns?: Column[]; getValue(c: Column | string): unknown; getText(c: Column | string): unknown }
interface PagedData { pageRanges?: Array<{ index: number }>; fetch(o: { index: number }): { data: SearchResult[] } }
interface SearchLike { searchType?: string; runPaged(o: { pageSize: number }): PagedData }
interface SearchModuleLike { load(o: { id: string }): SearchLike }
interface QueryModuleLike { runSystem(query: string, params: unknown[]): { types: string[]; results: Array<{ values: unknown[] }> } }

const isSearch = (v: unknown): v is SearchLike => !!v && typeof (v as SearchLike).runPaged === 'function';

/** The column's key in a serialised result: `name`, `name.join`, or `SUMMARY(name)` (NetSuite's JSON form). */
function columnKey(c: Column): string {
  const base = c.join ? `${c.name}.${c.join}` : c.name;
  return c.summary ? `${String(c.summary).toUpperCase()}(${base})` : base;
}

/** A search result as map receives it: `{"recordType":..,"id":..,"values":{..}}`, selects as {value,text}, checkboxes T/F. */
export function serializeResult(r: SearchResult): string {
  const values: Record<string, unknown> = {};
  for (const c of r.columns ?? []) {
    const value = r.getValue(c);
    const text = r.getText(c);
    const v = typeof value === 'boolean' ? (value ? 'T' : 'F') : value ?? '';
    values[columnKey(c)] = text !== null && text !== undefined && text !== '' && String(text) !== String(v) ? { value: String(v), text: String(text) } : v;
  }
  return JSON.stringify({ recordType: r.recordType ?? null, id: String(r.id), values });
}

function searchPairs(s: SearchLike): Pair[] {
  const paged = s.runPaged({ pageSize: 1000 });
  const out: Pair[] = [];
  for (const range of paged.pageRanges ?? []) {
    for (const r of paged.fetch({ index: range.index }).data) out.push({ key: String(r.id), value: serializeResult(r) });
  }
  return out;
}

/**
 * A SuiteQL reference: each row reaches map as `{"types":[...],"values":[...]}` JSON (NetSuite Help,
 * getInputData: "in map phase, call JSON.parse(context.value).values"), keyed by row number.
 */
function suiteQlPairs(ref: { query?: unknown; params?: unknown }, queryModule: () => QueryModuleLike): Pair[] {
  if (typeof ref.query !== 'string' || !ref.query.trim()) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'A suiteql input reference needs a query string');
  if (ref.params !== undefined && !Array.isArray(ref.params)) throw new SuiteScriptError('WRONG_PARAMETER_TYPE', 'The params of a suiteql input reference must be an array');
  const rs = queryModule().runSystem(ref.query, (ref.params as unknown[] | undefined) ?? []);
  return rs.results.map((r, i) => ({ key: String(i), value: JSON.stringify({ types: rs.types, values: r.values }) }));
}

const REF_KEYS: Record<string, string[]> = { search: ['type', 'id'], suiteql: ['type', 'query', 'params'] };

/**
 * Turns what getInputData returned into key/value pairs (the system runs any search or query,
 * unmetered). An object with a `type` key is an object reference as NetSuite reads it: search and
 * suiteql run; file, query (saved workbook queries) and anything else are refused by name rather
 * than mapped key by key.
 */
export function toPairs(input: unknown, searchModule: () => SearchModuleLike, queryModule: () => QueryModuleLike = () => {
  throw new SuiteScriptError('SSS_UNSUPPORTED_INPUT', 'The sandbox has no N/query to run a suiteql input reference');
}): Pair[] {
  if (input === undefined || input === null) return [];
  if (Array.isArray(input)) return input.map((v, i) => ({ key: String(i), value: asString(v) }));
  if (isSearch(input)) return searchPairs(input);
  if (typeof input === 'object') {
    const ref = input as { type?: unknown; id?: unknown; query?: unknown; params?: unknown };
    if ('type' in ref) {
      const type = String(ref.type).toLowerCase();
      const allowed = REF_KEYS[type];
      if (!allowed) throw new SuiteScriptError('SSS_UNSUPPORTED_INPUT', `The sandbox does not read ${String(ref.type)} input references (it reads search and suiteql references)`);
      const extra = Object.keys(ref).filter((k) => !allowed.includes(k));
      if (extra.length) throw new SuiteScriptError('SSS_UNSUPPORTED_INPUT', `A ${type} input reference has no ${extra.join(', ')} (it takes ${allowed.join(', ')})`);
      if (type === 'suiteql') return suiteQlPairs(ref, queryModule);
      if (ref.id === undefined || ref.id === null || ref.id === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'A search input reference needs the saved search id');
      return searchPairs(searchModule().load({ id: String(ref.id) }));
    }
    return Object.entries(input as Record<string, unknown>).map(([key, v]) => ({ key, value: asString(v) }));
  }
  throw new SuiteScriptError('INVALID_INPUT_DATA', `getInputData returned a ${typeof input}; expected an array, object, search or search reference`);
}
