/**
 * The SuiteQL tables the sandbox provides, with NetSuite's Records Catalog names: transaction,
 * transactionline, item, location, customer, vendor, inventoryitemlocations, aggregateitemlocation,
 * every custom record type (customrecord_x) and custom list (customlist_x), and inventorynumber
 * when the account has that record type. Anything else is an unknown table (SSS_SEARCH_ERROR_OCCURRED).
 */
import type { Database } from '../../data/database';
import type { FieldDef, RecordTypeDef } from '../../data/schema';
import type { Line } from '../../data/store';
import { customFields, defineTable, displayText, recordsOf, sharedField, type Column, type RecRow, type TableDef } from './table-def';
import { sqlValue, type SqlCell } from './values';

const num = (v: unknown): number | null => (v === '' || v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));

/**
 * NetSuite stores line quantities and amounts signed by their effect: lines leaving stock or earning
 * revenue (sales orders, fulfilments, invoices, transfer orders) are negative; receipts, purchases,
 * returns and credits positive; adjustments carry their own sign.
 */
const NEGATIVE_LINES = new Set(['SalesOrd', 'ItemShip', 'CustInvc', 'TrnfrOrd', 'CashSale']);

const STATUS_FIELDS = ['orderstatus', 'shipstatus'];

function transactionTable(db: Database): TableDef {
  const defs = db.registry.ofFamily('transaction');
  const cols: Array<Column<RecRow>> = [
    { name: 'id', get: (r) => r.rec.id },
    sharedField(db, defs, 'tranid'),
    { name: 'type', get: (r) => r.def.searchType ?? r.def.id, df: (r) => r.def.label },
    sharedField(db, defs, 'trandate'),
    {
      // transaction.status is the status letter (B, not "Pending Fulfillment"); BUILTIN.DF gives "Sales Order : Pending Fulfillment".
      name: 'status',
      get: (r) => {
        const f = STATUS_FIELDS.find((k) => r.rec.data.fields[k] !== undefined && r.rec.data.fields[k] !== '');
        return f ? String(r.rec.data.fields[f]) : null;
      },
      df: (r) => (r.rec.data.fields.status ? `${r.def.label} : ${String(r.rec.data.fields.status)}` : null),
    },
    sharedField(db, defs, 'entity'),
    sharedField(db, defs, 'externalid'),
    sharedField(db, defs, 'memo'),
    sharedField(db, defs, 'createddate'),
    sharedField(db, defs, 'lastmodifieddate'),
    sharedField(db, defs, 'shipdate'),
    sharedField(db, defs, 'otherrefnum'),
    sharedField(db, defs, 'shipmethod'),
    sharedField(db, defs, 'approvalstatus'),
    sharedField(db, defs, 'total', 'foreigntotal'),
    ...customFields(defs, 'custbody').map((f) => sharedField(db, defs, f.id)),
  ];
  return defineTable('transaction', 'records', cols, () => recordsOf(db, defs));
}

interface LineRow { tran: RecRow; line: Line | null; seq: number; sign: number }

function lineField(db: Database, id: string, kind: FieldDef['kind'], name = id, ref?: string): Column<LineRow> {
  const col: Column<LineRow> = { name, get: (r) => (r.line ? sqlValue(kind, r.line[id]) : null) };
  if (ref) col.df = (r) => (r.line ? displayText(db, { id, kind, label: id, ref }, r.line[id]) : null);
  return col;
}

function* linesOf(db: Database, defs: RecordTypeDef[]): Iterable<LineRow> {
  for (const tran of recordsOf(db, defs)) {
    const sign = NEGATIVE_LINES.has(tran.def.searchType ?? '') ? -1 : 1;
    yield { tran, line: null, seq: 0, sign };
    const lines = tran.def.lineSublist ? tran.rec.data.sublists[tran.def.lineSublist] ?? [] : [];
    let seq = 0;
    for (const line of lines) {
      // A fulfilment or receipt keeps only the lines it received.
      if (line.itemreceive === false) continue;
      yield { tran, line, seq: ++seq, sign };
    }
  }
}

