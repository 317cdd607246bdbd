/**
 * Invoices (from sales orders) and credit memos (from return authorizations) by record.transform, or
 * standalone. NetSuite Help: "Invoicing Sales Orders", "Sales Order Statuses", "Issuing a Refund for
 * a Return". A line billed from an order line raises its `quantitybilled`; an order line can be billed
 * for what has been fulfilled (received, for returns) and not yet billed — items that are never
 * fulfilled (services, charges) for their ordered quantity; more is QTY_EXCEEDS_REMAINING. The order's
 * status follows (E/F -> D/G). Editing or deleting the bill applies the difference.
 */
import type { Behaviour, DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { deriveLineFields, keyLines } from './order-lines';
import { billableQty } from './order-status';
import { refreshReceivingStatus } from './purchasing';
import { recommitSalesOrder, refreshSalesOrderStatus, setOrderStatus, startOfToday } from './sales-order';
import { INVOICE_STATUS } from './standard-types';
import type { Line, RecordData, StoredRecord } from './store';
import { computeTotals } from './totals';
import { clone } from './values';

const SOURCE: Record<string, { type: string; doneField: string }> = {
  invoice: { type: 'salesorder', doneField: 'quantityfulfilled' },
  creditmemo: { type: 'returnauthorization', doneField: 'quantityreceived' },
};

/** Order statuses a bill can be made from (something may be billable). */
export const BILLABLE_STATUSES = new Set(['B', 'D', 'E', 'F']);

/** What each open order line can still be billed for. */
export function billLines(from: StoredRecord, doneField: string): Line[] {
  const out: Line[] = [];
  for (const l of from.data.sublists.item ?? []) {
    const qty = billableQty(l, doneField) - num(l.quantitybilled);
    if (qty <= 1e-9) continue;
    const rate = l.rate === undefined || l.rate === '' ? undefined : num(l.rate);
    const amount = rate === undefined ? (num(l.quantity) ? Math.round((num(l.amount) * qty * 100) / num(l.quantity)) / 100 : 0) : Math.round(rate * qty * 100) / 100;
    out.push({ item: l.item, quantity: qty, rate: rate ?? '', amount, description: l.description ?? '', location: l.location ?? '', orderline: l.line, itemtype: l.itemtype ?? '' });
  }
  return out;
}

const billedBy = (data: RecordData | undefined): Map<number, number> => {
  const m = new Map<number, number>();
  for (const l of data?.sublists.item ?? []) if (l.orderline !== undefined && l.orderline !== '') m.set(Number(l.orderline), (m.get(Number(l.orderline)) ?? 0) + num(l.quantity));
  return m;
};

function plan(db: DataAccess, type: string, old: RecordData | undefined, next: RecordData | undefined): (() => void) | void {
  const data = next ?? old!;
  const srcId = idOf(data.fields.createdfrom);
  if (srcId === null) return;
  const spec = SOURCE[type]!;
  const src = db.store.get(spec.type, srcId);
  if (!src) return fail(E.INVALID_INITIALIZE_REF, `Created From ${srcId} is not a ${spec.type}.`);
  const before = billedBy(old);
  const after = billedBy(next);
  const srcLines = new Map((src.data.sublists.item ?? []).map((l) => [Number(l.line), l]));
  for (const [key, qty] of after) {
    const ol = srcLines.get(key);
    if (!ol) fail(E.INVALID_VALUE, `Order line ${key} is no longer on ${spec.type} ${src.id}.`);
    const remaining = billableQty(ol!, spec.doneField) - num(ol!.quantitybilled) + (before.get(key) ?? 0);
    if (qty > remaining + 1e-9) fail(E.QTY_EXCEEDS_REMAINING, `You cannot bill ${qty} of order line ${key}: only ${remaining} can be billed (fulfilled/received and not yet billed).`);
  }
  return () => {
    const srcData = clone(src.data);
    for (const l of srcData.sublists.item ?? []) {
      const k = Number(l.line);
      l.quantitybilled = Math.max(0, num(l.quantitybilled) + (after.get(k) ?? 0) - (before.get(k) ?? 0));
    }
    if (src.type === 'salesorder') {
      refreshSalesOrderStatus(srcData);
      recommitSalesOrder(db, src.id, srcData);
    } else refreshReceivingStatus(src.type, srcData);
    srcData.fields.lastmodifieddate = new Date(db.clock.now().getTime());
    db.store.put(db.registry.get(src.type), { type: src.type, id: src.id, data: srcData });
  };
}

const billBehaviour = (type: 'invoice' | 'creditmemo'): Behaviour => ({
  initialize(db, data) {
    if (type === 'invoice') setOrderStatus(data, 'A', INVOICE_STATUS, { A: 'open', B: 'paidInFull' });
    data.fields.trandate = startOfToday(db);
  },
  prepare(ctx) {
    const { db, data } = ctx;
    if (!ctx.isNew && String(ctx.old?.fields.createdfrom ?? '') !== String(data.fields.createdfrom ?? '')) fail(E.INVALID_VALUE, 'Created From cannot change.');
    const lines = (data.sublists.item ??= []);
    if (lines.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must enter at least one line item for this transaction.');
    keyLines(lines, ctx.old?.sublists.item ?? []);
    deriveLineFields(db, lines);
    for (const l of lines) if (num(l.quantity) <= 0) fail(E.INVALID_VALUE, `Quantity must be greater than zero (line ${String(l.line)}).`);
    computeTotals(type, data);
    return plan(db, type, ctx.old, data);
  },
  prepareDelete(db, _id, data) {
    return plan(db, type, data, undefined);
  },
});

export const invoiceBehaviour = billBehaviour('invoice');
export const creditMemoBehaviour = billBehaviour('creditmemo');
