/**
 * Work Scend has booked that NetSuite may not have imported yet ("in flight"), as signed changes
 * to Scend's OnHand per SKU. The stock sync reads each feed from its stored position (without
 * moving it); every item newer than the position's lastItemAt is taken as not yet imported.
 *
 * - despatches: every parcel line leaves OnHand (Despatch has no warehouse: SKU-level);
 * - receipts: QuantityReceived - QuantityDamaged reach OnHand (damaged units go to Damaged);
 * - returns: RESTOCK lines reach OnHand (DAMAGED ones do not);
 * - stock movements: Quantity at its warehouse, except RETURN_RESTOCK, which the returns feed
 *   already carries (counting both would count a returned unit twice).
 */
import type { Despatch, Receipt, Return, StockMovement } from '../../scend/contract';

export type StockFeed = 'despatches' | 'receipts' | 'returns' | 'stock-movements';

export interface PendingMove {
  feed: StockFeed;
  /** DespatchId, ReceiptId, ReturnId or MovementId. */
  id: string;
  sku: string;
  /** Known for movements only; the other feeds name no warehouse. */
  warehouse?: string;
  /** Signed change to Scend's OnHand. */
  quantity: number;
  at: string;
}

export function despatchMoves(d: Despatch): PendingMove[] {
  const out: PendingMove[] = [];
  for (const parcel of d.Parcels ?? []) {
    for (const line of parcel.Lines ?? []) out.push({ feed: 'despatches', id: d.DespatchId, sku: line.Sku, quantity: -Number(line.Quantity), at: d.DespatchedAt });
  }
  return out;
}

export function receiptMoves(r: Receipt): PendingMove[] {
  return (r.Lines ?? []).map((l) => ({ feed: 'receipts' as const, id: r.ReceiptId, sku: l.Sku, quantity: Number(l.QuantityReceived) - Number(l.QuantityDamaged ?? 0), at: r.ReceivedAt }));
}

export function returnMoves(r: Return): PendingMove[] {
  return (r.Lines ?? []).filter((l) => l.Condition === 'RESTOCK').map((l) => ({ feed: 'returns' as const, id: r.ReturnId, sku: l.Sku, quantity: Number(l.Quantity), at: r.ReceivedAt }));
}

export function movementMoves(m: StockMovement): PendingMove[] {
  if (m.Reason === 'RETURN_RESTOCK') return [];
  return [{ feed: 'stock-movements', id: m.MovementId, sku: m.Sku, warehouse: m.Warehouse, quantity: m.Quantity, at: m.OccurredAt }];
}

/** Items a feed delivered after the stored position's lastItemAt (items at or before it count as imported). */
export function notYetImported(moves: PendingMove[], lastItemAt: Date | undefined): PendingMove[] {
  if (!lastItemAt) return moves;
  const t = lastItemAt.getTime();
  return moves.filter((m) => {
    const at = Date.parse(m.at);
    return isNaN(at) || at > t;
  });
}
