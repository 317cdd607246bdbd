/**
 * The sandbox account's data: record types, committed records, stock, saved searches. Every write
 * goes through persist(): user-event beforeSubmit, validation, type behaviour (status machines,
 * stock moves), commit, afterSubmit. Scripts only ever hold deep copies of committed data.
 */
import type { Kernel, UserEventType } from '../kernel/kernel';
import { adjustmentBehaviour } from './adjustment';
import type { Behaviour, DataAccess } from './behaviour';
import { coerceValue } from './coerce';
import { E, fail } from './errors';
import { fulfillmentBehaviour } from './fulfillment';
import { InventoryLedger, type StockLevel } from './inventory';
import { InventoryNumbers, inventoryNumberBehaviour } from './inventory-numbers';
import { isStockItem } from './item-kinds';
import { inventoryItemBehaviour, kitItemBehaviour, plainItemBehaviour, stockItemBehaviour } from './items';
import { creditMemoBehaviour, invoiceBehaviour } from './billing';
import { defaultPreferences, type AccountPreferences } from './preferences';
import { itemReceiptBehaviour, purchaseOrderBehaviour, returnAuthorizationBehaviour } from './purchasing';
import { computeTotals } from './totals';
import { transferOrderBehaviour } from './transfer-order';
import { SandboxRecord, type RecordHost, type SaveOptions } from './record';
import { StoreRefs } from './refs';
import { TypeRegistry } from './registry';
import { salesOrderBehaviour } from './sales-order';
import type { RecordTypeDef } from './schema';
import { source } from './sourcing';
import { emptyData, RecordStore, type RecordData, type StoredRecord } from './store';
import { transformData } from './transforms';
import { clone, isEmpty } from './values';

export type Operation = 'load' | 'save';

/** NetSuite's unit costs: load/create/copy/transform/submitFields vs save/delete. */
export function unitCost(def: RecordTypeDef, op: Operation): number {
  const base = def.cost === 'transaction' ? 10 : def.cost === 'custom' ? 2 : 5;
  return op === 'load' ? base : base * 2;
}

const BEHAVIOURS: Record<string, Behaviour> = {
  salesorder: salesOrderBehaviour,
  itemfulfillment: fulfillmentBehaviour,
  purchaseorder: purchaseOrderBehaviour,
  returnauthorization: returnAuthorizationBehaviour,
  itemreceipt: itemReceiptBehaviour,
  inventoryadjustment: adjustmentBehaviour,
  inventoryitem: inventoryItemBehaviour,
  lotnumberedinventoryitem: stockItemBehaviour('lotnumberedinventoryitem'),
  serializedinventoryitem: stockItemBehaviour('serializedinventoryitem'),
  kititem: kitItemBehaviour,
  transferorder: transferOrderBehaviour,
  invoice: invoiceBehaviour,
  creditmemo: creditMemoBehaviour,
  inventorynumber: inventoryNumberBehaviour,
};

export interface PersistOptions extends SaveOptions {
  /** Optimistic locking: the versions the saving record object was read at (record.save only). */
  expect?: { version?: number; source?: { type: string; id: number; version: number } };
  /** Told the committed version at the moment of commit. */
  onCommit?: (version: number) => void;
  /** Force the user-event type (approve, cancel); otherwise create/edit. */
  event?: UserEventType;
  /** Seeding: no user events, no governance. */
  quiet?: boolean;
}

export interface SavedSearchDef {
  id: string;
  internalId: number;
  title: string;
  type: string;
  filterExpression: unknown[];
  columns: unknown[];
  settings?: unknown;
  /** Search.isPublic as saved (NetSuite Help: Search.isPublic — searches created by script are private by default). */
  isPublic?: boolean;
}

export class Database implements DataAccess, RecordHost {
  readonly registry: TypeRegistry;
  readonly store = new RecordStore();
  /** Account preferences (Allow Negative Inventory, Fulfill Based on Commitment, Allow Overage on Item Receipts). */
  readonly preferences: AccountPreferences = defaultPreferences();
  readonly inventory = new InventoryLedger(() => this.preferences.allowNegativeInventory);
  /** Stock per lot/serial number (lot-numbered and serialized items). */
  readonly numbers = new InventoryNumbers();
  readonly refs: StoreRefs;
  readonly savedSearches = new Map<string, SavedSearchDef>();
  private nextSearchId = 1;
  private readonly tranCounters = new Map<string, number>();

