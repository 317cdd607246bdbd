/** Helpers for the despatch and status end-to-end tests: orders sent to Scend, fulfilments read back. */
import { RECORDS } from '../../src/ts/ids';
import { approve, createOrder, type OrderWorld } from '../orders/support/order-world';

export interface SentOrder {
  id: string;
  scendId: string;
  ref: string;
}

/** Creates and approves an order (the user event sends it) and returns its Scend OrderId. */
export async function sendOrder(w: OrderWorld, ref: string, lines: Array<{ item: number; quantity: number }>): Promise<SentOrder> {
  const id = createOrder(w, { lines, externalid: ref });
  approve(w, id);
  const orders = await w.scendOrders(ref);
  if (orders.length !== 1) throw new Error(`expected one Scend order for ${ref}, got ${orders.length}`);
  return { id, scendId: orders[0].OrderId, ref };
}

export interface FulfilmentView {
  id: number;
  externalid: string;
  shipstatus: string;
  lines: Array<{ orderline: number; quantity: number }>;
  packages: Array<{ tracking: string; weight: unknown }>;
  tracking: unknown;
  shipmethod: unknown;
}

export function fulfilmentsOf(w: OrderWorld, salesOrderId: string): FulfilmentView[] {
  const out: FulfilmentView[] = [];
  for (const rec of Array.from(w.db.store.ofType('itemfulfillment'))) {
    if (String(rec.data.fields.createdfrom) !== String(salesOrderId)) continue;
    out.push({
      id: rec.id,
      externalid: String(rec.data.fields.externalid ?? ''),
      shipstatus: String(rec.data.fields.shipstatus),
      lines: (rec.data.sublists.item ?? []).filter((l) => l.itemreceive !== false).map((l) => ({ orderline: Number(l.orderline), quantity: Number(l.quantity) })),
      packages: (rec.data.sublists.package ?? []).map((p) => ({ tracking: String(p.packagetrackingnumber), weight: p.packageweight })),
      tracking: rec.data.fields.custbody_scend_tracking,
      shipmethod: rec.data.fields.shipmethod,
    });
  }
  return out;
}

export function allFulfilments(w: OrderWorld): string[] {
  return Array.from(w.db.store.ofType('itemfulfillment')).map((r) => String(r.data.fields.externalid ?? ''));
}

export function ledgerRow(w: OrderWorld, salesOrderId: string): { id: number; scendStatus: unknown; seq: unknown } {
  const F = RECORDS.sync.fields;
  const rec = Array.from(w.db.store.ofType(RECORDS.sync.id)).find((r) => String(r.data.fields[F.transaction]) === String(salesOrderId));
  if (!rec) throw new Error(`no ledger row for ${salesOrderId}`);
  return { id: rec.id, scendStatus: rec.data.fields[F.scendStatus], seq: rec.data.fields[F.statusSeq] };
}
