/**
 * Joins from a record to the custom records that point at it. In NetSuite the join id of such a
 * join is the child's select field id (`custrecord_x_parent.name` on the parent's search), and it
 * behaves like an outer join: one row per child that references the parent, or one row with empty
 * child fields when none does — so `['custrecord_x_parent.internalid', 'anyof', '@NONE@']` finds
 * parents without children, and a parent with two children appears twice.
 */
import type { Database } from '../database';
import type { RecordTypeDef } from '../schema';
import type { StoredRecord } from '../store';
import type { Row } from './rows';

export interface ChildJoin { join: string; field: string; child: RecordTypeDef }

/** Standard families a custom select field can point at (SDF selectrecordtype -30, -10, -9). */
const FAMILY_REFS = new Set(['transaction', 'item', 'entity']);

function pointsAt(ref: string | undefined, parent: RecordTypeDef): boolean {
  if (!ref) return false;
  if (ref === parent.id) return true;
  return FAMILY_REFS.has(ref) && parent.family === ref;
}

/** The custom record type whose select field `join` references `parent`, if any (custom field ids are unique in an account). */
export function childJoin(db: Database, parent: RecordTypeDef, join: string): ChildJoin | undefined {
  if (parent.fields.has(join)) return undefined; // the parent's own field: a join to the record it references
  for (const def of db.registry.all()) {
    if (def.family !== 'customrecord') continue;
    const f = def.fields.get(join);
    if (f && f.kind === 'select' && pointsAt(f.ref, parent)) return { join, field: join, child: def };
  }
  return undefined;
}

/** Children of each parent id, read once per search run. */
function childrenByParent(db: Database, cj: ChildJoin): Map<number, StoredRecord[]> {
  const out = new Map<number, StoredRecord[]>();
  for (const rec of db.store.ofType(cj.child.id)) {
    const v = rec.data.fields[cj.field];
    if (v === undefined || v === null || v === '') continue;
    const parentId = Number(v);
    const list = out.get(parentId);
    if (list) list.push(rec); else out.set(parentId, [rec]);
  }
  return out;
}

/**
 * For one search run: expands rows over the child joins it uses, one row per combination of
 * children (or none). Child records are indexed on first use.
 */
export function childJoinExpander(db: Database, joins: readonly string[]): (rows: Iterable<Row>) => Iterable<Row> {
  if (joins.length === 0) return (rows) => rows;
  const joinOf = new Map<string, ChildJoin | null>();
  const byParent = new Map<string, Map<number, StoredRecord[]>>();
  const childrenOf = (def: RecordTypeDef, join: string, parentId: number): Array<StoredRecord | null> | undefined => {
    const key = `${def.id}|${join}`;
    if (!joinOf.has(key)) joinOf.set(key, childJoin(db, def, join) ?? null);
    const cj = joinOf.get(key);
    if (!cj) return undefined;
    if (!byParent.has(cj.child.id + '|' + join)) byParent.set(cj.child.id + '|' + join, childrenByParent(db, cj));
    const kids = byParent.get(cj.child.id + '|' + join)!.get(parentId) ?? [];
    return kids.length ? kids : [null];
  };
  return (rows) => {
    const out: Row[] = [];
    for (const row of rows) {
      let expanded: Row[] = [row];
      for (const join of joins) {
        const options = childrenOf(row.def, join, row.rec.id);
        if (!options) continue;
        expanded = expanded.flatMap((r) => options.map((child) => ({ ...r, children: { ...r.children, [join]: child } })));
      }
      out.push(...expanded);
    }
    return out;
  };
}
