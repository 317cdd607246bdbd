/**
 * Two NetSuite orders, one customer PO: with the PO number as ClientReference, Scend (and the
 * lookup that guards retries) would treat them as one order. NetSuite keeps External IDs and
 * document numbers unique but not PO numbers, so where the reference may repeat, a send that has
 * just claimed its entry first asks the ledger (a NetSuite search) who else holds the reference.
 *
 * The order is held when another order's entry holds it and that order may be in Scend (sent, or
 * a send in flight or unresolved), or was queued first (a lower entry id). The rule is race-safe:
 * both claims are committed before either searches, and of two orders racing the one queued first
 * never waits on the other; the later one is held with an exception naming both. Once the PO is
 * made distinct on the order (or the other is cancelled) the next save or backlog run sends it.
 */
import { BLOCKED_RECHECK_MS } from '../sync/ledger';
import type { SyncState } from '../sync/ledger';
import { referenceMayRepeat } from './client-reference';
import { duplicateReferenceException } from './data-exceptions';
import type { PushPlan } from './plan-push';
import type { OrderPorts, ReferenceHolder } from './ports';
import type { PushInput, PushOutcome } from './push-order';

/** States whose order may be in Scend under the reference (or is being sent now). */
const MAY_HOLD_IN_SCEND: readonly SyncState[] = ['sent', 'sending', 'retrying', 'failed'];

const queuedEarlier = (holder: ReferenceHolder, entryId: string): boolean => {
  const a = Number(holder.entryId);
  const b = Number(entryId);
  return Number.isFinite(a) && Number.isFinite(b) ? a < b : holder.entryId < entryId;
};

/** The other order that holds this reference first, if any. */
export function referenceHolderBefore(holders: readonly ReferenceHolder[], orderId: string, entryId: string): ReferenceHolder | undefined {
  return holders.find(
    (h) =>
      h.transactionId !== orderId &&
      h.state !== 'cancelled' &&
      h.state !== 'skipped' &&
      (MAY_HOLD_IN_SCEND.indexOf(h.state) >= 0 || !!h.scendId || queuedEarlier(h, entryId)),
  );
}

/**
 * For an entry this actor has just claimed for a POST (`attempts` counted): holds it instead when
 * another order holds the reference. The claim's attempt is handed back (nothing was sent).
 */
export function holdIfReferenceTaken(
  ports: OrderPorts,
  entryId: string,
  attempts: number,
  plan: Extract<PushPlan, { kind: 'send' }>,
  input: PushInput,
): PushOutcome | undefined {
  if (!referenceMayRepeat(input.settings.referenceSource) || !ports.references) return undefined;
  const other = referenceHolderBefore(ports.references.holders(plan.clientReference), input.order.id, entryId);
  if (!other) return undefined;
  const { order, now } = input;
  ports.ledger.update(entryId, {
    state: 'blocked',
    attempts: Math.max(0, attempts - 1),
    nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS),
    lastError: `reference ${plan.clientReference} is held by ${other.orderLabel}`,
  });
  const draft = duplicateReferenceException({ id: order.id, tranId: order.tranId, clientReference: plan.clientReference }, { id: other.transactionId, label: other.orderLabel });
  ports.exceptions.raise(draft, now);
  return { kind: 'blocked', exceptions: [draft.type] };
}
