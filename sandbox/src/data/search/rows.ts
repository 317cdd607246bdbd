/**
 * Search rows and the fields a search can see on them. A transaction search yields a main-line row
 * plus one row per line (mainline F rows carry the line's fields); other records yield one row each.
 */
import type { Database } from '../database';
import { E, fail } from '../errors';
import type { FieldDef, FieldKind, RecordTypeDef } from '../schema';
import type { Line, StoredRecord } from '../store';
import { isStockItem } from '../item-kinds';
import { childJoin } from './child-joins';
import { knowsInventoryField, resolveInventoryField } from './inventory-rows';
import { subitemName } from './subitem-name';
import { SYSTEM_LINE_FILTERS, systemLineAmount, systemLines, type SystemLine } from './system-lines';

/** `children`: for each child join the search uses, the child record this row is joined to (null: none). */
export interface Row { def: RecordTypeDef; rec: StoredRecord; line: Line | null; children?: Readonly<Record<string, StoredRecord | null>>; system?: SystemLine }

export interface Resolved { value: unknown; kind: FieldKind | 'mainline'; ref?: string; options?: FieldDef['options']; idSelf?: boolean }

/** Search types that span record types. */
const MULTI: Record<string, (db: Database) => RecordTypeDef[]> = {
  transaction: (db) => db.registry.ofFamily('transaction'),
  item: (db) => db.registry.ofFamily('item'),
  entity: (db) => db.registry.all().filter((t) => t.family === 'entity'),
};

export function typesOf(db: Database, type: string): RecordTypeDef[] {
  const t = String(type).toLowerCase();
  if (MULTI[t]) return MULTI[t](db);
  if (!db.registry.has(t)) fail(E.INVALID_SEARCH_TYPE, `Invalid search type: ${type}`);
  return [db.registry.get(t)];
}

const SPECIAL = new Set(['matrix', 'matrixchild', 'internalid', 'externalid', 'type', 'recordtype', 'mainline', 'taxline', 'shipping', 'cogs', 'status', 'line', 'datecreated', 'quantityonhand', 'quantityavailable', 'quantitycommitted', 'quantityshiprecv']);

export function knowsField(def: RecordTypeDef, name: string): boolean {
  if (def.fields.has(name)) return true;
  if (def.lineSublist && def.sublists.get(def.lineSublist)?.fields.has(name)) return true;
  if (knowsInventoryField(def, name)) return true;
  if (!SPECIAL.has(name)) return false;
  if (name === 'mainline' || name in SYSTEM_LINE_FILTERS || name === 'line' || name === 'status' || name === 'quantityshiprecv') return def.family === 'transaction';
  if (name.startsWith('quantity') || name === 'matrix' || name === 'matrixchild') return def.family === 'item';
  return true;
}

export function* rowsOf(def: RecordTypeDef, rec: StoredRecord): Generator<Row> {
  yield { def, rec, line: null };
  if (def.family !== 'transaction' || !def.lineSublist) return;
  for (const line of rec.data.sublists[def.lineSublist] ?? []) yield { def, rec, line };
  for (const s of systemLines(def, rec)) yield { def, rec, line: s.line, system: s.system };
}

export function resolve(db: Database, row: Row, name: string): Resolved | undefined {
  const { def, rec, line } = row;
  const f = rec.data.fields;
  const stock = resolveInventoryField(row, name);
  if (stock) return stock;
  switch (name) {
    case 'internalid':
      return { value: String(rec.id), kind: 'select', ref: def.id, idSelf: true };
    case 'recordtype':
      return { value: rec.type, kind: 'text' };
    case 'type':
      return def.searchType ? { value: def.searchType, kind: 'select', options: [{ value: def.searchType, text: def.label }] } : undefined;
    case 'mainline':
      return def.family === 'transaction' ? { value: line === null && !row.system, kind: 'mainline' } : undefined;
    case 'taxline':
    case 'shipping':
    case 'cogs':
      if (def.family !== 'transaction') break;
      return { value: row.system === SYSTEM_LINE_FILTERS[name], kind: 'checkbox' };
    case 'status':
      if (def.family !== 'transaction') break;
      if (f.orderstatus === undefined || f.orderstatus === '') return { value: '', kind: 'select', options: [] };
      return { value: `${def.searchType}:${String(f.orderstatus)}`, kind: 'select', options: [{ value: `${def.searchType}:${String(f.orderstatus)}`, text: String(f.status ?? '') }] };
    case 'line':
      return def.family === 'transaction' ? { value: line ? line.line ?? '' : row.system ? '' : 0, kind: 'integer' } : undefined;
    // Matrix Item (parent or child) and Matrix Child Item, from the record's matrix type.
    case 'matrix':
    case 'matrixchild':
      if (def.family !== 'item') break;
      return { value: name === 'matrix' ? !!f.matrixtype : f.matrixtype === 'CHILD', kind: 'checkbox' };
    case 'itemid':
      if (def.family === 'item' && f.parent) return { value: subitemName(db, rec), kind: 'text' };
      break;
    case 'datecreated':
      return { value: f.createddate ?? f.created ?? '', kind: 'datetime' };
    case 'quantityshiprecv':
      return line ? { value: line.quantityfulfilled ?? line.quantityreceived ?? '', kind: 'float' } : { value: '', kind: 'float' };
    case 'quantityonhand':
    case 'quantityavailable':
    case 'quantitycommitted':
      if (isStockItem(def.id)) {
        const t = db.inventory.totals(rec.id);
        return { value: name === 'quantityonhand' ? t.onHand : name === 'quantityavailable' ? t.available : t.committed, kind: 'float' };
      }
      if (def.family === 'item') return { value: '', kind: 'float' };
      break;
    default:
      break;
  }
  const lineDef = def.lineSublist ? def.sublists.get(def.lineSublist)?.fields.get(name) : undefined;
  const bodyDef = def.fields.get(name);
  if (row.system && name === 'amount') return { value: systemLineAmount(row.system, rec), kind: 'currency' };
  if (line && lineDef) return { value: line[name] ?? '', kind: lineDef.kind, ref: lineDef.ref, options: lineDef.options };
  if (bodyDef) {
    const v = name === 'amount' && !line ? f.total : f[name];
    return { value: v ?? (bodyDef.kind === 'checkbox' ? false : ''), kind: bodyDef.kind, ref: bodyDef.ref, options: bodyDef.options };
  }
  if (lineDef) {
    const v = name === 'amount' ? f.total ?? '' : '';
    return { value: v, kind: lineDef.kind, ref: lineDef.ref, options: lineDef.options };
  }
  return undefined;
}

