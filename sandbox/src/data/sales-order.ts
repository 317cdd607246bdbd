/**
 * Sales order status machine and stock commitment.
 * A Pending Approval -> B Pending Fulfillment (approve) -> E Pending Billing/Partially Fulfilled or
 * D Partially Fulfilled (what is shipped is billed) -> F Pending Billing -> G Billed (order-status.ts);
 * C Cancelled (only while nothing is fulfilled); H Closed when every line is closed.
 * Scripts may create with A or B and move A -> B by edit; every other status is the system's.
 * An approved, open order commits stock line by line, as far as the location has it available.
 */
import type { Behaviour, DataAccess, SaveCtx } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { isStockItem } from './item-kinds';
import { deriveLineFields, keyLines, protectDoneLines } from './order-lines';
import { deriveFlowStatus } from './order-status';
import { computeTotals } from './totals';
import { SALES_ORDER_STATUS } from './standard-types';
import type { RecordData } from './store';

export const SO_STATUS_REF: Record<string, string> = {
  A: 'pendingApproval', B: 'pendingFulfillment', C: 'cancelled', D: 'partiallyFulfilled', E: 'pendingBillingPartFulfilled',
  F: 'pendingBilling', G: 'fullyBilled', H: 'closed',
};

export const COMMITTING = new Set(['B', 'D', 'E']);

const statusText = (code: string): string => SALES_ORDER_STATUS.find((o) => o.value === code)?.text ?? '';

export function setOrderStatus(data: RecordData, code: string, texts = SALES_ORDER_STATUS, refs = SO_STATUS_REF): void {
  data.fields.orderstatus = code;
  data.fields.status = texts.find((o) => o.value === code)?.text ?? statusText(code);
  data.fields.statusRef = refs[code] ?? '';
}

/** Re-derive an approved order's status from its lines (after edits, fulfilments, line closes). */
export function refreshSalesOrderStatus(data: RecordData): void {
  const current = String(data.fields.orderstatus || 'A');
  if (current === 'A' || current === 'C') return setOrderStatus(data, current);
  setOrderStatus(data, deriveFlowStatus(data.sublists.item ?? [], 'quantityfulfilled'));
}

/** Release what the order holds and commit again from its open, unfulfilled quantities. */
export function recommitSalesOrder(db: DataAccess, id: number, data: RecordData): void {
  db.inventory.releaseAll(id);
  const open = COMMITTING.has(String(data.fields.orderstatus));
  const headerLocation = idOf(data.fields.location);
  for (const line of data.sublists.item ?? []) {
    const item = idOf(line.item);
    const itemRec = item === null ? undefined : db.refs.find('item', item);
    if (!itemRec || (!isStockItem(itemRec.type) && itemRec.type !== 'kititem')) continue;
    line.quantitycommitted = 0;
    const remaining = num(line.quantity) - num(line.quantityfulfilled);
    const location = idOf(line.location) ?? headerLocation;
    if (!open || line.isclosed || remaining <= 0 || location === null) continue;
    const key = line.line as number;
    if (isStockItem(itemRec.type)) {
      line.quantitycommitted = db.inventory.commit(id, key, itemRec.id, location, remaining);
      continue;
    }
    let kits = Infinity;
    for (const m of itemRec.data.sublists.member ?? []) {
      const member = db.refs.find('item', Number(m.item));
      if (!member || !isStockItem(member.type)) continue;
      const per = num(m.quantity);
      const got = db.inventory.commit(id, key, member.id, location, remaining * per);
      kits = Math.min(kits, Math.floor(got / per));
    }
    line.quantitycommitted = Number.isFinite(kits) ? kits : 0;
  }
}

function checkStatusChange(ctx: SaveCtx, requested: string): void {
  if (ctx.event === 'approve' || ctx.event === 'cancel') return;
  if (ctx.isNew) {
    if (requested !== 'A' && requested !== 'B') fail(E.INVALID_STATUS_CHANGE, `A new sales order can only be Pending Approval (A) or Pending Fulfillment (B), not ${requested}.`);
    return;
  }
  const before = String(ctx.old?.fields.orderstatus ?? 'A');
  if (requested === before) return;
  if (before === 'A' && requested === 'B') return;
  fail(E.INVALID_STATUS_CHANGE, `Cannot change a sales order's status from ${before} to ${requested}; only A -> B (approval) is settable.`);
}

export const salesOrderBehaviour: Behaviour = {
  initialize(db, data) {
    setOrderStatus(data, 'A');
    data.fields.trandate = startOfToday(db);
  },
  prepare(ctx) {
    const { data, db } = ctx;
    const requested = String(data.fields.orderstatus || (ctx.isNew ? 'A' : ctx.old?.fields.orderstatus ?? 'A'));
    checkStatusChange(ctx, requested);
    const lines = (data.sublists.item ??= []);
    if (lines.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must enter at least one line item for this transaction.');
    keyLines(lines, ctx.old?.sublists.item ?? []);
    protectDoneLines(data, ctx.old, 'item', ['quantityfulfilled', 'quantitypicked', 'quantitypacked', 'quantitybilled']);
    deriveLineFields(db, lines);
    const before = String(ctx.old?.fields.orderstatus ?? '');
    const wasTerminal = before === 'C' || before === 'H';
    if (ctx.event === 'cancel') {
      // Fulfilments in any ship status (Picked/Packed too) stop the order from being cancelled.
      if (lines.some((l) => num(l.quantitypicked) > 0)) fail(E.INVALID_STATUS_CHANGE, 'This sales order has item fulfillments; delete them before cancelling the order.');
      setOrderStatus(data, 'C');
    } else if (before === 'C') {
      setOrderStatus(data, 'C');
    } else {
      setOrderStatus(data, requested === 'A' ? 'A' : wasTerminal ? 'B' : requested);
      refreshSalesOrderStatus(data);
    }
    computeTotals('salesorder', data);
    return (id) => recommitSalesOrder(db, id, data);
  },
  prepareDelete(db, id, data) {
    if ((data.sublists.item ?? []).some((l) => num(l.quantitypicked) > 0 || num(l.quantityfulfilled) > 0 || num(l.quantitybilled) > 0)) {
      fail(E.RECORD_IN_USE, 'This sales order has fulfilments and cannot be deleted.');
    }
    return () => db.inventory.releaseAll(id);
  },
};

export function startOfToday(db: DataAccess): Date {
  const now = db.clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
