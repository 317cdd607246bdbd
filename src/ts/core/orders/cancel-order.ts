/**
 * Someone is cancelling or closing an order (or all its warehouse lines) in NetSuite. If Scend may
 * have it, Scend must stop it first; the caller refuses the NetSuite change when told to.
 */
import { CancelTooLateError, isScendError } from '../../scend/errors';
import type { LedgerEntry } from '../sync/ledger';
import { decideCancellation, type CancelAnswer, type CancelDecision } from './cancellation';
import { cancelConflictException, cancelUnverifiedException, type OrderRef } from './order-exceptions';
import type { OrderPorts } from './ports';
import type { CancelSettings } from './settings';

function ask(entry: LedgerEntry, ports: OrderPorts): { answer: CancelAnswer; scendId?: string } {
  let scendId = entry.scendId;
  try {
    if (!scendId) {
      // Sent or maybe sent without a known id: the ClientReference says whether Scend has it.
      const found = ports.scend.findOrdersByClientReference(entry.clientReference);
      if (found.length === 0) return { answer: { kind: 'cancelled' } };
      scendId = found[0].OrderId;
    }
    ports.scend.cancelOrder(scendId);
    return { answer: { kind: 'cancelled' }, scendId };
  } catch (e) {
    if (!isScendError(e)) throw e;
    if (e instanceof CancelTooLateError) return { answer: { kind: 'too-late', status: e.orderStatus }, scendId };
    return { answer: { kind: 'unreachable', reason: e.code }, scendId };
  }
}

export function cancelOrder(
  entry: LedgerEntry | undefined,
  order: OrderRef,
  settings: CancelSettings,
  now: Date,
  ports: OrderPorts,
): CancelDecision {
  if (!entry || entry.state === 'cancelled' || entry.state === 'skipped') return { kind: 'proceed' };
  if (entry.state === 'blocked' || entry.state === 'retrying') {
    // Never reached Scend: stop the backlog from sending it.
    ports.ledger.update(entry.id, { state: 'cancelled', nextAttemptAt: null });
    return { kind: 'proceed' };
  }
  const { answer, scendId } = ask(entry, ports);
  const decision = decideCancellation(answer, settings.unreachablePolicy);
  const ref = { ...order, clientReference: entry.clientReference };
  switch (decision.kind) {
    case 'proceed':
      ports.ledger.update(entry.id, { state: 'cancelled', scendStatus: 'CANCELLED', nextAttemptAt: null, ...(scendId ? { scendId } : {}) });
      return decision;
    case 'proceed-and-flag':
      ports.ledger.update(entry.id, { state: 'cancelled', nextAttemptAt: null, lastError: `cancel not confirmed by Scend: ${decision.reason}` });
      ports.exceptions.raise(cancelUnverifiedException(ref, decision.reason), now);
      return decision;
    case 'refuse':
      if (decision.conflict) {
        const status = answer.kind === 'too-late' ? answer.status ?? 'PACKING' : 'unknown';
        ports.ledger.update(entry.id, { scendStatus: status });
        ports.exceptions.raise(cancelConflictException(ref, status, scendId ?? ''), now);
      }
      return decision;
    default: {
      const unreachable: never = decision;
      return unreachable;
    }
  }
}