function transactionLineTable(db: Database): TableDef {
  const defs = db.registry.ofFamily('transaction');
  const body = (id: string, name = id): Column<LineRow> => {
    const c = sharedField(db, defs, id, name);
    return { name, get: (r) => c.get(r.tran), df: c.df ? (r) => c.df!(r.tran) : undefined };
  };
  const lineId = (r: LineRow): number => (r.line ? num(r.line.line) ?? r.seq : 0);
  const quantity = (r: LineRow): number | null => {
    if (!r.line) return null;
    const q = num(r.line.quantity ?? r.line.adjustqtyby) ?? num(r.line.adjustqtyby);
    return q === null ? null : q * r.sign;
  };
  const amount = (r: LineRow): number | null => {
    if (!r.line) return num(r.tran.rec.data.fields.total);
    const a = num(r.line.amount);
    return a === null ? null : a * r.sign;
  };
  const cols: Array<Column<LineRow>> = [
    { name: 'transaction', get: (r) => r.tran.rec.id, df: (r) => `${r.tran.def.label} #${String(r.tran.rec.data.fields.tranid ?? r.tran.rec.id)}` },
    { name: 'id', get: lineId },
    { name: 'linesequencenumber', get: (r) => r.seq },
    { name: 'uniquekey', get: (r) => r.tran.rec.id * 10000 + lineId(r) },
    { name: 'mainline', get: (r) => (r.line ? 'F' : 'T') },
    lineField(db, 'item', 'select', 'item', 'item'),
    lineField(db, 'itemtype', 'text'),
    { name: 'quantity', get: quantity },
    lineField(db, 'rate', 'currency'),
    { name: 'netamount', get: amount },
    { name: 'foreignamount', get: amount },
    {
      name: 'location',
      get: (r) => (r.line ? sqlValue('select', r.line.location) : sqlValue('select', r.tran.rec.data.fields.location ?? r.tran.rec.data.fields.adjlocation)),
      df: (r) => displayText(db, { id: 'location', kind: 'select', label: 'Location', ref: 'location' }, r.line ? r.line.location : r.tran.rec.data.fields.location ?? r.tran.rec.data.fields.adjlocation),
    },
    { name: 'isclosed', get: (r) => (r.line?.isclosed === true ? 'T' : 'F') },
    lineField(db, 'description', 'text', 'memo'),
    { name: 'quantityshiprecv', get: (r) => (r.line ? num(r.line.quantityfulfilled ?? r.line.quantityreceived) : null) },
    lineField(db, 'quantitybilled', 'float'),
    lineField(db, 'quantitycommitted', 'float'),
    body('entity'),
    body('createdfrom'),
    ...customFields(defs.flatMap((d) => (d.lineSublist ? [{ ...d, fields: d.sublists.get(d.lineSublist)?.fields ?? new Map() }] : [])), 'custcol')
      .map((f) => lineField(db, f.id, f.kind, f.id, f.kind === 'select' ? f.ref ?? undefined : undefined)),
  ];
  return defineTable('transactionline', 'records', cols, () => linesOf(db, defs));
}

function itemTable(db: Database): TableDef {
  const defs = db.registry.ofFamily('item');
  const cols: Array<Column<RecRow>> = [
    { name: 'id', get: (r) => r.rec.id },
    sharedField(db, defs, 'itemid'),
    { name: 'fullname', get: (r) => sqlValue('text', r.rec.data.fields.itemid) },
    sharedField(db, defs, 'displayname'),
    sharedField(db, defs, 'description'),
    sharedField(db, defs, 'upccode'),
    { name: 'itemtype', get: (r) => r.def.searchType ?? r.def.id, df: (r) => r.def.label },
    sharedField(db, defs, 'isinactive'),
    sharedField(db, defs, 'externalid'),
    sharedField(db, defs, 'weight'),
    sharedField(db, defs, 'cost'),
    sharedField(db, defs, 'averagecost'),
    sharedField(db, defs, 'islotitem'),
    sharedField(db, defs, 'isserialitem'),
    sharedField(db, defs, 'createddate'),
    sharedField(db, defs, 'lastmodifieddate'),
    ...customFields(defs, 'custitem').map((f) => sharedField(db, defs, f.id)),
  ];
  return defineTable('item', 'records', cols, () => recordsOf(db, defs));
}

/** A table with every body field of one or more record types (locations, customers, custom records, ...). */
function plainTable(db: Database, name: string, defs: RecordTypeDef[], skip: string[] = []): TableDef {
  const ids = new Set<string>();
  for (const d of defs) for (const f of d.fields.values()) if (!skip.includes(f.id)) ids.add(f.id);
  ids.delete('id');
  const cols: Array<Column<RecRow>> = [{ name: 'id', get: (r) => r.rec.id }, ...[...ids].map((id) => sharedField(db, defs, id))];
  return defineTable(name, 'records', cols, () => recordsOf(db, defs));
}

