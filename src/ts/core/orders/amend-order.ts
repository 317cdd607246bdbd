/**
 * An order Scend already has was edited in NetSuite. If what Scend would ship changed, amend it
 * while Scend allows (RECEIVED); after that, an operations exception says what differs.
 */
import { AmendTooLateError, isScendError } from '../../scend/errors';
import { describeError } from '../sync/send-failure';
import type { LedgerEntry } from '../sync/ledger';
import { amendableHash, amendableOf, diffOrder } from './amendment';
import { amendConflictException } from './order-exceptions';
import { planPush } from './plan-push';
import type { OrderPorts } from './ports';
import type { PushInput } from './push-order';

export type AmendOutcome =
  | { kind: 'unchanged' }
  | { kind: 'amended' }
  | { kind: 'conflict'; differences: string[] }
  | { kind: 'deferred'; error: string };

export function amendSentOrder(entry: LedgerEntry, input: PushInput, ports: OrderPorts): AmendOutcome {
  const { order, items, settings, now } = input;
  const scendId = entry.scendId as string;
  const ref = { id: order.id, tranId: order.tranId, clientReference: entry.clientReference };
  // The go-live cutoff decides what is first sent, never what happens to an order Scend already has.
  const plan = planPush(order, items, { ...settings, goLiveDate: null }, now);
  if (plan.kind !== 'send') {
    const why = plan.kind === 'nothing-physical' ? 'the order no longer has anything for the warehouse to ship' : plan.exceptions.map((e) => e.message).join(' ');
    ports.exceptions.raise(amendConflictException(ref, entry.scendStatus ?? 'unknown', [why]), now);
    return { kind: 'conflict', differences: [why] };
  }
  const hash = amendableHash(plan.body);
  if (hash === entry.payloadHash) return { kind: 'unchanged' };
  try {
    const amended = ports.scend.amendOrder(scendId, amendableOf(plan.body));
    ports.ledger.update(entry.id, { payloadHash: hash, scendStatus: amended.Status, lastError: null });
    return { kind: 'amended' };
  } catch (e) {
    if (!isScendError(e)) throw e;
    if (!(e instanceof AmendTooLateError)) {
      ports.ledger.update(entry.id, { lastError: describeError(e) });
      ports.exceptions.raise(amendConflictException(ref, entry.scendStatus ?? 'unknown', [`Scend could not be updated (${e.code}); the change has not reached the warehouse`]), now);
      return { kind: 'deferred', error: describeError(e) };
    }
    let differences: string[];
    let status: string = e.orderStatus ?? entry.scendStatus ?? 'unknown';
    try {
      const actual = ports.scend.getOrder(scendId);
      status = actual.Status;
      differences = diffOrder(plan.body, actual);
    } catch (inner) {
      if (!isScendError(inner)) throw inner;
      differences = ['the order changed in NetSuite (Scend could not be read to say exactly what)'];
    }
    ports.ledger.update(entry.id, { scendStatus: status });
    if (differences.length === 0) {
      ports.ledger.update(entry.id, { payloadHash: hash });
      return { kind: 'unchanged' };
    }
    ports.exceptions.raise(amendConflictException(ref, status, differences), now);
    return { kind: 'conflict', differences };
  }
}