  constructor(readonly kernel: Kernel) {
    this.registry = new TypeRegistry(kernel.meta);
    this.refs = new StoreRefs(this.registry, this.store);
    for (const list of kernel.meta.customLists.values()) {
      const def = this.registry.get(list.scriptid);
      for (const v of list.values) {
        this.store.reserveId(def, v.internalId);
        this.store.put(def, { type: def.id, id: v.internalId, data: { fields: { name: v.value, scriptid: v.scriptid, isinactive: v.isInactive }, sublists: {}, subrecords: {} } });
      }
    }
  }

  get clock() {
    return this.kernel.clock;
  }

  behaviour(type: string): Behaviour {
    return BEHAVIOURS[type] ?? (this.registry.get(type).family === 'item' ? plainItemBehaviour(type) : {});
  }

  // ---- reading ----
  parseId(id: unknown): number {
    const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id.trim()) ? Number(id) : NaN;
    if (!Number.isInteger(n)) fail(E.MISSING_ARG, `Invalid record id: ${JSON.stringify(id)}`);
    return n;
  }

  getStored(type: string, id: unknown): StoredRecord {
    const def = this.registry.get(type);
    const n = this.parseId(id);
    const rec = this.store.get(def.id, n);
    if (rec) return rec;
    const other = this.store.getInFamily(def, n);
    if (other && def.family !== 'customrecord' && def.family !== 'customlist') {
      fail('SSS_RECORD_TYPE_MISMATCH', `Record ${n} is a ${other.type}, not a ${def.id}.`);
    }
    return fail(E.RECORD_NOT_FOUND, `That record does not exist. (${def.id} ${n})`);
  }

  /** Committed data as a script sees it on load (with computed stock figures). */
  snapshot(type: string, id: number): RecordData {
    const rec = this.getStored(type, id);
    const data = clone(rec.data);
    this.behaviour(rec.type).decorate?.(this, rec.id, data);
    return data;
  }

  // ---- record objects ----
  newRecord(type: string, opts: { isDynamic?: boolean; defaultValues?: Record<string, unknown> } = {}): SandboxRecord {
    const def = this.registry.get(type);
    if (!def.creatable) {
      fail(E.INVALID_INITIALIZE_REF, def.family === 'customlist' ? `Custom list values are defined in SDF (${def.id}).` : `You can not initialize ${def.id}: it can only be created by record.transform.`);
    }
    const data = emptyData();
    for (const f of def.fields.values()) {
      const d = f.custom?.defaultValue;
      if (d === undefined || d === '') continue;
      if (f.kind === 'checkbox') data.fields[f.id] = d === 'T' || d === 'true';
      else if (f.kind === 'text' || f.kind === 'textarea') data.fields[f.id] = d;
      else if (['integer', 'float', 'currency', 'percent'].includes(f.kind) && Number.isFinite(Number(d))) data.fields[f.id] = Number(d);
    }
    if (def.fields.has('isinactive')) data.fields.isinactive = false;
    this.behaviour(def.id).initialize?.(this, data);
    const rec = new SandboxRecord(def, data, null, this, { isDynamic: !!opts.isDynamic, readOnly: false });
    for (const [k, v] of Object.entries(opts.defaultValues ?? {})) rec.setValue({ fieldId: k, value: v });
    return rec;
  }

  loadRecord(type: string, id: unknown, opts: { isDynamic?: boolean } = {}): SandboxRecord {
    const rec = this.getStored(type, id);
    const loaded = new SandboxRecord(this.registry.get(rec.type), this.snapshot(rec.type, rec.id), rec.id, this, { isDynamic: !!opts.isDynamic, readOnly: false });
    loaded.readVersion = rec.version;
    return loaded;
  }

  readOnlyRecord(type: string, id: number | null, data: RecordData, partial = false): SandboxRecord {
    return new SandboxRecord(this.registry.get(type), clone(data), id, this, { isDynamic: false, readOnly: true, partial });
  }

  copyRecord(type: string, id: unknown, opts: { isDynamic?: boolean; defaultValues?: Record<string, unknown> } = {}): SandboxRecord {
    const src = this.getStored(type, id);
    const def = this.registry.get(src.type);
    const rec = this.newRecord(def.id, { isDynamic: opts.isDynamic });
    const data = clone(src.data);
    for (const k of ['externalid', 'tranid', 'createddate', 'lastmodifieddate', 'created', 'lastmodified', 'orderstatus', 'status', 'statusRef']) delete data.fields[k];
    for (const lines of Object.values(data.sublists)) {
      for (const l of lines) for (const k of ['line', 'quantityfulfilled', 'quantitypicked', 'quantitypacked', 'quantitycommitted', 'quantityreceived', 'quantitybilled', 'isclosed']) delete l[k];
    }
    Object.assign(rec.data.fields, data.fields);
    rec.data.sublists = Object.assign(rec.data.sublists, data.sublists);
    Object.assign(rec.data.subrecords, data.subrecords);
    for (const [k, v] of Object.entries(opts.defaultValues ?? {})) rec.setValue({ fieldId: k, value: v });
    return rec;
  }

  transformRecord(fromType: string, fromId: unknown, toType: string, opts: { isDynamic?: boolean; defaultValues?: Record<string, unknown> } = {}): SandboxRecord {
    const from = this.getStored(fromType, fromId);
    const def = this.registry.get(toType);
    const data = transformData(this, from, def.id);
    const rec = new SandboxRecord(def, data, null, this, { isDynamic: !!opts.isDynamic, readOnly: false });
    rec.source = { type: from.type, id: from.id, version: from.version ?? 0 };
    for (const [k, v] of Object.entries(opts.defaultValues ?? {})) rec.setValue({ fieldId: k, value: v });
    return rec;
  }

  // ---- RecordHost ----
  source(rec: SandboxRecord, change: Parameters<RecordHost['source']>[1]): void {
    source(this, rec, change);
  }

  /** Dynamic mode: NetSuite recalculates the body totals as lines change. */
  recalc(rec: SandboxRecord): void {
    computeTotals(rec.type, rec.data);
  }

  saveRecord(rec: SandboxRecord, opts: SaveOptions): number {
    this.kernel.current().governor.charge(unitCost(rec.def, 'save'), `record.save ${rec.type}`);
    // The object then holds what it committed (before afterSubmit, which may change the record again):
    // saving it a second time is fine unless someone else saved in between.
    this.kernel.access?.require(rec.type, rec.id === null ? 'create' : 'edit');
    const onCommit = (version: number) => { rec.readVersion = version; rec.source = undefined; };
    return this.persist(rec.type, rec.id, rec.data, { ...opts, expect: { version: rec.readVersion, source: rec.source }, onCommit });
  }

  /**
   * NetSuite's optimistic locking, checked at commit (after beforeSubmit, where other work may have
   * run): a record object read before another save of the same record — or transformed from a
   * record saved since — is refused with RCRD_HAS_BEEN_CHANGED. submitFields carries no version.
   */
  private checkVersions(def: RecordTypeDef, id: number | null, expect: PersistOptions['expect']): void {
    if (!expect) return;
    if (id !== null && expect.version !== undefined) {
      const now = this.getStored(def.id, id).version;
      if (now !== expect.version) fail(E.RECORD_CHANGED, `Record has been changed: ${def.id} ${id} was saved by someone else after this copy was loaded.`);
    }
    if (expect.source) {
      const src = this.store.get(expect.source.type, expect.source.id);
      if (!src) fail(E.RECORD_NOT_FOUND, `That record does not exist. (${expect.source.type} ${expect.source.id}, the record this ${def.id} was transformed from)`);
      if (src!.version !== expect.source.version) fail(E.RECORD_CHANGED, `Record has been changed: ${expect.source.type} ${expect.source.id} was saved by someone else after this ${def.id} was transformed from it.`);
    }
  }

  // ---- the write pipeline ----
  persist(type: string, id: number | null, working: RecordData, opts: PersistOptions = {}): number {
    const def = this.registry.get(type);
    const isNew = id === null;
    const oldRec = isNew ? undefined : this.getStored(def.id, id);
    const event: UserEventType = opts.event ?? (isNew ? 'create' : 'edit');
    const data = clone(working);
    // Values computed on load are never written back.
    if (isStockItem(def.id)) delete data.sublists.locations;
    const oldView = oldRec ? this.readOnlyRecord(def.id, oldRec.id, oldRec.data) : null;
    if (!opts.quiet) {
      const newView = new SandboxRecord(def, data, id, this, { isDynamic: false, readOnly: false });
      this.kernel.userEvents.beforeSubmit(def.id, event, newView, oldView);
    }
    this.validate(def, id, data, opts);
    this.checkVersions(def, id, opts.expect);
    const apply = this.behaviour(def.id).prepare?.({ db: this, def, isNew, old: oldRec?.data, data, event });
    const finalId = id ?? this.store.allocateId(def);
    const now = new Date(this.clock.now().getTime());
    if (isNew) {
      if (def.fields.has('createddate')) data.fields.createddate = now;
      if (def.fields.has('created')) data.fields.created = now;
      if (def.tranPrefix && isEmpty(data.fields.tranid)) data.fields.tranid = this.nextTranId(def);
    } else {
      for (const k of ['createddate', 'created', 'tranid']) if (oldRec!.data.fields[k] !== undefined && isEmpty(data.fields[k])) data.fields[k] = oldRec!.data.fields[k];
    }
    if (def.fields.has('lastmodifieddate')) data.fields.lastmodifieddate = now;
    if (def.fields.has('lastmodified')) data.fields.lastmodified = now;
    if (apply) apply(finalId);
    const stored = { type: def.id, id: finalId, data, version: 0 };
    this.store.put(def, stored);
    opts.onCommit?.(stored.version);
    if (!opts.quiet) {
      this.kernel.userEvents.afterSubmit(def.id, event, this.readOnlyRecord(def.id, finalId, this.snapshot(def.id, finalId)), oldView);
    }
    return finalId;
  }

  private nextTranId(def: RecordTypeDef): string {
    const n = (this.tranCounters.get(def.id) ?? 1000) + 1;
    this.tranCounters.set(def.id, n);
    return `${def.tranPrefix}${n}`;
  }

  private validate(def: RecordTypeDef, id: number | null, data: RecordData, opts: SaveOptions): void {
    for (const f of def.fields.values()) {
      if (!f.mandatory || !isEmpty(data.fields[f.id])) continue;
      if (f.custom && opts.ignoreMandatoryFields) continue;
      fail(E.MANDATORY, `Please enter value(s) for: ${f.label} (${f.id})`);
    }
    for (const s of def.sublists.values()) {
      if (s.readonly) continue;
      for (const line of data.sublists[s.id] ?? []) {
        for (const f of s.fields.values()) {
          if (f.mandatory && isEmpty(line[f.id]) && !(f.custom && opts.ignoreMandatoryFields)) fail(E.MANDATORY, `Please enter value(s) for: ${f.label} (${s.id}.${f.id})`);
        }
      }
    }
    const ext = data.fields.externalid;
    if (typeof ext === 'string' && ext !== '') {
      const holder = this.store.idForExternalId(def.externalIdScope, ext);
      if (holder !== undefined && holder !== id) fail(E.DUPLICATE, `A record with external id ${ext} already exists (${def.externalIdScope} ${holder}).`);
    }
  }

  /** record.submitFields: body fields only; user events see type xedit with only the edited fields. */
  submitFields(type: string, id: unknown, values: Record<string, unknown>, opts: SaveOptions = {}): number {
    const rec = this.getStored(type, id);
    const def = this.registry.get(rec.type);
    const partial = emptyData();
    for (const [k, v] of Object.entries(values)) {
      const f = def.fields.get(k);
      if (!f) fail(E.INVALID_FIELD_ID, `The field ${k} does not exist on record type ${def.id}.`);
      if (f!.readonly) fail(E.INVALID_VALUE, `The field ${k} is read-only and cannot be set.`);
      partial.fields[k] = coerceValue(f!, v, this.refs);
    }
    const oldView = this.readOnlyRecord(def.id, rec.id, rec.data);
    const newView = new SandboxRecord(def, partial, rec.id, this, { isDynamic: false, readOnly: false, partial: true });
    this.kernel.userEvents.beforeSubmit(def.id, 'xedit', newView, oldView);
    const merged = clone(rec.data);
    Object.assign(merged.fields, clone(partial.fields));
    this.persistQuietEdit(def, rec.id, merged, 'xedit', opts);
    this.kernel.userEvents.afterSubmit(def.id, 'xedit', this.readOnlyRecord(def.id, rec.id, partial, true), oldView);
    return rec.id;
  }

  /** The validate/behaviour/commit part of persist without user events (they were fired by the caller). */
  private persistQuietEdit(def: RecordTypeDef, id: number, data: RecordData, event: UserEventType, opts: SaveOptions): void {
    this.persist(def.id, id, data, { ...opts, event, quiet: true });
  }

  deleteRecord(type: string, id: unknown): number {
    const rec = this.getStored(type, id);
    const def = this.registry.get(rec.type);
    const view = this.readOnlyRecord(def.id, rec.id, rec.data);
    this.kernel.userEvents.beforeSubmit(def.id, 'delete', view, view);
    const apply = this.behaviour(def.id).prepareDelete?.(this, rec.id, rec.data);
    if (apply) apply();
    this.store.remove(def, def.id, rec.id);
    this.kernel.userEvents.afterSubmit(def.id, 'delete', view, view);
    return rec.id;
  }

  // ---- UI actions (the Approve / Cancel buttons) ----
  /** The Approve button: Pending Approval -> Pending Fulfillment, firing user events with type 'approve'. */
  approveSalesOrder(id: number | string): number {
    const rec = this.getStored('salesorder', id);
    if (rec.data.fields.orderstatus !== 'A') fail(E.INVALID_STATUS_CHANGE, `Sales order ${rec.id} is ${String(rec.data.fields.status)}; only Pending Approval orders can be approved.`);
    const data = clone(rec.data);
    data.fields.orderstatus = 'B';
    return this.persist('salesorder', rec.id, data, { event: 'approve' });
  }

  /** The Cancel Order button: allowed while nothing has been fulfilled; releases committed stock; user events get type 'cancel'. */
  cancelSalesOrder(id: number | string): number {
    const rec = this.getStored('salesorder', id);
    const status = String(rec.data.fields.orderstatus);
    if (status !== 'A' && status !== 'B') fail(E.INVALID_STATUS_CHANGE, `Sales order ${rec.id} is ${String(rec.data.fields.status)}; only orders with nothing fulfilled can be cancelled.`);
    const data = clone(rec.data);
    data.fields.orderstatus = 'C';
    return this.persist('salesorder', rec.id, data, { event: 'cancel' });
  }

  // ---- seeding and inspection for tests, demo and benchmarks ----
  /**
   * Create a record directly (no user events, no governance), validating like a save.
   * `sublists` lines and `subrecords` are set through the same field rules scripts use.
   */
  seed(type: string, values: { fields?: Record<string, unknown>; sublists?: Record<string, Array<Record<string, unknown>>>; subrecords?: Record<string, Record<string, unknown>> } | Record<string, unknown>): number {
    const spec = ('fields' in values || 'sublists' in values || 'subrecords' in values) ? (values as { fields?: Record<string, unknown>; sublists?: Record<string, Array<Record<string, unknown>>>; subrecords?: Record<string, Record<string, unknown>> }) : { fields: values as Record<string, unknown> };
    const rec = this.newRecord(type);
    for (const [k, v] of Object.entries(spec.fields ?? {})) rec.setValue({ fieldId: k, value: v });
    for (const [sid, sub] of Object.entries(spec.subrecords ?? {})) {
      const s = rec.getSubrecord({ fieldId: sid });
      for (const [k, v] of Object.entries(sub)) s.setValue({ fieldId: k, value: v });
    }
    for (const [sid, lines] of Object.entries(spec.sublists ?? {})) {
      lines.forEach((line, i) => {
        for (const [k, v] of Object.entries(line)) {
          if (rec.sublistDef(sid).subrecords?.has(k)) {
            const s = rec.getSublistSubrecord({ sublistId: sid, fieldId: k, line: i });
            for (const [sk, sv] of Object.entries(v as Record<string, unknown>)) s.setValue({ fieldId: sk, value: sv });
          } else rec.setSublistValue({ sublistId: sid, fieldId: k, line: i, value: v });
        }
      });
    }
    return this.persist(type, null, rec.data, { quiet: true });
  }

  /** Set on-hand directly (opening balances). Commitments are not touched. */
  seedInventory(item: number, location: number, onHand: number): void {
    const rec = this.refs.find('item', item);
    if (!rec) return fail(E.RECORD_NOT_FOUND, `That record does not exist. (item ${item})`);
    if (!isStockItem(rec.type)) fail(E.INVALID_VALUE, `Item ${item} is not an inventory item.`);
    if (rec.type !== 'inventoryitem') fail(E.INVALID_VALUE, `Item ${item} is lot-numbered or serialized: seed it with an inventory adjustment (with inventory detail).`);
    this.getStored('location', location);
    this.inventory.setOnHand(item, location, onHand);
  }

  stockLevel(item: number, location: number): StockLevel {
    return this.inventory.level(item, location);
  }

  /** A committed record's data (deep copy), for assertions. */
  peek(type: string, id: number): RecordData {
    return this.snapshot(type, id);
  }

  lookupIdByExternalId(type: string, externalId: string): number | undefined {
    return this.store.idForExternalId(this.registry.get(type).externalIdScope, externalId);
  }

  allocateSavedSearchId(): number {
    return this.nextSearchId++;
  }
}
