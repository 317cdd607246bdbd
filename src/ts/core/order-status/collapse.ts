/**
 * Order events, collapsed: a page of events becomes the latest status per order (by Seq, so a late
 * event never wins over a newer one), and only orders whose stored status is older and different
 * are written — one ledger write per order per batch, however many events it had.
 */
import type { OrderEvent, OrderStatus } from '../../scend/contract';
import type { SyncState } from '../sync/ledger';

export interface LatestStatus {
  orderId: string;
  clientReference: string;
  status: OrderStatus;
  seq: number;
  at: string;
  /** Events of this order in the batch. */
  events: number;
}

export function collapseEvents(events: readonly OrderEvent[]): LatestStatus[] {
  const latest = new Map<string, LatestStatus>();
  for (const e of events) {
    const had = latest.get(e.OrderId);
    if (!had) latest.set(e.OrderId, { orderId: e.OrderId, clientReference: e.ClientReference, status: e.Status, seq: e.Seq, at: e.At, events: 1 });
    else {
      had.events += 1;
      if (e.Seq > had.seq) Object.assign(had, { status: e.Status, seq: e.Seq, at: e.At, clientReference: e.ClientReference });
    }
  }
  return Array.from(latest.values());
}

/** A ledger row as the status sync reads it. */
export interface LedgerStatusRow {
  ledgerId: string;
  salesOrderId: string;
  scendId: string;
  state: SyncState | undefined;
  /** The stored Scend status ('' when none). */
  status: string;
  /** Seq of the event it came from (0 when none). */
  seq: number;
}

export interface StatusChange {
  ledgerId: string;
  salesOrderId: string;
  orderId: string;
  from: string;
  to: OrderStatus;
  seq: number;
  at: string;
  /** The ledger says NetSuite asked Scend to cancel: Scend's CANCELLED is the answer, not news. */
  cancelledByNetSuite: boolean;
}

export function planStatusChanges(latest: readonly LatestStatus[], rows: readonly LedgerStatusRow[]): { changes: StatusChange[]; unknownOrders: string[] } {
  const byScendId = new Map(rows.map((r) => [r.scendId, r]));
  const changes: StatusChange[] = [];
  const unknownOrders: string[] = [];
  for (const l of latest) {
    const row = byScendId.get(l.orderId);
    if (!row) {
      unknownOrders.push(l.orderId);
      continue;
    }
    if (l.seq <= row.seq || l.status === row.status) continue;
    changes.push({
      ledgerId: row.ledgerId,
      salesOrderId: row.salesOrderId,
      orderId: l.orderId,
      from: row.status,
      to: l.status,
      seq: l.seq,
      at: l.at,
      cancelledByNetSuite: row.state === 'cancelled',
    });
  }
  return { changes, unknownOrders };
}
