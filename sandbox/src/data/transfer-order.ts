/**
 * Transfer order (`transferorder`): moves stock from `location` to `transferlocation`. NetSuite Help:
 * "Transfer Orders" — approved orders are fulfilled (stock leaves the source location when the
 * fulfilment is Shipped) and then received at the destination, never more than was shipped.
 * Statuses: A Pending Approval, B Pending Fulfillment, D Partially Fulfilled, E Pending Receipt/
 * Partially Fulfilled, F Pending Receipt, G Received, H Closed (C Rejected is not modelled).
 */
import type { Behaviour } from './behaviour';
import { num } from './behaviour';
import { E, fail } from './errors';
import { isStockItem } from './item-kinds';
import { deriveLineFields, keyLines, protectDoneLines } from './order-lines';
import { setOrderStatus, startOfToday } from './sales-order';
import { TRANSFER_ORDER_STATUS } from './standard-types';
import type { RecordData } from './store';

const TO_REF: Record<string, string> = { A: 'pendingApproval', B: 'pendingFulfillment', C: 'rejected', D: 'partiallyFulfilled', E: 'pendingReceiptPartFulfilled', F: 'pendingReceipt', G: 'received', H: 'closed' };

/** Statuses a transfer order can be fulfilled / received in. */
export const TRANSFER_FULFILLING = new Set(['B', 'D', 'E']);
export const TRANSFER_RECEIVING = new Set(['D', 'E', 'F']);

export function refreshTransferStatus(data: RecordData): void {
  const current = String(data.fields.orderstatus || 'A');
  if (current === 'A' || current === 'C') return setOrderStatus(data, current, TRANSFER_ORDER_STATUS, TO_REF);
  const lines = data.sublists.item ?? [];
  let code: string;
  if (lines.length > 0 && lines.every((l) => l.isclosed)) code = 'H';
  else {
    const open = lines.filter((l) => !l.isclosed);
    const shipped = lines.reduce((s, l) => s + num(l.quantityfulfilled), 0);
    const allShipped = open.every((l) => num(l.quantityfulfilled) >= num(l.quantity) - 1e-9);
    const allReceived = lines.every((l) => num(l.quantityreceived) >= (l.isclosed ? num(l.quantityfulfilled) : num(l.quantity)) - 1e-9);
    const inTransit = lines.some((l) => num(l.quantityfulfilled) > num(l.quantityreceived) + 1e-9);
    code = allReceived && shipped > 0 ? 'G' : allShipped ? 'F' : shipped === 0 ? 'B' : inTransit ? 'E' : 'D';
  }
  setOrderStatus(data, code, TRANSFER_ORDER_STATUS, TO_REF);
}

export const transferOrderBehaviour: Behaviour = {
  initialize(db, data) {
    setOrderStatus(data, 'A', TRANSFER_ORDER_STATUS, TO_REF);
    data.fields.trandate = startOfToday(db);
  },
  prepare(ctx) {
    const { data, db } = ctx;
    const before = String(ctx.old?.fields.orderstatus ?? '');
    const requested = String(data.fields.orderstatus || before || 'A');
    if (ctx.isNew ? requested !== 'A' && requested !== 'B' : requested !== before && !(before === 'A' && requested === 'B')) {
      fail(E.INVALID_STATUS_CHANGE, `Cannot set the status of this transfer order to ${requested}.`);
    }
    if (String(data.fields.location) === String(data.fields.transferlocation)) fail(E.INVALID_VALUE, 'The To Location must differ from the From Location.');
    const lines = (data.sublists.item ??= []);
    if (lines.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must enter at least one line item for this transaction.');
    keyLines(lines, ctx.old?.sublists.item ?? []);
    protectDoneLines(data, ctx.old, 'item', ['quantityfulfilled', 'quantitypicked', 'quantitypacked', 'quantityreceived']);
    deriveLineFields(db, lines);
    for (const l of lines) {
      const t = db.refs.find('item', Number(l.item))?.type;
      if (!isStockItem(t)) fail(E.INVALID_VALUE, `A transfer order moves inventory items only (line ${String(l.line)}).`);
    }
    data.fields.orderstatus = requested;
    refreshTransferStatus(data);
  },
  prepareDelete(_db, _id, data) {
    if ((data.sublists.item ?? []).some((l) => num(l.quantitypicked) > 0)) fail(E.RECORD_IN_USE, 'This transfer order has fulfilments and cannot be deleted.');
  },
};
