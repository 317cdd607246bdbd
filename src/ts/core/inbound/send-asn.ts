/**
 * Announcing an approved purchase/transfer order to Scend as an ASN exactly once.
 *
 * Like the order handoff: the ledger entry (externalid `asn:<docId>`, kind asn) is created in state
 * `sending` BEFORE the POST, so a second actor gets DUP_RCRD instead of sending; every later move
 * is a compare-and-set claim. Scend's contract has no ASN lookup, but it refuses a second ASN with
 * the same ClientReference (409 DUPLICATE_ASN naming the AsnId): after an ambiguous failure
 * (timeout, 5xx, dropped connection) the resend relies on that answer, and a DUPLICATE_ASN is
 * linked (the ledger records the AsnId it names), never repeated.
 */
import type { AsnCreated } from '../../scend/contract';
import { DuplicateAsnError, isScendError, ScendContractError, type ScendError } from '../../scend/errors';
import type { ConnectorConfig } from '../config';
import type { ExceptionType } from '../exceptions/exception';
import type { ItemCatalogue } from '../orders/items';
import type { ExceptionSink, LedgerStore } from '../orders/ports';
import { nextAttemptAt } from '../sync/backoff';
import { BLOCKED_RECHECK_MS, IN_FLIGHT_GRACE_MS, isDue, type Claimant, type LedgerEntry, type SyncState } from '../sync/ledger';
import { describeError, unauthorizedException } from '../sync/send-failure';
import { planAsn, type AsnPlan } from './asn-plan';
import { asnLedgerKey, type InboundDoc } from './inbound-doc';
import { asnProblemException } from './inbound-exceptions';

export interface AsnPorts {
  ledger: LedgerStore;
  exceptions: ExceptionSink;
  scend: { createAsn(body: Extract<AsnPlan, { kind: 'send' }>['body']): AsnCreated };
}

export type AsnOutcome =
  | { kind: 'sent'; asnId: string; linked: boolean }
  | { kind: 'not-ours'; reason: string }
  | { kind: 'blocked'; exceptions: ExceptionType[] }
  | { kind: 'deferred'; state: SyncState; error: string }
  | { kind: 'in-flight' }
  | { kind: 'done'; state: SyncState };

export interface AsnInput {
  doc: InboundDoc;
  items: ItemCatalogue;
  config: Pick<ConnectorConfig, 'locations' | 'maxAttempts'>;
  now: Date;
  actor: Claimant;
}

const ASN_PROBLEMS: readonly ExceptionType[] = ['asnProblem'];
const DONE: readonly SyncState[] = ['sent', 'skipped', 'cancelled', 'failed'];

function block(ports: AsnPorts, plan: Extract<AsnPlan, { kind: 'blocked' }>, now: Date): AsnOutcome {
  for (const e of plan.exceptions) ports.exceptions.raise(e, now);
  return { kind: 'blocked', exceptions: plan.exceptions.map((e) => e.type) };
}

function post(ports: AsnPorts, entryId: string, attempts: number, plan: Extract<AsnPlan, { kind: 'send' }>, input: AsnInput, hadHistory: boolean): AsnOutcome {
  const { doc, now } = input;
  const sent = (asnId: string, status: string, linked: boolean): AsnOutcome => {
    ports.ledger.update(entryId, { state: 'sent', scendId: asnId, scendStatus: status, sentAt: now, nextAttemptAt: null, lastError: null });
    if (hadHistory) ports.exceptions.resolveForTransaction(doc.id, ASN_PROBLEMS, now);
    return { kind: 'sent', asnId, linked };
  };
  try {
    const created = ports.scend.createAsn(plan.body);
    return sent(created.AsnId, created.Status, false);
  } catch (e) {
    if (!isScendError(e)) throw e;
    // Scend already holds an ASN with this ClientReference (an earlier attempt reached it): link it.
    if (e instanceof DuplicateAsnError && e.existing?.AsnId) return sent(e.existing.AsnId, 'DUPLICATE_ASN (linked)', true);
    return failed(ports, entryId, attempts, e, input);
  }
}

