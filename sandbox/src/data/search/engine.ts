/**
 * Runs a search definition against the store: candidate records (narrowed by internalid/externalid
 * when the filters allow), rows, filters, summaries and sorting. Produces plain result rows that the
 * N/search module wraps in Result objects.
 */
import type { Database } from '../database';
import { E, fail } from '../errors';
import type { RecordTypeDef } from '../schema';
import type { StoredRecord } from '../store';
import { formatDate, formatDateTime, isEmpty } from '../values';
import { childJoinExpander } from './child-joins';
import { checkFilters, evaluate, type FilterNode } from './filters';
import { inventoryRows, usesItemLocations } from './inventory-rows';
import { joinKnows, knowsField, resolve, resolveJoined, rowsOf, typesOf, type Resolved, type Row } from './rows';

export interface ColumnSpec { name: string; join?: string; summary?: string; sort?: string; label?: string; formula?: string }

export interface Cell { value: unknown; text: string | null; kind: Resolved['kind'] | 'none'; jsonValue: unknown }
export interface ResultRow { id: string | null; recordType: string | null; cells: Cell[] }

const SUMMARIES = new Set(['group', 'count', 'sum', 'min', 'max', 'avg']);

export function normaliseColumn(c: unknown): ColumnSpec {
  if (typeof c === 'string') {
    const [a, b] = c.toLowerCase().split('.', 2);
    return b ? { name: b, join: a } : { name: a! };
  }
  const o = c as ColumnSpec;
  if (!o || typeof o.name !== 'string') return fail(E.SRCH_COL, `Invalid search column: ${JSON.stringify(c)}`);
  let name = o.name.toLowerCase();
  let join = o.join ? o.join.toLowerCase() : undefined;
  if (!join && name.includes('.')) [join, name] = name.split('.', 2) as [string, string];
  return { name, join, summary: o.summary ? String(o.summary).toLowerCase() : undefined, sort: o.sort ? String(o.sort).toUpperCase() : undefined, label: o.label, formula: o.formula };
}

export function checkColumns(db: Database, defs: RecordTypeDef[], cols: ColumnSpec[]): void {
  for (const c of cols) {
    if (c.formula || c.name.startsWith('formula')) fail(E.SRCH_COL, `Formula columns are not supported by the sandbox (${c.name}).`);
    if (c.summary && !SUMMARIES.has(c.summary)) fail(E.SRCH_SUMMARY, `Invalid summary type: ${c.summary}`);
    if (c.join) {
      const k = joinKnows(db, defs, c.join, c.name);
      if (k === 'badjoin') fail(E.SRCH_COL_JOIN, `An nlobjSearchColumn contains an invalid column join ID: ${c.join}`);
      if (!k) fail(E.SRCH_COL, `An nlobjSearchColumn contains an invalid column: ${c.join}.${c.name}`);
    } else if (!defs.some((d) => knowsField(d, c.name))) {
      fail(E.SRCH_COL, `An nlobjSearchColumn contains an invalid column: ${c.name}`);
    }
  }
  if (cols.some((c) => c.summary) && cols.some((c) => !c.summary)) {
    fail(E.SRCH_SUMMARY, 'When any column is summarised, every column needs a summary type (group, count, sum, min, max, avg).');
  }
}

function cell(db: Database, r: Resolved | undefined): Cell {
  if (!r) return { value: '', text: null, kind: 'none', jsonValue: '' };
  const v = r.value;
  switch (r.kind) {
    case 'mainline':
      return { value: v ? '*' : ' ', text: null, kind: r.kind, jsonValue: v ? '*' : ' ' };
    case 'checkbox':
      return { value: v === true, text: null, kind: r.kind, jsonValue: v === true };
    case 'select':
    case 'multiselect': {
      const ids = Array.isArray(v) ? v.map(String) : isEmpty(v) ? [] : [String(v)];
      const texts = ids.map((id) => r.options ? r.options.find((o) => o.value === id)?.text ?? id : r.idSelf ? id : r.ref ? db.refs.name(r.ref, Number(id)) : id);
      return { value: ids.join(','), text: texts.join(','), kind: r.kind, jsonValue: ids.map((id, i) => ({ value: id, text: texts[i] })) };
    }
    case 'date':
      return { value: isEmpty(v) ? '' : formatDate(v as Date), text: null, kind: r.kind, jsonValue: isEmpty(v) ? '' : formatDate(v as Date) };
    case 'datetime':
      return { value: isEmpty(v) ? '' : formatDateTime(v as Date), text: null, kind: r.kind, jsonValue: isEmpty(v) ? '' : formatDateTime(v as Date) };
    default: {
      const s = isEmpty(v) ? '' : String(v);
      return { value: s, text: null, kind: r.kind, jsonValue: s };
    }
  }
}

