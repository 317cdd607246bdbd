/**
 * Pushing an approved sales order to Scend exactly once.
 *
 * The ledger entry is created (externalid = `order:<id>`) in state `sending` BEFORE the POST, so a
 * second actor gets DUP_RCRD instead of sending again. Every later move of an existing entry is a
 * compare-and-set claim (a versioned save NetSuite refuses to the loser), so two actors (a user
 * editing the order, a backlog key) never both POST. An entry that may already be in Scend (any
 * earlier attempt) is looked up by its ClientReference before any new POST, and only a live order
 * that is this sales order is adopted.
 */
import type { Order } from '../../scend/contract';
import { DuplicateOrderError, isScendError, type ScendError } from '../../scend/errors';
import { ORDER_BLOCKING_TYPES, type ExceptionType } from '../exceptions/exception';
import { decideAfterSendFailure, describeError } from '../sync/send-failure';
import { nextAttemptAt } from '../sync/backoff';
import {
  BLOCKED_RECHECK_MS,
  IN_FLIGHT_GRACE_MS,
  isDue,
  mayBeInScend,
  orderLedgerKey,
  type Claimant,
  type LedgerEntry,
  type LedgerPatch,
  type SyncState,
} from '../sync/ledger';
import { duplicateRiskException, referenceTakenException } from './order-exceptions';
import { holdIfReferenceTaken } from './duplicate-reference';
import { matchScendOrders } from './scend-match';
import { cancelInScend } from './cancel-order';
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
  /** Who is acting (default: the user event). */
  actor?: Claimant;
}

const CLOSED_STATUSES = ['C', 'H'];

export { mayBeInScend } from '../sync/ledger';

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
    if (e instanceof DuplicateOrderError && e.existing) return adoptDuplicate(ports, entryId, e.existing.OrderId, plan, input);
    const decision = decideAfterSendFailure({ attempts }, refOf(order, plan.clientReference), e, settings, now);
    ports.ledger.update(entryId, decision.patch);
    for (const x of decision.exceptions) ports.exceptions.raise(x, now);
    const state = decision.patch.state ?? 'sending';
    if (state === 'blocked') return { kind: 'blocked', exceptions: decision.exceptions.map((x) => x.type) };
    return { kind: 'deferred', state, error: describeError(e) };
  }
}

/** Links the ledger entry to the Scend order that is this sales order; what held it is resolved. */
function adopt(ports: OrderPorts, entryId: string, orderId: string, scendOrder: Order, now: Date): PushOutcome {
  ports.ledger.update(entryId, { state: 'sent', scendId: scendOrder.OrderId, scendStatus: scendOrder.Status, sentAt: now, nextAttemptAt: null, lastError: null });
  ports.exceptions.resolveForTransaction(orderId, [...ORDER_BLOCKING_TYPES, 'duplicateRisk'], now);
  return { kind: 'sent', scendId: scendOrder.OrderId, adopted: true };
}

/**
 * Scend (with ClientReference uniqueness on) answered DUPLICATE_ORDER: an earlier attempt did
 * arrive. Its OrderId is in the error; it is adopted if it is this sales order, else held.
 */
function adoptDuplicate(ports: OrderPorts, entryId: string, orderId: string, plan: Extract<PushPlan, { kind: 'send' }>, input: PushInput): PushOutcome {
  const { order, now } = input;
  let existing;
  try {
    existing = ports.scend.getOrder(orderId);
  } catch (e) {
    if (!isScendError(e)) throw e;
    // Could not confirm: stay `sending`, so the next attempt looks the reference up first.
    ports.ledger.update(entryId, { state: 'sending', lastError: describeError(e), nextAttemptAt: nextAttemptAt(1, now) });
    return { kind: 'deferred', state: 'sending', error: describeError(e) };
  }
  const match = matchScendOrders([existing], order);
  if (match.kind === 'one') return adopt(ports, entryId, order.id, existing, now);
  const draft = referenceTakenException(refOf(order, plan.clientReference), [existing.OrderId]);
  ports.ledger.update(entryId, { state: 'blocked', lastError: `DUPLICATE_ORDER: ${existing.OrderId} holds ${plan.clientReference}`, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) });
  ports.exceptions.raise(draft, now);
  return { kind: 'blocked', exceptions: [draft.type] };
}

/**
 * A user event saw the order become approved. Common case: one ledger create, one POST, one
 * ledger update. When the entry already exists, its owner (or the backlog) decides.
 */
export function pushApprovedOrder(input: PushInput, ports: OrderPorts): PushOutcome {
  const { order, items, settings, now } = input;
  if (!isApprovedStatus(order.status)) return { kind: 'not-approved' };
  const plan = planPush(order, items, settings, now);
  const base = { key: orderLedgerKey(order.id), transactionId: order.id, clientReference: plan.clientReference, claimedBy: input.actor ?? 'user-event' };
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
      { const held = holdIfReferenceTaken(ports, r.id, 1, plan, input); if (held) return held; }
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
  return resumeOrder(entry, input, ports, { restarted: false, actor: input.actor ?? 'user-event' });
}