interface StockRow { item: number; location: number; onHand: number; committed: number; available: number }

function stockTable(db: Database, name: string): TableDef {
  const ref = (target: string, id: string) => (v: number) => displayText(db, { id, kind: 'select', label: id, ref: target }, v);
  const itemName = ref('item', 'item');
  const locName = ref('location', 'location');
  const cols: Array<Column<StockRow>> = [
    { name: 'item', get: (r) => r.item, df: (r) => itemName(r.item) },
    { name: 'location', get: (r) => r.location, df: (r) => locName(r.location) },
    { name: 'quantityonhand', get: (r) => r.onHand },
    { name: 'quantitycommitted', get: (r) => r.committed },
    { name: 'quantityavailable', get: (r) => r.available },
  ];
  function* rows(): Iterable<StockRow> {
    // Every inventory item, lot-numbered and serialized ones included (they are inventory items in NetSuite).
    for (const type of ['inventoryitem', 'lotnumberedinventoryitem', 'serializedinventoryitem']) {
      if (!db.registry.has(type)) continue;
      for (const rec of db.store.ofType(type)) {
        for (const l of db.inventory.locationsOf(rec.id)) yield { item: rec.id, location: l.location, onHand: l.onHand, committed: l.committed, available: l.available };
      }
    }
  }
  return defineTable(name, 'stock', cols, rows);
}

interface DeploymentRow { n: number; scriptId: string; deploymentId: string; status: string; isDeployed: boolean }

/**
 * `scriptdeployment`: one row per deployment of the project's scripts (NetSuite Help "Script
 * Deployment": Deployed, Status). Read from the loaded project on every query, so a status a test
 * changes shows at once. Script ids are given as the SDF XML spells them.
 */
function scriptDeploymentTable(db: Database): TableDef {
  const cols: Array<Column<DeploymentRow>> = [
    { name: 'primarykey', get: (r) => r.n },
    { name: 'scriptid', get: (r) => r.deploymentId },
    { name: 'script', get: (r) => r.scriptId },
    { name: 'status', get: (r) => r.status },
    { name: 'isdeployed', get: (r) => (r.isDeployed ? 'T' : 'F') },
  ];
  function* rows(): Iterable<DeploymentRow> {
    let n = 0;
    for (const script of db.kernel.meta.scripts.values()) {
      for (const d of script.deployments) {
        n += 1;
        yield { n, scriptId: script.scriptid, deploymentId: d.scriptid, status: d.status, isDeployed: d.isDeployed };
      }
    }
  }
  return defineTable('scriptdeployment', 'stock', cols, rows);
}

/** `role`: the project's custom roles (SDF role objects): id, scriptid, name, isinactive. Standard roles are not modelled. */
function roleTable(db: Database): TableDef {
  const cols: Array<Column<{ n: number; scriptid: string; name: string }>> = [
    { name: 'id', get: (r) => r.n },
    { name: 'scriptid', get: (r) => r.scriptid },
    { name: 'name', get: (r) => r.name },
    { name: 'isinactive', get: () => 'F' },
  ];
  function* rows() {
    let n = 1000;
    for (const role of db.kernel.meta.roles.values()) yield { n: ++n, scriptid: role.scriptid, name: role.name };
  }
  return defineTable('role', 'stock', cols, rows);
}

/** Every table, by lower-case name, built from the account's current record types. */
export function catalog(db: Database): Map<string, TableDef> {
  const tables: TableDef[] = [
    transactionTable(db),
    transactionLineTable(db),
    itemTable(db),
    plainTable(db, 'location', [db.registry.get('location')]),
    plainTable(db, 'customer', [db.registry.get('customer')]),
    plainTable(db, 'vendor', [db.registry.get('vendor')]),
    plainTable(db, 'subsidiary', [db.registry.get('subsidiary')]),
    plainTable(db, 'account', [db.registry.get('account')]),
    stockTable(db, 'inventoryitemlocations'),
    stockTable(db, 'aggregateitemlocation'),
    ...db.registry.ofFamily('customrecord').map((d) => plainTable(db, d.id, [d])),
    ...db.registry.ofFamily('customlist').map((d) => plainTable(db, d.id, [d])),
  ];
  tables.push(scriptDeploymentTable(db), roleTable(db));
  if (db.registry.has('inventorynumber')) tables.push(plainTable(db, 'inventorynumber', [db.registry.get('inventorynumber')]));
  return new Map(tables.map((t) => [t.name, t]));
}

export type { SqlCell };
