/**
 * Approved orders that still have not reached Scend after the configured age are a stalled
 * exception for the admin. Blocked orders are not: their data problem already has an owner.
 */
import type { LedgerEntry, SyncState } from '../sync/ledger';

const STALLABLE: readonly SyncState[] = ['sending', 'retrying', 'failed'];

export function isStalled(entry: Pick<LedgerEntry, 'state' | 'createdAt'>, now: Date, stalledAfterHours: number): boolean {
  if (STALLABLE.indexOf(entry.state) < 0 || !entry.createdAt) return false;
  return now.getTime() - entry.createdAt.getTime() >= stalledAfterHours * 60 * 60 * 1000;
}
