/**
 * Body totals NetSuite computes on sales-type and purchase transactions: subtotal (sum of line
 * amounts), discounttotal (the body discount: a rate like "-10%" of the subtotal or a fixed "-5.00"),
 * taxtotal (sum of the lines' tax1amt; the sandbox has no tax engine), shippingcost and handlingcost
 * (set by the script or user) and total. Recomputed at save, and after line changes in dynamic mode.
 */
import { num } from './behaviour';
import type { RecordData } from './store';

/** Record types with the standard totals (fulfilments, receipts, adjustments and transfer orders have none). */
export const TOTALLED = new Set(['salesorder', 'purchaseorder', 'invoice', 'creditmemo', 'returnauthorization']);

const money = (n: number): number => Math.round(n * 100) / 100;

/** The body discount: "-10%" is a percentage of the subtotal, "-5" a fixed amount (NetSuite's discount rate field). */
export function discountOf(rate: unknown, subtotal: number): number {
  if (rate === undefined || rate === null || rate === '') return 0;
  const s = String(rate).trim();
  if (s.endsWith('%')) return money((subtotal * Number(s.slice(0, -1))) / 100);
  return money(Number(s));
}

export function computeTotals(type: string, data: RecordData): void {
  if (!TOTALLED.has(type)) return;
  const lines = data.sublists.item ?? [];
  const subtotal = money(lines.reduce((s, l) => s + num(l.amount), 0));
  const taxtotal = money(lines.reduce((s, l) => s + num(l.tax1amt), 0));
  const f = data.fields;
  const discounttotal = discountOf(f.discountrate, subtotal);
  f.subtotal = subtotal;
  f.taxtotal = taxtotal;
  f.discounttotal = discounttotal;
  f.total = money(subtotal + discounttotal + taxtotal + num(f.shippingcost) + num(f.handlingcost));
}
