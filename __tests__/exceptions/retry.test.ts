/** Retry now: which ledger states it re-queues, and how. */
import { dueNow, planRetry } from '../../src/ts/core/exceptions/retry';
import type { LedgerEntry } from '../../src/ts/core/sync/ledger';

const now = new Date('2025-03-03T09:00:42Z');
const entry = (state: LedgerEntry['state'], over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id: '1', key: 'order:1', transactionId: '1', clientReference: 'SO1', state, attempts: 2, ...over,
});

describe('Retry now', () => {
  it('makes a waiting, held or in-flight order due this minute (datetime filters compare whole minutes)', () => {
    for (const state of ['retrying', 'blocked', 'sending'] as const) {
      expect(planRetry(entry(state, { nextAttemptAt: new Date('2025-03-03T10:00:00Z') }), now, 'ann')).toEqual({
        kind: 'make-due', patch: { nextAttemptAt: new Date('2025-03-03T09:00:00Z') }, message: expect.any(String),
      });
    }
    expect(dueNow(now).getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('gives a failed order one more try, keeping its attempts so the backlog looks it up in Scend first', () => {
    const plan = planRetry(entry('failed', { lastError: 'UNAVAILABLE' }), now, 'ann');
    expect(plan).toMatchObject({ kind: 'make-due', patch: { state: 'retrying', lastError: expect.stringContaining('retry requested by ann') } });
    expect(plan.kind === 'make-due' && 'attempts' in plan.patch).toBe(false);
  });

  it('does nothing for an order already in Scend, cancelled or skipped', () => {
    for (const state of ['sent', 'cancelled', 'skipped'] as const) expect(planRetry(entry(state), now, 'ann').kind).toBe('nothing');
  });

  it('only starts the backlog for an order with no ledger entry (the backlog finds approved orders without one)', () => {
    expect(planRetry(undefined, now, 'ann').kind).toBe('queue-only');
  });
});
