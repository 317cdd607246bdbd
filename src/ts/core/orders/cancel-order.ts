/**
 * Cancelling or closing an order Scend may hold, in two steps so that both systems agree whatever
 * fails:
 * - before the save (`checkCancel`): ask Scend for the order's live status and refuse the NetSuite
 *   change if the warehouse is already packing it, if Scend cannot be reached (unless configured to
 *   allow and flag), or while a POST of the order is in flight; nothing is changed on either side;
 * - after the save committed (`cancelInScend`): cancel it in Scend and mark the ledger. If Scend
 *   moved on in between, or cannot be reached now, customer service gets an exception and the
 *   ledger stays open (`retrying`) so the backlog cancels it in Scend later.
 */
import { CANCELLABLE_STATUSES, type Order } from '../../scend/contract';
import { CancelTooLateError, isScendError } from '../../scend/errors';
import { ORDER_BLOCKING_TYPES } from '../exceptions/exception';
import { nextAttemptAt } from '../sync/backoff';
import { isDue, mayBeInScend, type LedgerEntry } from '../sync/ledger';
import { describeError } from '../sync/send-failure';
import { decideCancellation, type CancelAnswer, type CancelDecision } from './cancellation';
import { cancelConflictException, cancelLostRaceException, cancelUnverifiedException, type OrderRef } from './order-exceptions';
import type { OrderPorts } from './ports';
import { matchScendOrders } from './scend-match';
import type { SalesOrderSnapshot } from './sales-order';
import type { CancelSettings } from './settings';

export const IN_FLIGHT_MESSAGE =
  'This order is being sent to the warehouse right now, so it cannot be cancelled or closed this minute. ' +
  'Try again in a minute or two; nothing was changed.';

/** The live Scend orders that are this sales order (by its id, else by reference). */
function liveOrders(entry: LedgerEntry, order: Pick<SalesOrderSnapshot, 'tranId' | 'lines'> | undefined, ports: OrderPorts): Order[] {
  if (entry.scendId) {
    const o = ports.scend.getOrder(entry.scendId);
    return o.Status === 'CANCELLED' ? [] : [o];
  }
  const found = ports.scend.findOrdersByClientReference(entry.clientReference);
  if (!order) return found.filter((o) => o.Status !== 'CANCELLED');
  const match = matchScendOrders(found, order);
  return match.kind === 'one' ? [match.order] : match.kind === 'many' ? match.orders : [];
}

const tooLate = (o: Order): boolean => (CANCELLABLE_STATUSES as readonly string[]).indexOf(o.Status) < 0;

/** Before the save: may NetSuite cancel or close this order? Changes nothing in Scend or the ledger. */
export function checkCancel(
  entry: LedgerEntry | undefined,
  order: OrderRef & { snapshot?: Pick<SalesOrderSnapshot, 'tranId' | 'lines'> },
  settings: CancelSettings,
  now: Date,
  ports: OrderPorts,
): CancelDecision {
  if (!entry || entry.state === 'cancelled' || entry.state === 'skipped') return { kind: 'proceed' };
  // Claimed for a POST that has not answered yet (a failed attempt records lastError).
  if (entry.state === 'sending' && !isDue(entry, now) && !entry.lastError) return { kind: 'refuse', message: IN_FLIGHT_MESSAGE, conflict: false };
  if (!mayBeInScend(entry)) return { kind: 'proceed' };
  let answer: CancelAnswer;
  let late: Order | undefined;
  try {
    late = liveOrders(entry, order.snapshot, ports).find(tooLate);
    answer = late ? { kind: 'too-late', status: late.Status } : { kind: 'cancelled' };
  } catch (e) {
    if (!isScendError(e)) throw e;
    answer = { kind: 'unreachable', reason: e.code };
  }
  const decision = decideCancellation(answer, settings.unreachablePolicy);
  if (decision.kind === 'refuse' && decision.conflict && late) {
    const ref = { ...order, clientReference: entry.clientReference };
    ports.ledger.update(entry.id, { scendStatus: late.Status });
    ports.exceptions.raise(cancelConflictException(ref, late.Status, late.OrderId), now);
  }
  return decision;
}

export type CancelOutcome =
  | { kind: 'not-in-scend' }
  | { kind: 'cancelled'; scendIds: string[] }
  | { kind: 'too-late'; status: string }
  | { kind: 'pending'; reason: string }
  | { kind: 'in-flight' };

/**
 * After NetSuite committed a cancel or close (user event afterSubmit, or the backlog finding a
 * closed order whose Scend side is still open): stop it in Scend and close the ledger entry.
 */
export function cancelInScend(
  entry: LedgerEntry,
  order: OrderRef & { snapshot?: Pick<SalesOrderSnapshot, 'tranId' | 'lines'> },
  now: Date,
  ports: OrderPorts,
): CancelOutcome {
  const ref = { ...order, clientReference: entry.clientReference };
  if (entry.state === 'cancelled' || entry.state === 'skipped') return { kind: 'not-in-scend' };
  if (!mayBeInScend(entry)) {
    if (!ports.ledger.claim(entry, { state: 'cancelled', nextAttemptAt: null })) return { kind: 'in-flight' };
    ports.exceptions.resolveForTransaction(order.id, ORDER_BLOCKING_TYPES, now);
    return { kind: 'not-in-scend' };
  }
  const cancelled: string[] = [];
  try {
    for (const o of liveOrders(entry, order.snapshot, ports)) {
      ports.scend.cancelOrder(o.OrderId);
      cancelled.push(o.OrderId);
    }
  } catch (e) {
    if (e instanceof CancelTooLateError) {
      const status = e.orderStatus ?? 'PACKING';
      ports.ledger.update(entry.id, { state: 'sent', scendStatus: status, nextAttemptAt: null, lastError: `cancelled in NetSuite; Scend was already ${status}` });
      ports.exceptions.raise(cancelLostRaceException(ref, status, entry.scendId ?? ''), now);
      return { kind: 'too-late', status };
    }
    if (!isScendError(e)) throw e;
    // Scend did not answer: keep the entry open so the backlog cancels it there later.
    ports.ledger.update(entry.id, { state: 'retrying', lastError: `cancel pending: ${describeError(e)}`, nextAttemptAt: nextAttemptAt(Math.max(1, entry.attempts), now) });
    ports.exceptions.raise(cancelUnverifiedException(ref, e.code), now);
    return { kind: 'pending', reason: e.code };
  }
  ports.ledger.update(entry.id, { state: 'cancelled', scendStatus: 'CANCELLED', nextAttemptAt: null, lastError: null, ...(cancelled.length === 1 && !entry.scendId ? { scendId: cancelled[0] } : {}) });
  ports.exceptions.resolveForTransaction(order.id, [...ORDER_BLOCKING_TYPES, 'cancelConflict', 'duplicateRisk'], now);
  return { kind: 'cancelled', scendIds: cancelled };
}
