/**
 * Order drift: an order sent to Scend and not finished in NetSuite, compared with its live Scend
 * status. Pure: (order, what Scend said, now, settings) → a finding or null (aligned).
 */
import type { Order, OrderStatus } from '../../scend/contract';
import type { DriftFinding } from './drift-kinds';

/** NetSuite sales order status letters (search/SuiteQL `status`). */
export const NS_PENDING = ['B', 'D', 'E'] as const;
export const NS_CANCELLED_OR_CLOSED = ['C', 'H'] as const;

export interface OpenSentOrder {
  ledgerId: string;
  transactionId: string;
  orderNumber: string;
  clientReference: string;
  scendId: string;
  /** Sales order status letter: B pending fulfilment, D/E partly fulfilled, C cancelled, H closed. */
  nsStatus: string;
}

export type ScendView = { found: true; order: Pick<Order, 'Status' | 'StatusChangedAt' | 'OrderId'> } | { found: false };

/** How long Scend may hold an order in each live status before it counts as stuck (minutes). */
export type StatusSla = Partial<Record<OrderStatus, number>>;

export const DEFAULT_SLA: StatusSla = {
  RECEIVED: 24 * 60,
  RELEASED: 24 * 60,
  PICKING: 8 * 60,
  PACKING: 8 * 60,
  PACKED: 24 * 60,
  ON_HOLD: 48 * 60,
};

export interface OrderDriftSettings {
  /** Minutes after Scend's despatch before a missing NetSuite fulfilment is drift (the despatch import's lag). */
  despatchGraceMinutes: number;
  sla: StatusSla;
}

export const DEFAULT_ORDER_DRIFT: OrderDriftSettings = { despatchGraceMinutes: 60, sla: DEFAULT_SLA };

const minutesSince = (iso: string, now: Date): number => (now.getTime() - Date.parse(iso)) / 60_000;

export type OrderDriftDecision =
  | { kind: 'aligned' }
  /** Both sides cancelled: the ledger should say so too, which also takes the order out of open work. */
  | { kind: 'bothCancelled' }
  | { kind: 'drift'; finding: DriftFinding };

export function decideOrderDrift(order: OpenSentOrder, scend: ScendView, now: Date, settings: OrderDriftSettings = DEFAULT_ORDER_DRIFT): OrderDriftDecision {
  const base = { subjectId: order.transactionId, transactionId: order.transactionId, scendReference: order.scendId };
  const nsCancelled = (NS_CANCELLED_OR_CLOSED as readonly string[]).indexOf(order.nsStatus) >= 0;
  if (!scend.found) {
    if (nsCancelled) return { kind: 'aligned' };
    return {
      kind: 'drift',
      finding: {
        ...base,
        kind: 'unknownToScend',
        message:
          `Order ${order.orderNumber} is recorded as sent to Scend (order ${order.scendId}), but Scend does not know that order. ` +
          `Nothing will ship. Check in Scend whether it was deleted; to send it again, ask an administrator to set its ledger state to Waiting to retry (the backlog looks the reference ${order.clientReference} up first).`,
      },
    };
  }
  const status = scend.order.Status;
  const age = minutesSince(scend.order.StatusChangedAt, now);
  if (nsCancelled) {
    if (status === 'CANCELLED') return { kind: 'bothCancelled' };
    return {
      kind: 'drift',
      finding: {
        ...base,
        kind: 'cancelledInNetSuiteOnly',
        message:
          `Order ${order.orderNumber} is cancelled or closed in NetSuite but live in Scend (${status}). ` +
          (status === 'DESPATCHED'
            ? 'Scend has despatched it: do not refund; raise a return or reopen the order.'
            : 'Cancel it in Scend before it ships, or reopen the order in NetSuite if it should ship.'),
      },
    };
  }
  if (status === 'CANCELLED') {
    return {
      kind: 'drift',
      finding: {
        ...base,
        kind: 'cancelledInScendOnly',
        message: `Order ${order.orderNumber} was cancelled in Scend but is still open in NetSuite. Ask the warehouse why; then cancel or close the order in NetSuite, or create it again in Scend by reopening it.`,
      },
    };
  }
  if (status === 'DESPATCHED') {
    if (age < settings.despatchGraceMinutes) return { kind: 'aligned' };
    return {
      kind: 'drift',
      finding: {
        ...base,
        kind: 'despatchedNotFulfilled',
        message:
          `Scend despatched order ${order.orderNumber} ${Math.round(age)} minutes ago, but NetSuite has no full fulfilment for it. ` +
          `Check the despatch import (operations dashboard, feed lag); if it is running, fulfil the order from Scend's despatch.`,
      },
    };
  }
  const sla = settings.sla[status];
  if (sla !== undefined && age > sla) {
    return {
      kind: 'drift',
      finding: {
        ...base,
        kind: 'stuckInStatus',
        message: `Order ${order.orderNumber} has been ${status} in Scend for ${Math.round(age / 60)} hours (allowed ${Math.round(sla / 60)}). Ask the warehouse what is holding it.`,
        details: `status=${status} since ${scend.order.StatusChangedAt}`,
      },
    };
  }
  return { kind: 'aligned' };
}

export interface UnsentApprovedOrder {
  transactionId: string;
  orderNumber: string;
  /** When the order was last changed (approval is a change). */
  lastModified: Date;
}

/** Approved with no ledger entry after the grace: neither the user event nor the backlog took it. */
export function decideNeverSent(order: UnsentApprovedOrder, now: Date, graceMinutes: number): DriftFinding | null {
  if (now.getTime() - order.lastModified.getTime() < graceMinutes * 60_000) return null;
  return {
    kind: 'neverSent',
    subjectId: order.transactionId,
    transactionId: order.transactionId,
    message:
      `Order ${order.orderNumber} is approved but has never been queued for Scend. The order backlog (every 15 minutes) should have sent it: ` +
      `check that its deployment is Scheduled (setup audit) and that its last runs succeeded.`,
  };
}