/**
 * Looks the ClientReference up in Scend. One live order that is this sales order is adopted; two
 * or more (it may ship twice), or live orders that are another order's, hold the entry with an
 * exception; none (or only cancelled ones) lets the caller send.
 */
function lookup(entry: LedgerEntry, input: PushInput, ports: OrderPorts, clientReference: string): PushOutcome | 'not-found' {
  const { now, order } = input;
  let found;
  try {
    found = ports.scend.findOrdersByClientReference(clientReference);
  } catch (e) {
    if (!isScendError(e)) throw e;
    return deferLookup(entry, e, ports, now);
  }
  const match = matchScendOrders(found, order);
  switch (match.kind) {
    case 'none':
      return 'not-found';
    case 'one':
      return adopt(ports, entry.id, order.id, match.order, now);
    case 'many':
    case 'foreign': {
      const ids = match.orders.map((o) => o.OrderId);
      const ref = { ...refOf(order, clientReference) };
      const draft = match.kind === 'many' ? duplicateRiskException(ref, ids) : referenceTakenException(ref, ids);
      if (!ports.ledger.claim(entry, { state: 'blocked', nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS), lastError: `${match.kind === 'many' ? 'several' : 'other'} Scend orders hold ${clientReference}: ${ids.join(', ')}` })) {
        return { kind: 'in-flight' };
      }
      ports.exceptions.raise(draft, now);
      return { kind: 'blocked', exceptions: [draft.type] };
    }
    default: {
      const unreachable: never = match;
      return unreachable;
    }
  }
}

function deferLookup(entry: LedgerEntry, e: ScendError, ports: OrderPorts, now: Date): PushOutcome {
  ports.ledger.update(entry.id, { lastError: describeError(e), nextAttemptAt: nextAttemptAt(entry.attempts, now) });
  return { kind: 'deferred', state: entry.state, error: describeError(e) };
}

export interface ResumeOptions {
  /** A map/reduce key running again after a restart: its own earlier claim is not someone else's. */
  restarted: boolean;
  /** Who is acting: the claim it takes carries this, and a restarted key only resumes its own. */
  actor: Claimant;
}

/**
 * Moves an existing entry forward (backlog retries, edits of blocked orders, restarts). Every move
 * is a claim: if another actor moved the entry first, this one stops (`in-flight`). Never POSTs for
 * an entry that may already be in Scend without looking it up first.
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
  const ownClaim = options.restarted && entry.claimedBy === options.actor;
  if (entry.state === 'sending' && !isDue(entry, now) && !ownClaim) return { kind: 'in-flight' };
  const move = (patch: LedgerPatch): boolean => ports.ledger.claim(entry, patch);

  if (CLOSED_STATUSES.indexOf(order.status) >= 0) {
    // Cancelled or closed in NetSuite: Scend must not ship it.
    const done = cancelInScend(entry, { id: order.id, tranId: order.tranId, snapshot: order }, now, ports);
    switch (done.kind) {
      case 'not-in-scend':
      case 'cancelled':
        return { kind: 'cancelled' };
      case 'in-flight':
        return { kind: 'in-flight' };
      case 'too-late':
        return { kind: 'done', state: 'sent' };
      case 'pending':
        return { kind: 'deferred', state: 'retrying', error: `cancel pending: ${done.reason}` };
      default: {
        const unreachable: never = done;
        return unreachable;
      }
    }
  }
  if (!isApprovedStatus(order.status)) return { kind: 'not-approved' };

  const plan = planPush(order, items, settings, now);
  if (mayBeInScend(entry)) {
    const looked = lookup(entry, input, ports, entry.clientReference || plan.clientReference);
    if (looked !== 'not-found') return looked;
  }
  switch (plan.kind) {
    case 'nothing-physical':
      if (!move({ state: 'skipped', nextAttemptAt: null, lastError: null })) return { kind: 'in-flight' };
      ports.exceptions.resolveForTransaction(order.id, ORDER_BLOCKING_TYPES, now);
      return { kind: 'skipped' };
    case 'blocked': {
      if (!move({ state: 'blocked', clientReference: plan.clientReference, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) })) return { kind: 'in-flight' };
      const raised = raiseAll(ports, plan, now);
      const cleared = ORDER_BLOCKING_TYPES.filter((t) => raised.indexOf(t) < 0 && t !== 'stalled');
      ports.exceptions.resolveForTransaction(order.id, cleared, now);
      return { kind: 'blocked', exceptions: raised };
    }
    case 'send': {
      const attempts = entry.attempts + 1;
      const claimed = move({
        state: 'sending',
        attempts,
        claimedBy: options.actor,
        lastError: null,
        clientReference: plan.clientReference,
        nextAttemptAt: new Date(now.getTime() + IN_FLIGHT_GRACE_MS),
        payloadHash: amendableHash(plan.body),
      });
      if (!claimed) return { kind: 'in-flight' };
      { const held = holdIfReferenceTaken(ports, entry.id, attempts, plan, input); if (held) return held; }
      return post(ports, entry.id, attempts, plan, input, true);
    }
    default: {
      const unreachable: never = plan;
      return unreachable;
    }
  }
}