/** Candidate records: all of the types, unless a top-level internalid/externalid filter names them. */
function candidates(db: Database, defs: RecordTypeDef[], node: FilterNode): Iterable<[RecordTypeDef, StoredRecord]> {
  const terms = node.kind === 'term' ? [node] : node.kind === 'and' ? node.nodes.filter((n) => n.kind === 'term') : [];
  for (const t of terms) {
    if (t.kind !== 'term' || t.filter.join) continue;
    const f = t.filter;
    const vals = f.values.flatMap((x) => (Array.isArray(x) ? x : [x])).map(String);
    if (f.name === 'internalid' && (f.operator === 'anyof' || f.operator === 'is')) {
      const ids = vals.filter((v) => /^\d+$/.test(v)).map(Number);
      return collect(defs, (def) => ids.map((id) => db.store.get(def.id, id)));
    }
    if (f.name === 'externalid' && (f.operator === 'anyof' || f.operator === 'is')) {
      return collect(defs, (def) => vals.map((v) => { const id = db.store.idForExternalId(def.externalIdScope, v); return id === undefined ? undefined : db.store.get(def.id, id); }));
    }
  }
  return collect(defs, (def) => db.store.ofType(def.id));
}

function* collect(defs: RecordTypeDef[], pick: (def: RecordTypeDef) => Iterable<StoredRecord | undefined>): Generator<[RecordTypeDef, StoredRecord]> {
  const seen = new Set<string>();
  for (const def of defs) {
    for (const rec of pick(def)) {
      if (!rec || seen.has(`${rec.type}:${rec.id}`)) continue;
      seen.add(`${rec.type}:${rec.id}`);
      yield [def, rec];
    }
  }
}

export interface SearchDefinition { type: string; filters: FilterNode; columns: ColumnSpec[] }

export function validateSearch(db: Database, s: SearchDefinition): RecordTypeDef[] {
  const defs = typesOf(db, s.type);
  checkFilters(db, defs, s.filters);
  checkColumns(db, defs, s.columns);
  return defs;
}

const valueOf = (db: Database, row: Row, c: ColumnSpec) => (c.join ? resolveJoined(db, row, c.join, c.name) : resolve(db, row, c.name));

const filterJoins = (node: FilterNode): string[] =>
  node.kind === 'term' ? (node.filter.join ? [node.filter.join] : []) : node.kind === 'not' ? filterJoins(node.node) : node.nodes.flatMap(filterJoins);

const filterNames = (node: FilterNode): string[] =>
  node.kind === 'term' ? (node.filter.join ? [] : [node.filter.name]) : node.kind === 'not' ? filterNames(node.node) : node.nodes.flatMap(filterNames);

/** Join ids a search uses in filters or columns (child joins among them multiply rows). */
const joinsUsed = (s: SearchDefinition): string[] =>
  [...new Set([...filterJoins(s.filters), ...s.columns.flatMap((c) => (c.join ? [c.join] : []))])];

