import { SuiteScriptError } from '../../kernel/errors';
import { asString } from './serialize';

export interface Pair { key: string; value: string }

interface Column { name: string; join?: string; summary?: string; label?: string }
interface SearchResult { id: string | number; recordType?: string; columns?: Column[]; getValue(c: Column | string): unknown; getText(c: Column | string): unknown }
interface PagedData { pageRanges?: Array<{ index: number }>; fetch(o: { index: number }): { data: SearchResult[] } }
interface SearchLike { searchType?: string; runPaged(o: { pageSize: number }): PagedData }
interface SearchModuleLike { load(o: { id: string }): SearchLike }

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

/** Turns what getInputData returned into key/value pairs (the system runs any search, unmetered). */
export function toPairs(input: unknown, searchModule: () => SearchModuleLike): Pair[] {
  if (input === undefined || input === null) return [];
  if (Array.isArray(input)) return input.map((v, i) => ({ key: String(i), value: asString(v) }));
  if (isSearch(input)) return searchPairs(input);
  if (typeof input === 'object') {
    const ref = input as { type?: unknown; id?: unknown };
    if (ref.type === 'search' && ref.id !== undefined && Object.keys(ref).length <= 2) return searchPairs(searchModule().load({ id: String(ref.id) }));
    if (ref.type === 'file' || ref.type === 'query') throw new SuiteScriptError('SSS_UNSUPPORTED_INPUT', `The sandbox does not read ${String(ref.type)} input references`);
    return Object.entries(input as Record<string, unknown>).map(([key, v]) => ({ key, value: asString(v) }));
  }
  throw new SuiteScriptError('INVALID_INPUT_DATA', `getInputData returned a ${typeof input}; expected an array, object, search or search reference`);
}
