/**
 * record.transform initial data (NetSuite Help: "record.transform(options)" supported transformation
 * types): sales order -> item fulfillment / invoice; transfer order -> item fulfillment / item receipt;
 * purchase order / return authorization -> item receipt; return authorization -> credit memo.
 * Only lines with something left to do are copied, each defaulting to the full remaining quantity.
 */
import type { DataAccess } from './behaviour';
import { idOf } from './behaviour';
import { BILLABLE_STATUSES, billLines } from './billing';
import { E, fail } from './errors';
import { fulfilmentLines } from './fulfillment';
import { FULFILLABLE, itemRecordType } from './order-lines';
import { receivable, RECEIVING } from './purchasing';
import { COMMITTING } from './sales-order';
import { emptyData, type Line, type RecordData, type StoredRecord } from './store';
import { TRANSFER_FULFILLING, TRANSFER_RECEIVING } from './transfer-order';
import { clone } from './values';

const SUPPORTED: Record<string, string[]> = {
  salesorder: ['itemfulfillment', 'invoice'],
  transferorder: ['itemfulfillment', 'itemreceipt'],
  purchaseorder: ['itemreceipt'],
  returnauthorization: ['itemreceipt', 'creditmemo'],
};

function openStatuses(from: string, to: string): Set<string> {
  if (to === 'invoice' || to === 'creditmemo') return BILLABLE_STATUSES;
  if (from === 'salesorder') return COMMITTING;
  if (from === 'transferorder') return to === 'itemfulfillment' ? TRANSFER_FULFILLING : TRANSFER_RECEIVING;
  return RECEIVING;
}

export function transformData(db: DataAccess, from: StoredRecord, toType: string): RecordData {
  if (!SUPPORTED[from.type]?.includes(toType)) fail(E.INVALID_TRANSFORM, `You cannot transform a ${from.type} into a ${toType} in the sandbox.`);
  if (!openStatuses(from.type, toType).has(String(from.data.fields.orderstatus))) {
    fail(E.INVALID_INITIALIZE_REF, `You can not initialize ${toType}: invalid reference ${from.id} (${String(from.data.fields.status)}).`);
  }
  const data = emptyData();
  data.fields.createdfrom = String(from.id);
  if (from.data.fields.entity !== undefined) data.fields.entity = from.data.fields.entity;
  data.fields.trandate = new Date(db.clock.now().getTime());
  const fulfillable = (l: Line): boolean => { const t = itemRecordType(db, l.item); return !!t && FULFILLABLE.has(t); };
  let lines: Line[];
  if (toType === 'itemfulfillment') {
    data.fields.shipstatus = 'C';
    if (from.data.fields.shipmethod) data.fields.shipmethod = from.data.fields.shipmethod;
    if (from.data.subrecords.shippingaddress) data.subrecords.shippingaddress = clone(from.data.subrecords.shippingaddress);
    lines = fulfilmentLines(from, fulfillable);
    data.sublists.package = [];
  } else if (toType === 'itemreceipt') {
    lines = [];
    for (const l of from.data.sublists.item ?? []) {
      const remaining = receivable(from, l);
      if (l.isclosed || remaining <= 0 || !fulfillable(l)) continue;
      const location = from.type === 'transferorder' ? idOf(from.data.fields.transferlocation) : idOf(l.location) ?? idOf(from.data.fields.location);
      lines.push({
        item: l.item, itemreceive: true, quantity: remaining, quantityremaining: remaining, orderline: l.line,
        location: location === null ? '' : String(location), itemtype: l.itemtype, description: l.description ?? '',
      });
    }
  } else {
    lines = billLines(from, from.type === 'salesorder' ? 'quantityfulfilled' : 'quantityreceived');
    if (from.data.fields.location) data.fields.location = from.data.fields.location;
    // shipping, handling and the body discount go on the first bill only
    const first = (from.data.sublists.item ?? []).every((l) => !l.quantitybilled);
    if (first) for (const k of ['shippingcost', 'handlingcost', 'discountitem', 'discountrate']) if (from.data.fields[k] !== undefined && from.data.fields[k] !== '') data.fields[k] = from.data.fields[k];
  }
  const verb = toType === 'itemfulfillment' ? 'fulfil' : toType === 'itemreceipt' ? 'receive' : 'bill';
  if (lines.length === 0) fail(E.VALID_LINE_ITEM_REQD, `You must have at least one valid line item for this transaction: nothing on ${from.type} ${from.id} is left to ${verb}.`);
  data.sublists.item = lines;
  return data;
}
