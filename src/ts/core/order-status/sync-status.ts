/**
 * Applies one order's collapsed status change: the ledger row's Scend status (one write), and the
 * exceptions customer service needs (Scend cancelled it, or holds it; a hold resolves when lifted).
 */
import type { ExceptionDraft } from '../exceptions/exception';
import type { StatusChange } from './collapse';
import { lostOrderException, onHoldKey, scendCancelledException, scendOnHoldException, type LostOrder } from './status-exceptions';

export interface StatusPorts {
  ledger: { setStatus(ledgerId: string, status: string, seq: number | undefined): void };
  exceptions: { raise(draft: ExceptionDraft, now: Date): unknown; resolve(dedupeKey: string, now: Date): number };
}

export function applyStatusChange(c: StatusChange, ports: StatusPorts, now: Date): void {
  ports.ledger.setStatus(c.ledgerId, c.to, c.seq);
  if (c.to === 'CANCELLED' && !c.cancelledByNetSuite) ports.exceptions.raise(scendCancelledException(c), now);
  if (c.to === 'ON_HOLD') ports.exceptions.raise(scendOnHoldException(c), now);
  else if (c.from === 'ON_HOLD') ports.exceptions.resolve(onHoldKey(c.salesOrderId), now);
}

/** The status a ledger row gets when Scend says it never heard of the order. */
export const LOST_STATUS = 'NOT_FOUND';
/** A sent order with no event for this long is asked about. */
export const LOST_AFTER_MS = 24 * 60 * 60 * 1000;

export type LostCheck = { found: true; status: string } | { found: false; why: string };

/** Re-checks an order Scend may have lost; either its real status is stored, or it is surfaced once. */
export function recheckLostOrder(o: LostOrder, check: LostCheck, ports: StatusPorts, now: Date): 'found' | 'lost' {
  if (check.found) {
    ports.ledger.setStatus(o.ledgerId, check.status, undefined);
    return 'found';
  }
  ports.ledger.setStatus(o.ledgerId, LOST_STATUS, undefined);
  ports.exceptions.raise(lostOrderException(o, check.why), now);
  return 'lost';
}