/** Joins: a select field (or NetSuite's join alias) leads to the referenced record's main row. */
const ALIASES: Record<string, string> = { customer: 'entity', customermain: 'entity', vendor: 'entity', item: 'item', location: 'location', createdfrom: 'createdfrom' };

export function joinTarget(def: RecordTypeDef, join: string): { field: string; ref: string } | 'shippingaddress' | undefined {
  if (join === 'shippingaddress' && def.subrecords.has('shippingaddress')) return 'shippingaddress';
  if (join === 'inventorylocation' && isStockItem(def.id)) return { field: 'inventorylocation', ref: 'location' };
  const field = ALIASES[join] ?? join;
  const fd = def.fields.get(field) ?? (def.lineSublist ? def.sublists.get(def.lineSublist)?.fields.get(field) : undefined);
  if (!fd || (fd.kind !== 'select' && fd.kind !== 'multiselect') || !fd.ref) return undefined;
  if (join === 'customer' || join === 'customermain') return { field, ref: 'customer' };
  return { field, ref: fd.ref };
}

export function joinedTypes(db: Database, ref: string): RecordTypeDef[] {
  if (ref === 'item' || ref === 'transaction' || ref === 'entity') return typesOf(db, ref);
  return db.registry.has(ref) ? [db.registry.get(ref)] : [];
}

const blankRow = (def: RecordTypeDef): Row => ({ def, rec: { type: def.id, id: 0, data: { fields: {}, sublists: {}, subrecords: {} } }, line: null });

/** A joined field with nothing to join to: empty, but still of the joined field's kind (so select operators and @NONE@ apply). */
function emptyJoined(db: Database, types: RecordTypeDef[], name: string): Resolved {
  const def = types.find((t) => knowsField(t, name));
  const r = def ? resolve(db, blankRow(def), name) : undefined;
  return r ? { ...r, value: '' } : { value: '', kind: 'text' };
}

export function resolveJoined(db: Database, row: Row, join: string, name: string): Resolved | undefined {
  const target = joinTarget(row.def, join);
  if (!target) {
    const cj = childJoin(db, row.def, join);
    if (!cj || !knowsField(cj.child, name)) return undefined;
    const child = row.children?.[join];
    return child ? resolve(db, { def: cj.child, rec: child, line: null }, name) : emptyJoined(db, [cj.child], name);
  }
  if (target === 'shippingaddress') {
    const fd = row.def.subrecords.get('shippingaddress')?.get(name);
    return fd ? { value: row.rec.data.subrecords.shippingaddress?.[name] ?? '', kind: fd.kind } : undefined;
  }
  const base = resolve(db, row, target.field);
  const id = base?.value;
  if (id === '' || id === undefined || Array.isArray(id)) return emptyJoined(db, joinedTypes(db, target.ref), name);
  const rec = db.refs.find(target.ref, Number(id));
  if (!rec) return emptyJoined(db, joinedTypes(db, target.ref), name);
  return resolve(db, { def: db.registry.get(rec.type), rec, line: null }, name);
}

export function joinKnows(db: Database, defs: RecordTypeDef[], join: string, name: string): boolean | 'badjoin' {
  let joinOk = false;
  for (const def of defs) {
    const target = joinTarget(def, join);
    if (!target) {
      const cj = childJoin(db, def, join);
      if (!cj) continue;
      joinOk = true;
      if (knowsField(cj.child, name)) return true;
      continue;
    }
    joinOk = true;
    if (target === 'shippingaddress') { if (def.subrecords.get('shippingaddress')?.has(name)) return true; continue; }
    if (joinedTypes(db, target.ref).some((t) => knowsField(t, name))) return true;
  }
  return joinOk ? false : 'badjoin';
}

/** The kind of a field as a search sees it, without a record (to validate operators before running). */
export function staticKind(db: Database, defs: RecordTypeDef[], name: string, join?: string): Resolved | undefined {
  const blank = blankRow;
  for (const def of defs) {
    if (!join) {
      if (knowsField(def, name)) return resolve(db, blank(def), name);
      continue;
    }
    const target = joinTarget(def, join);
    if (!target) {
      const cj = childJoin(db, def, join);
      if (cj && knowsField(cj.child, name)) return resolve(db, blank(cj.child), name);
      continue;
    }
    if (target === 'shippingaddress') {
      const fd = def.subrecords.get('shippingaddress')?.get(name);
      if (fd) return { value: '', kind: fd.kind };
      continue;
    }
    for (const t of joinedTypes(db, target.ref)) if (knowsField(t, name)) return resolve(db, blank(t), name);
  }
  return undefined;
}
