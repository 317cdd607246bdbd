/**
 * Purchase orders and return authorizations (orders that receive stock) and the item receipts
 * transformed from them or from transfer orders. NetSuite Help: "Receiving a Purchase Order",
 * "Receiving a Return", "Transfer Orders".
 * - A receipt raises on hand at its line locations (lot/serial items through their inventory detail)
 *   and the source lines' `quantityreceived`. More than remains is refused (QTY_EXCEEDS_REMAINING)
 *   unless the Allow Overage on Item Receipts preference is on (purchase orders only).
 * - A transfer order receipt receives only what was shipped and not yet received, at `transferlocation`.
 * - Edits and deletes apply the difference between the receipt's old and new effect.
 */
import type { Behaviour, DataAccess, SaveCtx } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { committedNumberMoves, numberMoves } from './inventory-detail';
import { applyNumberMoves, checkNumberMoves, type NumberMove } from './inventory-numbers';
import { deriveLineFields, keyLines, protectDoneLines } from './order-lines';
import { deriveFlowStatus } from './order-status';
import { setOrderStatus, startOfToday } from './sales-order';
import { PURCHASE_ORDER_STATUS, RETURN_AUTH_STATUS } from './standard-types';
import { movesFor, tracksStock, type Move } from './stock-moves';
import type { RecordData, StoredRecord } from './store';
import { computeTotals } from './totals';
import { refreshTransferStatus, TRANSFER_RECEIVING } from './transfer-order';
import { clone } from './values';

const PO_REF: Record<string, string> = { A: 'pendingSupervisorApproval', B: 'pendingReceipt', C: 'rejected', D: 'partiallyReceived', E: 'pendingBillPartReceived', F: 'pendingBilling', G: 'fullyBilled', H: 'closed' };
const RA_REF: Record<string, string> = { A: 'pendingApproval', B: 'pendingReceipt', C: 'cancelled', D: 'partiallyReceived', E: 'pendingRefundPartReceived', F: 'pendingRefund', G: 'refunded', H: 'closed' };

export const RECEIVING = new Set(['B', 'D', 'E']);

const orderStatus = (type: string) => (type === 'purchaseorder' ? { texts: PURCHASE_ORDER_STATUS, refs: PO_REF, initial: 'B' } : { texts: RETURN_AUTH_STATUS, refs: RA_REF, initial: 'A' });

export function refreshReceivingStatus(type: string, data: RecordData): void {
  const s = orderStatus(type);
  const current = String(data.fields.orderstatus || s.initial);
  if (current === 'A' || current === 'C') return setOrderStatus(data, current, s.texts, s.refs);
  setOrderStatus(data, deriveFlowStatus(data.sublists.item ?? [], 'quantityreceived'), s.texts, s.refs);
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
    protectDoneLines(data, ctx.old, 'item', ['quantityreceived', 'quantitybilled']);
    deriveLineFields(db, lines);
    data.fields.orderstatus = requested;
    refreshReceivingStatus(type, data);
    computeTotals(type, data);
  },
  prepareDelete(_db, _id, data) {
    if ((data.sublists.item ?? []).some((l) => num(l.quantityreceived) > 0 || num(l.quantitybilled) > 0)) fail(E.RECORD_IN_USE, `This ${type} has receipts or bills and cannot be deleted.`);
  },
});

export const purchaseOrderBehaviour = receivingOrder('purchaseorder');
export const returnAuthorizationBehaviour = receivingOrder('returnauthorization');

const SOURCES = ['purchaseorder', 'returnauthorization', 'transferorder'];

function sourceOf(db: DataAccess, data: RecordData): StoredRecord {
  const id = idOf(data.fields.createdfrom);
  const rec = id === null ? undefined : SOURCES.map((t) => db.store.get(t, id)).find((r) => r);
  if (!rec) return fail(E.INVALID_INITIALIZE_REF, 'An item receipt must be created from a purchase order, return authorization or transfer order (record.transform).');
  return rec;
}

/** What a source line can still receive: ordered - received, or for transfer orders shipped - received. */
export const receivable = (src: StoredRecord, l: Record<string, unknown>): number =>
  (src.type === 'transferorder' ? num(l.quantityfulfilled) : num(l.quantity)) - num(l.quantityreceived);

interface Effect { received: Map<number, number>; moves: Move[]; numbers: NumberMove[] }

function effectOf(db: DataAccess, data: RecordData | undefined, validate: boolean): Effect {
  const e: Effect = { received: new Map(), moves: [], numbers: [] };
  for (const l of data?.sublists.item ?? []) {
    if (l.itemreceive === false) continue;
    const key = Number(l.orderline);
    const qty = num(l.quantity);
    e.received.set(key, (e.received.get(key) ?? 0) + qty);
    const loc = idOf(l.location);
    const item = db.refs.find('item', Number(l.item));
    if (loc === null || !tracksStock(item)) continue;
    e.moves.push(...movesFor(db, item, loc, qty, 1));
    e.numbers.push(...(validate ? numberMoves(db, item!, loc, qty, 1, l, `Receipt of order line ${key}`) : committedNumberMoves(db, item, loc, 1, l)));
  }
  return e;
}

