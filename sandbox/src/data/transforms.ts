/**
 * record.transform initial data: sales order -> item fulfillment; purchase order / return
 * authorization -> item receipt. Only lines with something left to do (and of a fulfillable item type)
 * are copied, each defaulting to the full remaining quantity.
 */
import type { DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { FULFILLABLE, itemRecordType } from './order-lines';
import { RECEIVING } from './purchasing';
import { COMMITTING } from './sales-order';
import { emptyData, type RecordData, type StoredRecord } from './store';
import { clone } from './values';

const SUPPORTED: Record<string, string[]> = {
  salesorder: ['itemfulfillment'],
  purchaseorder: ['itemreceipt'],
  returnauthorization: ['itemreceipt'],
};

export function transformData(db: DataAccess, from: StoredRecord, toType: string): RecordData {
  if (!SUPPORTED[from.type]?.includes(toType)) fail(E.INVALID_TRANSFORM, `You cannot transform a ${from.type} into a ${toType} in the sandbox.`);
  const open = from.type === 'salesorder' ? COMMITTING : RECEIVING;
  const status = String(from.data.fields.orderstatus);
  if (!open.has(status)) {
    fail(E.INVALID_INITIALIZE_REF, `You can not initialize ${toType}: invalid reference ${from.id} (${String(from.data.fields.status)}).`);
  }
  const doneField = from.type === 'salesorder' ? 'quantityfulfilled' : 'quantityreceived';
  const data = emptyData();
  data.fields.createdfrom = String(from.id);
  data.fields.entity = from.data.fields.entity ?? '';
  data.fields.trandate = new Date(db.clock.now().getTime());
  if (from.type === 'salesorder') {
    data.fields.shipstatus = 'C';
    if (from.data.fields.shipmethod) data.fields.shipmethod = from.data.fields.shipmethod;
    if (from.data.subrecords.shippingaddress) data.subrecords.shippingaddress = clone(from.data.subrecords.shippingaddress);
  }
  const lines = [];
  for (const l of from.data.sublists.item ?? []) {
    const remaining = num(l.quantity) - num(l[doneField]);
    const type = itemRecordType(db, l.item);
    if (l.isclosed || remaining <= 0 || !type || !FULFILLABLE.has(type)) continue;
    const location = idOf(l.location) ?? idOf(from.data.fields.location);
    lines.push({
      item: l.item, itemreceive: true, quantity: remaining, quantityremaining: remaining, orderline: l.line,
      location: location === null ? '' : String(location), itemtype: l.itemtype, description: l.description ?? '',
    });
  }
  if (lines.length === 0) fail(E.VALID_LINE_ITEM_REQD, `You must have at least one valid line item for this transaction: nothing on ${from.type} ${from.id} is left to ${toType === 'itemfulfillment' ? 'fulfil' : 'receive'}.`);
  data.sublists.item = lines;
  if (toType === 'itemfulfillment') data.sublists.package = [];
  return data;
}
