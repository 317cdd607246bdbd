/**
 * Pushing an approved sales order to Scend exactly once.
 *
 * The ledger entry is created (externalid = `order:<id>`) in state `sending` BEFORE the POST, so a
 * second actor gets DUP_RCRD instead of sending again. An entry found in `sending` or `failed`
 * may already be in Scend: its ClientReference is looked up before any new POST.
 */
import { isScendError, type ScendError } from '../../scend/errors';
import { ORDER_BLOCKING_TYPES, type ExceptionType } from '../exceptions/exception';
import { decideAfterSendFailure, describeError } from '../sync/send-failure';
import { nextAttemptAt } from '../sync/backoff';
import {
  BLOCKED_RECHECK_MS,
  IN_FLIGHT_GRACE_MS,
  isDue,
  orderLedgerKey,
  type LedgerEntry,
  type SyncState,
} from '../sync/ledger';
import { amendableHash } from './amendment';
import type { ItemCatalogue } from './items';
import { planPush, type PushPlan } from './plan-push';
import type { OrderPorts } from './ports';
import { isApprovedStatus, type SalesOrderSnapshot } from './sales-order';
import type { OrderSettings, RetrySettings } from './settings';

export type PushOutcome =
  | { kind: 'sent'; scendId: string; adopted: boolean }
  | { kind: 'skipped' }
  | { kind: 'blocked'; exceptions: ExceptionType[] }
  | { kind: 'deferred'; state: SyncState; error: string }
  | { kind: 'in-flight' }
  | { kind: 'not-approved' }
  | { kind: 'cancelled' }
  | { kind: 'done'; state: SyncState };

export type PushSettings = OrderSettings & RetrySettings;

export interface PushInput {
  order: SalesOrderSnapshot;
  items: ItemCatalogue;
  settings: PushSettings;
  now: Date;
}

const LOOKUP_STATES: readonly SyncState[] = ['sending', 'failed'];
const CLOSED_STATUSES = ['C', 'H'];

function refOf(order: SalesOrderSnapshot, clientReference: string) {
  return { id: order.id, tranId: order.tranId, clientReference };
}

function raiseAll(ports: OrderPorts, plan: Extract<PushPlan, { kind: 'blocked' }>, now: Date): ExceptionType[] {
  for (const e of plan.exceptions) ports.exceptions.raise(e, now);
  return plan.exceptions.map((e) => e.type);
}

/** POST the order for an entry already claimed (`sending`, attempts counted). */
function post(ports: OrderPorts, entryId: string, attempts: number, plan: Extract<PushPlan, { kind: 'send' }>, input: PushInput, hadHistory: boolean): PushOutcome {
  const { order, settings, now } = input;
  try {
    const created = ports.scend.createOrder(plan.body);
    ports.ledger.update(entryId, { state: 'sent', scendId: created.OrderId, scendStatus: created.Status, sentAt: now, nextAttemptAt: null, lastError: null });
    if (hadHistory) ports.exceptions.resolveForTransaction(order.id, ORDER_BLOCKING_TYPES, now);
    return { kind: 'sent', scendId: created.OrderId, adopted: false };
  } catch (e) {
    if (!isScendError(e)) throw e;
    const decision = decideAfterSendFailure({ attempts }, refOf(order, plan.clientReference), e, settings, now);
    ports.ledger.update(entryId, decision.patch);
    for (const x of decision.exceptions) ports.exceptions.raise(x, now);
    const state = decision.patch.state ?? 'sending';
    if (state === 'blocked') return { kind: 'blocked', exceptions: decision.exceptions.map((x) => x.type) };
    return { kind: 'deferred', state, error: describeError(e) };
  }
}

/**
 * A user event saw the order become approved. Common case: one ledger create, one POST, one
 * ledger update. When the entry already exists, its owner (or the backlog) decides.
 */
export function pushApprovedOrder(input: PushInput, ports: OrderPorts): PushOutcome {
  const { order, items, settings, now } = input;
  if (!isApprovedStatus(order.status)) return { kind: 'not-approved' };
  const plan = planPush(order, items, settings, now);
  const base = { key: orderLedgerKey(order.id), transactionId: order.id, clientReference: plan.clientReference };
  switch (plan.kind) {
    case 'nothing-physical': {
      const r = ports.ledger.create({ ...base, state: 'skipped', attempts: 0 });
      return r.created ? { kind: 'skipped' } : resumeExisting(input, ports);
    }
    case 'blocked': {
      const r = ports.ledger.create({ ...base, state: 'blocked', attempts: 0, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) });
      if (!r.created) return resumeExisting(input, ports);
      return { kind: 'blocked', exceptions: raiseAll(ports, plan, now) };
    }
    case 'send': {
      const r = ports.ledger.create({
        ...base,
        state: 'sending',
        attempts: 1,
        nextAttemptAt: new Date(now.getTime() + IN_FLIGHT_GRACE_MS),
        payloadHash: amendableHash(plan.body),
      });
      if (!r.created) return resumeExisting(input, ports);
      return post(ports, r.id, 1, plan, input, false);
    }
    default: {
      const unreachable: never = plan;
      return unreachable;
    }
  }
}