function failed(ports: AsnPorts, entryId: string, attempts: number, error: ScendError, input: AsnInput): AsnOutcome {
  const { doc, now, config } = input;
  const lastError = describeError(error);
  if (error instanceof ScendContractError && error.code === 'UNAUTHORIZED') {
    ports.ledger.update(entryId, { state: 'retrying', lastError, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) });
    ports.exceptions.raise(unauthorizedException(), now);
    return { kind: 'deferred', state: 'retrying', error: lastError };
  }
  if (error.retry === 'permanent') {
    const exception = asnProblemException(doc, `Scend refused it (${error.code})`, 'Fix what Scend names (see details: unknown or non-physical SKU, warehouse, quantities); the backlog tries again hourly.', JSON.stringify(error));
    ports.ledger.update(entryId, { state: 'blocked', lastError, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) });
    ports.exceptions.raise(exception, now);
    return { kind: 'blocked', exceptions: ['asnProblem'] };
  }
  if (attempts >= config.maxAttempts) {
    ports.ledger.update(entryId, { state: 'failed', lastError, nextAttemptAt: null });
    ports.exceptions.raise(asnProblemException(doc, `gave up after ${attempts} attempts (${error.code})`, "Check Scend's status, then reset the ledger state to Waiting to retry (a resend cannot create a second ASN: Scend answers DUPLICATE_ASN, which is linked).", lastError), now);
    return { kind: 'deferred', state: 'failed', error: lastError };
  }
  // Ambiguous: Scend may hold it; the resend is safe because Scend refuses a second ClientReference.
  const state: SyncState = error.retry === 'ambiguous' ? 'sending' : 'retrying';
  const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
  ports.ledger.update(entryId, { state, lastError, nextAttemptAt: nextAttemptAt(attempts, now, retryAfter) });
  return { kind: 'deferred', state, error: lastError };
}

/** The user event (actor 'user-event') and the backlog (actor 'backlog') both come through here. */
export function handoffAsn(input: AsnInput, ports: AsnPorts): AsnOutcome {
  const { doc, now, actor } = input;
  const plan = planAsn(doc, input.items, input.config);
  const key = asnLedgerKey(doc.id);
  const entry: LedgerEntry | undefined = ports.ledger.find(key);
  if (!entry) {
    if (plan.kind === 'not-ours') return plan;
    const base = { key, transactionId: doc.id, clientReference: doc.tranId, claimedBy: actor };
    if (plan.kind === 'blocked') {
      const created = ports.ledger.create({ ...base, state: 'blocked', attempts: 0, nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS) });
      return created.created ? block(ports, plan, now) : { kind: 'in-flight' };
    }
    const created = ports.ledger.create({ ...base, state: 'sending', attempts: 1, nextAttemptAt: new Date(now.getTime() + IN_FLIGHT_GRACE_MS) });
    if (!created.created) return { kind: 'in-flight' };
    return post(ports, created.id, 1, plan, input, false);
  }
  if (DONE.indexOf(entry.state) >= 0) return { kind: 'done', state: entry.state };
  if (!isDue(entry, now)) return { kind: 'in-flight' };
  if (plan.kind === 'not-ours') {
    // Unapproved, closed or moved away from Scend since: nothing to announce any more.
    return ports.ledger.claim(entry, { state: 'skipped', nextAttemptAt: null, lastError: plan.reason, claimedBy: actor }) ? { kind: 'done', state: 'skipped' } : { kind: 'in-flight' };
  }
  if (plan.kind === 'blocked') {
    if (!ports.ledger.claim(entry, { state: 'blocked', nextAttemptAt: new Date(now.getTime() + BLOCKED_RECHECK_MS), claimedBy: actor })) return { kind: 'in-flight' };
    return block(ports, plan, now);
  }
  const attempts = entry.attempts + 1;
  if (!ports.ledger.claim(entry, { state: 'sending', attempts, claimedBy: actor, nextAttemptAt: new Date(now.getTime() + IN_FLIGHT_GRACE_MS) })) return { kind: 'in-flight' };
  return post(ports, entry.id, attempts, plan, input, true);
}
