/** One SuiteQL table: its columns (with the BUILTIN.DF display text of those that have one) and how to read its rows. */
import type { Database } from '../../data/database';
import type { FieldDef, RecordTypeDef } from '../../data/schema';
import type { StoredRecord } from '../../data/store';
import { sqlValue, type SqlCell } from './values';

export interface Column<R> {
  name: string;
  get(r: R): SqlCell;
  /** BUILTIN.DF(column): the display text (a select's record name, a list value's text). */
  df?(r: R): string | null;
}

/** Where a table's rows come from: committed records (cached per store revision) or stock levels (read each query). */
export type TableSource = 'records' | 'stock';

export interface TableDef {
  name: string;
  source: TableSource;
  columns: string[];
  /** Columns with a display text, stored beside them as `<name>__df`. */
  dfColumns: string[];
  rows(): SqlCell[][];
}

export function defineTable<R>(name: string, source: TableSource, columns: Array<Column<R>>, each: () => Iterable<R>): TableDef {
  const withDf = columns.filter((c) => c.df);
  return {
    name,
    source,
    columns: columns.map((c) => c.name),
    dfColumns: withDf.map((c) => c.name),
    rows() {
      const out: SqlCell[][] = [];
      for (const r of each()) {
        const row: SqlCell[] = columns.map((c) => c.get(r));
        for (const c of withDf) row.push(c.df!(r));
        out.push(row);
      }
      return out;
    },
  };
}

/** A stored record with its type description. */
export interface RecRow { rec: StoredRecord; def: RecordTypeDef }

export function* recordsOf(db: Database, defs: RecordTypeDef[]): Iterable<RecRow> {
  for (const def of defs) for (const rec of db.store.ofType(def.id)) yield { rec, def };
}

/** Display text of a field value (select name, list text; else the value itself). */
export function displayText(db: Database, f: FieldDef, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (f.kind === 'select' || f.kind === 'multiselect') {
    const ids = Array.isArray(v) ? v : [v];
    return ids.map((id) => (f.options ? f.options.find((o) => o.value === String(id))?.text ?? String(id) : f.ref ? db.refs.name(f.ref, Number(id)) || String(id) : String(id))).join(', ');
  }
  const s = sqlValue(f.kind, v);
  return s === null ? null : String(s);
}

/** A column read straight from a body field of the record. */
export function fieldColumn(db: Database, f: FieldDef, name = f.id): Column<RecRow> {
  const col: Column<RecRow> = { name, get: (r) => sqlValue(f.kind, r.rec.data.fields[f.id]) };
  if (f.kind === 'select' || f.kind === 'multiselect') col.df = (r) => displayText(db, f, r.rec.data.fields[f.id]);
  return col;
}

/** The custom fields (custbody_, custitem_, custentity_, custrecord_) the given types carry, each once. */
export function customFields(defs: RecordTypeDef[], prefix: string): FieldDef[] {
  const seen = new Map<string, FieldDef>();
  for (const d of defs) for (const f of d.fields.values()) if (f.custom && f.id.startsWith(prefix) && !seen.has(f.id)) seen.set(f.id, f);
  return [...seen.values()];
}

/** A body field by id, read with each row's own type description (NULL for types without it). */
export function sharedField(db: Database, defs: RecordTypeDef[], id: string, name = id): Column<RecRow> {
  const col: Column<RecRow> = {
    name,
    get: (r) => {
      const f = r.def.fields.get(id);
      return f ? sqlValue(f.kind, r.rec.data.fields[id]) : null;
    },
  };
  if (defs.some((d) => ['select', 'multiselect'].includes(d.fields.get(id)?.kind ?? ''))) {
    col.df = (r) => {
      const f = r.def.fields.get(id);
      return f ? displayText(db, f, r.rec.data.fields[id]) : null;
    };
  }
  return col;
}