function resumeExisting(input: PushInput, ports: OrderPorts): PushOutcome {
  const entry = ports.ledger.find(orderLedgerKey(input.order.id));
  // Refused as a duplicate yet not found: another run is creating it right now.
  if (!entry) return { kind: 'in-flight' };
  return resumeOrder(entry, input, ports, { restarted: false });
}

/** Looks the ClientReference up in Scend; adopts the order if Scend has it. */
function lookup(entry: LedgerEntry, input: PushInput, ports: OrderPorts): PushOutcome | 'not-found' {
  const { now, order } = input;
  let found;
  try {
    found = ports.scend.findOrdersByClientReference(entry.clientReference);
  } catch (e) {
    if (!isScendError(e)) throw e;
    return deferLookup(entry, e, ports, now);
  }
  if (found.length === 0) return 'not-found';
  const first = found[0];
  ports.ledger.update(entry.id, { state: 'sent', scendId: first.OrderId, scendStatus: first.Status, sentAt: now, nextAttemptAt: null, lastError: null });
  ports.exceptions.resolveForTransaction(order.id, ORDER_BLOCKING_TYPES, now);
  return { kind: 'sent', scendId: first.OrderId, adopted: true };
}

function deferLookup(entry: LedgerEntry, e: ScendError, ports: OrderPorts, now: Date): PushOutcome {
  ports.ledger.update(entry.id, { lastError: describeError(e), nextAttemptAt: nextAttemptAt(entry.attempts, now) });
  return { kind: 'deferred', state: entry.state, error: describeError(e) };
}

export interface ResumeOptions {
  /** A map/reduce key running again after a restart: its own earlier claim is not someone else's. */
  restarted: boolean;
}

/**
 * Moves an existing entry forward (backlog retries, edits of blocked orders, restarts).
 * Never POSTs for an entry that may already be in Scend without looking it up first.
 */
export function resumeOrder(entry: LedgerEntry, input: PushInput, ports: OrderPorts, options: ResumeOptions): PushOutcome {
  const { order, items, settings, now } = input;
  switch (entry.state) {
    case 'sent':
    case 'cancelled':
    case 'skipped':
    case 'blocked':
    case 'retrying':
    case 'sending':
    case 'failed':
      break;
    default: {
      const unreachable: never = entry.state;
      return unreachable;
    }
  }
  if (entry.state === 'sent' || entry.state === 'cancelled') return { kind: 'done', state: entry.state };
  if (entry.state === 'sending' && !isDue(entry, now) && !options.restarted) return { kind: 'in-flight' };

  if (LOOKUP_STATES.indexOf(entry.state) >= 0) {
    const looked = lookup(entry, input, ports);
    if (looked !== 'not-found') return looked;
  }

  if (CLOSED_STATUSES.indexOf(order.status) >= 0) {
    ports.ledger.update(entry.id, { state: 'cancelled', nextAttemptAt: null });
    ports.exceptions.resolveForTransaction(order.id, ORDER_BLOCKING_TYPES, now);
    return { kind: 'cancelled' };
  }
  if (!isApprovedStatus(order.status)) return { kind: 'not-approved' };

  const plan = planPush(order, items, settings, now);
  switch (plan.kind) {
    case 'nothing-physical':
      ports.ledger.update(entry.id, { state: 'skipped', nextAttemptAt: null, lastError: null });
      ports.exceptions.resolveForTransaction(order.id, ORDER_BLOCKING_TYPES, now);
      return { kind: 'skipped' };
    case 'blocked': {
      ports.ledger.update(entry.id, { state: 'blocked', clientReference: plan.clientReference, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) });
      const raised = raiseAll(ports, plan, now);
      const cleared = ORDER_BLOCKING_TYPES.filter((t) => raised.indexOf(t) < 0 && t !== 'stalled');
      ports.exceptions.resolveForTransaction(order.id, cleared, now);
      return { kind: 'blocked', exceptions: raised };
    }
    case 'send': {
      const attempts = entry.attempts + 1;
      ports.ledger.update(entry.id, {
        state: 'sending',
        attempts,
        clientReference: plan.clientReference,
        nextAttemptAt: new Date(now.getTime() + IN_FLIGHT_GRACE_MS),
        payloadHash: amendableHash(plan.body),
      });
      return post(ports, entry.id, attempts, plan, input, true);
    }
    default: {
      const unreachable: never = plan;
      return unreachable;
    }
  }
}
