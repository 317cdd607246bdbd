/**
 * One Scend receipt into NetSuite (a map key of the receipt import): the item receipt transformed
 * from the purchase/transfer order with the good units per line and their lots, externalid
 * `receipt:<ReceiptId>`; variances (damaged, over, unbookable lines) to finance. Expected bad data
 * becomes an exception, never an error. A clean receipt costs the transform (10) and the save (20);
 * one with a variance also an existence check (10) before the exception, so a redelivered receipt
 * raises nothing again.
 */
import type { Receipt } from '../../scend/contract';
import { planReceipt, type ReceivableLine } from '../../core/inbound/receipt-plan';
import { receiptVarianceException } from '../../core/inbound/inbound-exceptions';
import type { ExceptionSink } from '../../core/orders/ports';
import type { DocRef, ItemFact } from './receipt-source';
import { receiptExists, saveReceipt, startReceipt } from './item-receipt-writer';

export interface ReceiptWork {
  receipt: Receipt;
  doc?: DocRef;
  /** Facts of the items on this receipt, by item internal id. */
  items: Record<string, ItemFact>;
}

export type ReceiptOutcome = 'received' | 'duplicate' | 'variance-only' | 'nothing' | 'unknown-document';

export const receiptExternalId = (receiptId: string): string => `receipt:${receiptId}`;

export function importReceipt(work: ReceiptWork, exceptions: Pick<ExceptionSink, 'raise'>, now: Date): ReceiptOutcome {
  const { receipt, doc } = work;
  const externalId = receiptExternalId(receipt.ReceiptId);
  if (!doc) {
    const lines = receipt.Lines.map((l) => ({ lineRef: l.LineRef, sku: l.Sku, received: l.QuantityReceived, damaged: l.QuantityDamaged, booked: 0, over: 0, note: 'no ASN the connector sent has this ClientReference: nothing booked' }));
    exceptions.raise(receiptVarianceException(receipt, undefined, lines), now);
    return 'unknown-document';
  }
  const draft = startReceipt(doc.type, doc.id);
  const open: ReceivableLine[] = (draft?.lines ?? []).map((l) => ({
    orderLine: l.orderLine,
    itemId: l.itemId,
    sku: work.items[l.itemId]?.sku,
    remaining: l.remaining,
    lotTracked: !!work.items[l.itemId]?.lot,
    serialTracked: !!work.items[l.itemId]?.serial,
  }));
  // A line already fully received is still the document's line: what arrives for it is over.
  const known = new Set(open.map((l) => l.orderLine));
  for (const rl of receipt.Lines) {
    const item = Object.keys(work.items).find((id) => work.items[id].sku === rl.Sku);
    if (!known.has(rl.LineRef) && item) open.push({ orderLine: rl.LineRef, itemId: item, sku: rl.Sku, remaining: 0, lotTracked: work.items[item].lot, serialTracked: work.items[item].serial });
  }
  const plan = planReceipt(receipt, open);
  if (plan.variances.length) {
    if (receiptExists(externalId)) return 'duplicate';
    exceptions.raise(receiptVarianceException(receipt, doc.id, plan.variances), now);
  }
  if (!draft || plan.receive.length === 0) return plan.variances.length ? 'variance-only' : 'nothing';
  const memo = `Scend receipt ${receipt.ReceiptId} (ASN ${receipt.AsnId}) at ${receipt.ReceivedAt}`;
  const saved = saveReceipt(draft, externalId, memo, plan.receive);
  return saved.saved ? 'received' : 'duplicate';
}
