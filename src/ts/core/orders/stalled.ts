/**
 * Approved orders that still have not reached Scend after the configured age are a stalled
 * exception for the admin. Blocked orders are not: their data problem already has an owner. Nor are
 * failed ones: giving up already raised an admin exception, and only an admin reset moves them on.
 */
import type { LedgerEntry, SyncState } from '../sync/ledger';

export const STALLABLE: readonly SyncState[] = ['sending', 'retrying'];

/** Entries created at or before this instant are old enough to be stalled. */
export const stalledBefore = (now: Date, stalledAfterHours: number): Date => new Date(now.getTime() - stalledAfterHours * 60 * 60 * 1000);

export function isStalled(entry: Pick<LedgerEntry, 'state' | 'createdAt'>, now: Date, stalledAfterHours: number): boolean {
  if (STALLABLE.indexOf(entry.state) < 0 || !entry.createdAt) return false;
  return entry.createdAt.getTime() <= stalledBefore(now, stalledAfterHours).getTime();
}
