/**
 * Purchase orders and return authorizations (orders that receive stock) and the item receipts
 * transformed from them. A receipt raises on hand at its line locations and the source lines'
 * quantityreceived; quantities cannot exceed what remains to receive.
 */
import type { Behaviour, DataAccess, SaveCtx } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { deriveLineFields, deriveOrderStatus, keyLines, protectDoneLines } from './order-lines';
import { setOrderStatus, startOfToday } from './sales-order';
import { PURCHASE_ORDER_STATUS, RETURN_AUTH_STATUS } from './standard-types';
import { movesFor, takeFromSourceLine, type Move } from './stock-moves';
import type { RecordData } from './store';
import { clone } from './values';

const PO_REF: Record<string, string> = { A: 'pendingSupervisorApproval', B: 'pendingReceipt', C: 'rejected', D: 'partiallyReceived', E: 'pendingBillPartReceived', F: 'pendingBilling', G: 'fullyBilled', H: 'closed' };
const RA_REF: Record<string, string> = { A: 'pendingApproval', B: 'pendingReceipt', C: 'cancelled', D: 'partiallyReceived', E: 'pendingRefundPartReceived', F: 'pendingRefund', G: 'refunded', H: 'closed' };

export const RECEIVING = new Set(['B', 'D', 'E']);

const orderStatus = (type: string) => (type === 'purchaseorder' ? { texts: PURCHASE_ORDER_STATUS, refs: PO_REF, initial: 'B' } : { texts: RETURN_AUTH_STATUS, refs: RA_REF, initial: 'A' });

export function refreshReceivingStatus(type: string, data: RecordData): void {
  const s = orderStatus(type);
  const current = String(data.fields.orderstatus || s.initial);
  if (current === 'A' || current === 'C') return setOrderStatus(data, current, s.texts, s.refs);
  setOrderStatus(data, deriveOrderStatus(data.sublists.item ?? [], 'quantityreceived'), s.texts, s.refs);
}

const receivingOrder = (type: 'purchaseorder' | 'returnauthorization'): Behaviour => ({
  initialize(db, data) {
    const s = orderStatus(type);
    setOrderStatus(data, s.initial, s.texts, s.refs);
    data.fields.trandate = startOfToday(db);
  },
  prepare(ctx: SaveCtx) {
    const { data, db } = ctx;
    const before = String(ctx.old?.fields.orderstatus ?? '');
    const requested = String(data.fields.orderstatus || before || orderStatus(type).initial);
    if (ctx.isNew ? requested !== 'A' && requested !== 'B' : requested !== before && !(before === 'A' && requested === 'B')) {
      fail(E.INVALID_STATUS_CHANGE, `Cannot set the status of this ${type} to ${requested}.`);
    }
    const lines = (data.sublists.item ??= []);
    if (lines.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must enter at least one line item for this transaction.');
    keyLines(lines, ctx.old?.sublists.item ?? []);
    protectDoneLines(data, ctx.old, 'item', 'quantityreceived');
    deriveLineFields(db, lines);
    data.fields.orderstatus = requested;
    refreshReceivingStatus(type, data);
  },
  prepareDelete(_db, _id, data) {
    if ((data.sublists.item ?? []).some((l) => num(l.quantityreceived) > 0)) fail(E.RECORD_IN_USE, `This ${type} has receipts and cannot be deleted.`);
  },
});

export const purchaseOrderBehaviour = receivingOrder('purchaseorder');
export const returnAuthorizationBehaviour = receivingOrder('returnauthorization');

function sourceOf(db: DataAccess, data: RecordData) {
  const id = idOf(data.fields.createdfrom);
  const rec = id === null ? undefined : (db.store.get('purchaseorder', id) ?? db.store.get('returnauthorization', id));
  if (!rec) return fail(E.INVALID_INITIALIZE_REF, 'An item receipt must be created from a purchase order or return authorization (record.transform).');
  return rec;
}

function applyToSource(db: DataAccess, data: RecordData, sign: 1 | -1): void {
  const src = sourceOf(db, data);
  const srcData = clone(src.data);
  const byKey = new Map((srcData.sublists.item ?? []).map((l) => [Number(l.line), l]));
  for (const l of data.sublists.item ?? []) {
    const ol = byKey.get(Number(l.orderline));
    if (ol) ol.quantityreceived = Math.max(0, num(ol.quantityreceived) + sign * num(l.quantity));
  }
  refreshReceivingStatus(src.type, srcData);
  db.store.put(db.registry.get(src.type), { type: src.type, id: src.id, data: srcData });
}

export const itemReceiptBehaviour: Behaviour = {
  initialize(db, data) {
    data.fields.trandate = new Date(db.clock.now().getTime());
  },
  prepare(ctx) {
    const { db, data } = ctx;
    const src = sourceOf(db, data);
    if (!ctx.isNew) {
      const same = JSON.stringify(data.sublists.item ?? []) === JSON.stringify(ctx.old?.sublists.item ?? []);
      if (!same) fail(E.UNSUPPORTED, 'The sandbox does not support changing the lines of a saved item receipt; delete it and receive again.');
      return;
    }
    if (!RECEIVING.has(String(src.data.fields.orderstatus))) fail(E.INVALID_INITIALIZE_REF, `${src.type} ${src.id} is ${String(src.data.fields.status)}; it cannot be received.`);
    const received = (data.sublists.item ?? []).filter((l) => l.itemreceive !== false);
    if (received.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must have at least one valid line item for this transaction.');
    const srcLines = new Map((src.data.sublists.item ?? []).map((l) => [Number(l.line), l]));
    const moves: Move[] = [];
    const rule = { doneField: 'quantityreceived', verb: 'receive', noun: 'Receipt', sourceLabel: src.type, fallbackLocation: src.data.fields.location, sign: 1 } as const;
    for (const l of received) moves.push(...takeFromSourceLine(db, l, srcLines, rule).moves);
    data.sublists.item = received;
    return () => {
      for (const m of moves) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Item receipt');
      applyToSource(db, data, 1);
    };
  },
  prepareDelete(db, _id, data) {
    const moves: Move[] = [];
    for (const l of data.sublists.item ?? []) {
      const loc = idOf(l.location);
      if (loc !== null) moves.push(...movesFor(db, db.refs.find('item', Number(l.item)), loc, num(l.quantity), -1));
    }
    db.inventory.checkOnHand(moves.map((m) => ({ ...m })), 'Delete item receipt');
    return () => {
      for (const m of moves) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Delete item receipt');
      applyToSource(db, data, -1);
    };
  },
};
