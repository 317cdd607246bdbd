/**
 * The idempotency ledger: one `customrecord_scend_sync` per thing sent to Scend, its externalid the
 * natural key, so NetSuite refuses a second one. States (list customlist_scend_sync_state):
 * - sending: a POST may have reached Scend (in flight, timed out, or the script died): look the
 *   ClientReference up in Scend before any new POST;
 * - retrying: nothing reached Scend (connect failure, 429, governance); safe to POST again;
 * - sent: Scend has it (scendId); blocked: held by a data problem with an open exception;
 * - skipped: nothing a warehouse ships; cancelled: cancelled before or in Scend;
 * - failed: gave up after maxAttempts (an admin exception says so).
 */
import type { LISTS } from '../../ids';

export type SyncState = keyof typeof LISTS.syncState.values;

export interface LedgerEntry {
  id: string;
  key: string;
  transactionId: string;
  clientReference: string;
  state: SyncState;
  scendId?: string;
  scendStatus?: string;
  attempts: number;
  nextAttemptAt?: Date;
  lastError?: string;
  payloadHash?: string;
  sentAt?: Date;
  createdAt?: Date;
  /** Who holds the current send claim ('user-event', 'backlog'): a restarted backlog key resumes only its own. */
  claimedBy?: string;
}

/** Fields written after creation. `null` clears a field. */
export interface LedgerPatch {
  state?: SyncState;
  clientReference?: string;
  scendId?: string;
  scendStatus?: string;
  attempts?: number;
  nextAttemptAt?: Date | null;
  lastError?: string | null;
  payloadHash?: string;
  sentAt?: Date;
  claimedBy?: string;
}

export type NewLedgerEntry = Omit<LedgerEntry, 'id' | 'createdAt'>;

export const ORDER_LEDGER_KIND = 'order';
export const orderLedgerKey = (salesOrderId: string): string => `order:${salesOrderId}`;

/**
 * How long an entry claimed for a POST counts as in flight: longer than any user event (300 s)
 * or https call (45 s) can live, so nobody looks it up while its owner may still be sending.
 */
export const IN_FLIGHT_GRACE_MS = 10 * 60 * 1000;
/** How often a blocked order is re-checked (the item or address may have been fixed). */
export const BLOCKED_RECHECK_MS = 60 * 60 * 1000;

export const isDue = (entry: Pick<LedgerEntry, 'nextAttemptAt'>, now: Date): boolean =>
  !entry.nextAttemptAt || entry.nextAttemptAt.getTime() <= now.getTime();

/** Who claims a send: the sales order user event, or a backlog map key. */
export type Claimant = 'user-event' | 'backlog';

/** Any earlier attempt may have reached Scend (a timeout, a dead script, an admin reset of a Failed row). */
export const mayBeInScend = (entry: Pick<LedgerEntry, 'attempts' | 'state' | 'scendId'>): boolean =>
  entry.attempts > 0 || entry.state === 'sending' || entry.state === 'failed' || !!entry.scendId;

/** States the backlog works on when due. */
export const PENDING_STATES: readonly SyncState[] = ['sending', 'retrying', 'blocked'];

/** A short, stable fingerprint of a payload (djb2), to see whether an amendment is needed. */
export function payloadHash(value: unknown): string {
  const text = JSON.stringify(value);
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}
