/**
 * "Retry now" for an order: make its ledger entry due at once so the backlog (submitted right
 * after) works it. The change is a claim (compare-and-set on state and attempts), so a retry racing
 * the backlog or a user never doubles a send; the backlog still looks the order up in Scend before
 * sending again whenever an attempt was made.
 */
import type { LedgerEntry, LedgerPatch } from '../sync/ledger';

export type RetryPlan =
  | { kind: 'make-due'; patch: LedgerPatch; message: string }
  | { kind: 'queue-only'; message: string }
  | { kind: 'nothing'; message: string };

/** Datetime filters compare whole minutes: due at the start of this minute is due for a run now. */
export const dueNow = (now: Date): Date => new Date(Math.floor(now.getTime() / 60_000) * 60_000);

export function planRetry(entry: LedgerEntry | undefined, now: Date, who: string): RetryPlan {
  if (!entry) return { kind: 'queue-only', message: 'Not queued yet: the backlog sends approved orders that have no ledger entry. The backlog was started.' };
  switch (entry.state) {
    case 'sent':
      return { kind: 'nothing', message: 'Already in Scend: nothing to retry.' };
    case 'cancelled':
      return { kind: 'nothing', message: 'Cancelled: nothing to retry.' };
    case 'skipped':
      return { kind: 'nothing', message: 'Skipped (nothing to ship, or dated before go-live): nothing to retry.' };
    case 'failed':
      return {
        kind: 'make-due',
        patch: { state: 'retrying', nextAttemptAt: dueNow(now), lastError: `retry requested by ${who}; gave up before: ${entry.lastError ?? 'unknown'}`.slice(0, 3900) },
        message: 'Queued for one more try: the backlog looks the order up in Scend first, then sends it if Scend does not have it.',
      };
    case 'sending':
    case 'retrying':
    case 'blocked':
      return { kind: 'make-due', patch: { nextAttemptAt: dueNow(now) }, message: 'Queued: the backlog works this order now.' };
    default: {
      const never: never = entry.state;
      return never;
    }
  }
}