export function execute(db: Database, s: SearchDefinition): ResultRow[] {
  const defs = validateSearch(db, s);
  const rows: Row[] = [];
  const recs = [...candidates(db, defs, s.filters)].sort((a, b) => a[1].id - b[1].id);
  const expand = childJoinExpander(db, joinsUsed(s));
  const stock = inventoryRows(db, usesItemLocations([...filterNames(s.filters), ...s.columns.map((c) => c.name)], joinsUsed(s)));
  for (const [def, rec] of recs) for (const row of expand(stock(rowsOf(def, rec)))) if (evaluate(db, row, s.filters)) rows.push(row);
  const summarised = s.columns.some((c) => c.summary);
  const out = summarised ? summarise(db, rows, s.columns) : rows.map((row) => ({
    id: String(row.rec.id), recordType: row.rec.type, cells: s.columns.map((c) => cell(db, valueOf(db, row, c))),
    sortKeys: s.columns.map((c) => sortKey(db, valueOf(db, row, c))),
  }));
  const sorts = s.columns.map((c, i) => ({ i, dir: c.sort === 'DESC' ? -1 : c.sort === 'ASC' ? 1 : 0 })).filter((x) => x.dir !== 0);
  if (sorts.length) {
    out.sort((a, b) => {
      for (const { i, dir } of sorts) {
        const d = compare(a.sortKeys[i], b.sortKeys[i]);
        if (d !== 0) return d * dir;
      }
      return 0;
    });
  }
  return out.map(({ id, recordType, cells }) => ({ id, recordType, cells }));
}

type SortKey = number | string;
const sortKey = (db: Database, r: Resolved | undefined): SortKey => {
  if (!r || isEmpty(r.value)) return '';
  // select columns sort by their text, as in the NetSuite UI
  if (r.kind === 'select' || r.kind === 'multiselect') return (cell(db, r).text ?? '').toLowerCase();
  if (r.value instanceof Date) return r.value.getTime();
  if (typeof r.value === 'number') return r.value;
  if (typeof r.value === 'boolean') return r.value ? 1 : 0;
  return String(r.value).toLowerCase();
};
const compare = (a: SortKey | undefined, b: SortKey | undefined): number => {
  if (a === b) return 0;
  if (a === '' || a === undefined) return -1;
  if (b === '' || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
};

function summarise(db: Database, rows: Row[], cols: ColumnSpec[]): Array<ResultRow & { sortKeys: SortKey[] }> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = JSON.stringify(cols.map((c) => (c.summary === 'group' ? cell(db, valueOf(db, row, c)).value : null)));
    const g = groups.get(key);
    if (g) g.push(row); else groups.set(key, [row]);
  }
  if (groups.size === 0 && !cols.some((c) => c.summary === 'group')) groups.set('[]', []);
  const out: Array<ResultRow & { sortKeys: SortKey[] }> = [];
  for (const g of groups.values()) {
    const cells: Cell[] = [];
    const keys: SortKey[] = [];
    for (const c of cols) {
      const vals = g.map((row) => valueOf(db, row, c));
      if (c.summary === 'group') {
        cells.push(cell(db, vals[0]));
        keys.push(sortKey(db, vals[0]));
        continue;
      }
      const present = vals.filter((v) => v && !isEmpty(v.value)) as Resolved[];
      if (c.summary === 'count') {
        const n = c.name === 'internalid' ? new Set(present.map((v) => String(v.value))).size : present.length;
        cells.push({ value: String(n), text: null, kind: 'integer', jsonValue: String(n) });
        keys.push(n);
        continue;
      }
      if (present[0]?.value instanceof Date) {
        const times = present.map((v) => (v.value as Date).getTime());
        const pick = c.summary === 'min' ? Math.min(...times) : Math.max(...times);
        const r = times.length ? { value: new Date(pick), kind: present[0].kind } : undefined;
        cells.push(cell(db, r as Resolved | undefined));
        keys.push(times.length ? pick : '');
        continue;
      }
      const nums = present.map((v) => Number(v.value)).filter((n) => Number.isFinite(n));
      let n: number | '' = '';
      if (nums.length) {
        if (c.summary === 'sum') n = nums.reduce((a, b) => a + b, 0);
        else if (c.summary === 'min') n = Math.min(...nums);
        else if (c.summary === 'max') n = Math.max(...nums);
        else if (c.summary === 'avg') n = nums.reduce((a, b) => a + b, 0) / nums.length;
      }
      const s = n === '' ? '' : String(Math.round(n * 1e6) / 1e6);
      cells.push({ value: s, text: null, kind: 'float', jsonValue: s });
      keys.push(n);
    }
    out.push({ id: null, recordType: null, cells, sortKeys: keys });
  }
  return out;
}