function checkLines(db: DataAccess, src: StoredRecord, data: RecordData, old: RecordData | undefined): void {
  const srcLines = new Map((src.data.sublists.item ?? []).map((l) => [Number(l.line), l]));
  const oldQty = effectOf(db, old, false).received;
  const onThis = new Map<number, number>();
  const overage = src.type === 'purchaseorder' && db.preferences.allowOverageOnItemReceipts;
  const fallback = src.type === 'transferorder' ? src.data.fields.transferlocation : src.data.fields.location;
  for (const l of data.sublists.item ?? []) {
    const key = Number(l.orderline);
    const ol = srcLines.get(key);
    if (!ol || (ol.isclosed && !oldQty.has(key))) fail(E.INVALID_VALUE, `Order line ${String(l.orderline)} is closed or no longer on the ${src.type}.`);
    const qty = num(l.quantity);
    if (qty <= 0) fail(E.INVALID_VALUE, `Receipt quantity must be greater than zero (order line ${key}).`);
    onThis.set(key, (onThis.get(key) ?? 0) + qty);
    const remaining = receivable(src, ol!) + (oldQty.get(key) ?? 0);
    if (!overage && onThis.get(key)! > remaining + 1e-9) fail(E.QTY_EXCEEDS_REMAINING, `You cannot receive ${qty} of order line ${key}: only ${remaining} remain${src.type === 'transferorder' ? ' shipped and not yet received' : ''}.`);
    const item = db.refs.find('item', Number(ol!.item));
    const loc = src.type === 'transferorder' ? idOf(fallback) : idOf(l.location) ?? idOf(ol!.location) ?? idOf(fallback);
    if (tracksStock(item) && loc === null) fail(E.MANDATORY, `Please enter value(s) for: Location (order line ${key})`);
    if (loc !== null) l.location = String(loc);
    l.item = ol!.item;
  }
}

const negate = <T extends { delta: number }>(xs: T[]): T[] => xs.map((x) => ({ ...x, delta: -x.delta }));

function plan(db: DataAccess, src: StoredRecord, old: RecordData | undefined, next: RecordData | undefined): () => void {
  const before = effectOf(db, old, false);
  const after = effectOf(db, next, true);
  const moves = [...negate(before.moves), ...after.moves];
  const numbers = [...negate(before.numbers), ...after.numbers];
  if (!db.preferences.allowNegativeInventory) db.inventory.checkOnHand(moves, 'Item receipt');
  checkNumberMoves(db, numbers, 'Item receipt');
  return () => {
    const srcData = clone(src.data);
    for (const l of srcData.sublists.item ?? []) {
      const k = Number(l.line);
      l.quantityreceived = Math.max(0, num(l.quantityreceived) + (after.received.get(k) ?? 0) - (before.received.get(k) ?? 0));
    }
    for (const m of [...moves].sort((a, b) => b.delta - a.delta)) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Item receipt');
    applyNumberMoves(db, [...numbers].sort((a, b) => b.delta - a.delta));
    if (src.type === 'transferorder') refreshTransferStatus(srcData);
    else refreshReceivingStatus(src.type, srcData);
    srcData.fields.lastmodifieddate = new Date(db.clock.now().getTime());
    db.store.put(db.registry.get(src.type), { type: src.type, id: src.id, data: srcData });
  };
}

export const itemReceiptBehaviour: Behaviour = {
  initialize(db, data) {
    data.fields.trandate = new Date(db.clock.now().getTime());
  },
  prepare(ctx) {
    const { db, data } = ctx;
    const src = sourceOf(db, data);
    const open = src.type === 'transferorder' ? TRANSFER_RECEIVING : RECEIVING;
    if (ctx.isNew && !open.has(String(src.data.fields.orderstatus))) fail(E.INVALID_INITIALIZE_REF, `${src.type} ${src.id} is ${String(src.data.fields.status)}; it cannot be received.`);
    if (!ctx.isNew && String(ctx.old?.fields.createdfrom) !== String(data.fields.createdfrom)) fail(E.INVALID_VALUE, 'Created From cannot change.');
    const received = (data.sublists.item ?? []).filter((l) => l.itemreceive !== false);
    if (received.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must have at least one valid line item for this transaction.');
    data.sublists.item = received;
    checkLines(db, src, data, ctx.old);
    const run = plan(db, src, ctx.old, data);
    return () => run();
  },
  prepareDelete(db, _id, data) {
    return plan(db, sourceOf(db, data), data, undefined);
  },
};
