/**
 * N/record for the sandbox: create, load, copy, transform, submitFields, delete (and their .promise
 * forms), charged at NetSuite's unit costs before the work is done. Records come from the Database.
 */
import type { AccessOperation, Kernel, UserEventType } from '../kernel/kernel';
import { unitCost, type Database } from '../data/database';
import { E, fail } from '../data/errors';
import type { SandboxRecord } from '../data/record';

type Opts = Record<string, unknown>;

export const RecordType = {
  SALES_ORDER: 'salesorder', ITEM_FULFILLMENT: 'itemfulfillment', PURCHASE_ORDER: 'purchaseorder', ITEM_RECEIPT: 'itemreceipt',
  RETURN_AUTHORIZATION: 'returnauthorization', INVENTORY_ADJUSTMENT: 'inventoryadjustment', INVENTORY_ITEM: 'inventoryitem',
  KIT_ITEM: 'kititem', NON_INVENTORY_ITEM: 'noninventoryitem', SERVICE_ITEM: 'serviceitem', OTHER_CHARGE_ITEM: 'otherchargeitem',
  DISCOUNT_ITEM: 'discountitem', DESCRIPTION_ITEM: 'descriptionitem', SUBTOTAL_ITEM: 'subtotalitem', DOWNLOAD_ITEM: 'downloaditem',
  SHIP_ITEM: 'shipitem', LOCATION: 'location', CUSTOMER: 'customer', VENDOR: 'vendor', ACCOUNT: 'account', SUBSIDIARY: 'subsidiary',
} as const;

const need = (o: Opts | undefined, key: string): unknown => {
  const v = o?.[key];
  if (v === undefined || v === null || v === '') fail(E.MISSING_ARG, `Missing a required argument: options.${key}`);
  return v;
};

const promised = <A extends unknown[], R>(fn: (...a: A) => R) =>
  Object.assign(fn, { promise: (...a: A): Promise<R> => new Promise<R>((res, rej) => { try { res(fn(...a)); } catch (e) { rej(e); } }) });

/** How the facade opens a record as a UI user (not reachable by scripts). */
export const UI_READ = Symbol('uiRead');
export type UiMode = 'create' | 'view' | 'edit' | 'copy';

export function createRecordModule(kernel: Kernel, db: Database) {
  const charge = (type: string, op: 'load' | 'save', what: string) =>
    kernel.current().governor.charge(unitCost(db.registry.get(type), op), `record.${what} ${type}`);
  const access = (type: string, op: AccessOperation) => kernel.access?.require(db.registry.get(type).id, op);
  /** beforeLoad runs on every read, before the record is returned; an error aborts the read. */
  const beforeLoad = (rec: SandboxRecord, type: UserEventType, ui?: { form: unknown }): SandboxRecord => {
    kernel.userEvents.beforeLoad?.(rec.type, type, rec, ui);
    return rec;
  };

  const create = (o: Opts): SandboxRecord => {
    const type = String(need(o, 'type'));
    charge(type, 'load', 'create');
    access(type, 'create');
    return beforeLoad(db.newRecord(type, { isDynamic: !!o.isDynamic, defaultValues: o.defaultValues as Opts | undefined }), 'create');
  };
  const load = (o: Opts): SandboxRecord => {
    const type = String(need(o, 'type'));
    charge(type, 'load', 'load');
    access(type, 'view');
    // A scripted load is a read, as viewing a record is (context.type VIEW).
    return beforeLoad(db.loadRecord(type, need(o, 'id'), { isDynamic: !!o.isDynamic }), 'view');
  };
  const copy = (o: Opts): SandboxRecord => {
    const type = String(need(o, 'type'));
    charge(type, 'load', 'copy');
    access(type, 'create');
    return beforeLoad(db.copyRecord(type, need(o, 'id'), { isDynamic: !!o.isDynamic, defaultValues: o.defaultValues as Opts | undefined }), 'copy');
  };
  /** A UI user opening a record page: the form exists, so beforeLoad gets it (view pages are read-only). */
  const uiRead = (mode: UiMode, type: string, id: unknown, form: unknown): SandboxRecord => {
    access(type, mode === 'view' ? 'view' : mode === 'edit' ? 'edit' : 'create');
    const viewOnly = (): SandboxRecord => {
      const stored = db.getStored(type, id);
      return db.readOnlyRecord(stored.type, stored.id, db.snapshot(stored.type, stored.id));
    };
    const rec = mode === 'create' ? db.newRecord(type) : mode === 'copy' ? db.copyRecord(type, id) : mode === 'edit' ? db.loadRecord(type, id) : viewOnly();
    return beforeLoad(rec, mode, { form });
  };
  const transform = (o: Opts): SandboxRecord => {
    const toType = String(need(o, 'toType'));
    const fromType = String(need(o, 'fromType'));
    charge(toType, 'load', 'transform');
    return db.transformRecord(fromType, need(o, 'fromId'), toType, { isDynamic: !!o.isDynamic, defaultValues: o.defaultValues as Opts | undefined });
  };
  const submitFields = (o: Opts): number => {
    const type = String(need(o, 'type'));
    charge(type, 'load', 'submitFields');
    access(type, 'edit');
    const values = need(o, 'values') as Opts;
    const options = (o.options ?? {}) as Opts;
    return db.submitFields(type, need(o, 'id'), values, { ignoreMandatoryFields: !!options.ignoreMandatoryFields });
  };
  const del = (o: Opts): number => {
    const type = String(need(o, 'type'));
    charge(type, 'save', 'delete');
    access(type, 'delete');
    return db.deleteRecord(type, need(o, 'id'));
  };
  const attach = (o: Opts): void => {
    kernel.current().governor.charge(10, 'record.attach');
    need(o, 'record');
    need(o, 'to');
  };
  const detach = (o: Opts): void => {
    kernel.current().governor.charge(10, 'record.detach');
    need(o, 'record');
    need(o, 'from');
  };

  return {
    Type: RecordType,
    create: promised(create),
    load: promised(load),
    copy: promised(copy),
    transform: promised(transform),
    submitFields: promised(submitFields),
    delete: promised(del),
    attach: promised(attach),
    detach: promised(detach),
    [UI_READ]: uiRead,
  };
}

export type RecordModule = ReturnType<typeof createRecordModule>;
