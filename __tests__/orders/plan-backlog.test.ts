/**
 * Planning the backlog from what getInputData read: open ledger entries (due or old enough to
 * stall) and approved orders without a ledger entry. Pure: given entries and now, then work.
 */
import { planBacklog } from '../../src/ts/core/orders/backlog';
import type { LedgerEntry } from '../../src/ts/core/sync/ledger';
import { NOW, settings } from './fixtures';

const hours = (h: number) => new Date(NOW.getTime() + h * 3600_000);
const entry = (transactionId: string, over: Partial<LedgerEntry>): LedgerEntry => ({
  id: `L${transactionId}`, key: `order:${transactionId}`, transactionId, clientReference: `REF-${transactionId}`,
  state: 'retrying', attempts: 1, createdAt: NOW, nextAttemptAt: hours(1), ...over,
});

describe('planning the backlog', () => {
  it('retries an open entry once its next attempt is due, and not before', () => {
    const e = entry('1', { state: 'sending', nextAttemptAt: hours(1) });
    expect(planBacklog([e], [], settings, hours(0.5))).toEqual([]);
    expect(planBacklog([e], [], settings, hours(1))).toEqual([{ orderId: '1', reason: 'retry', stalled: false }]);
  });

  it('flags an unsent entry older than the stalled age even before its next attempt is due', () => {
    const e = entry('2', { state: 'retrying', nextAttemptAt: hours(10) });
    expect(planBacklog([e], [], settings, hours(settings.stalledAfterHours))).toEqual([{ orderId: '2', reason: 'stalled-only', stalled: true }]);
  });

  it('never calls a blocked or failed order stalled (each already has an owner and an exception)', () => {
    const blocked = entry('3', { state: 'blocked', nextAttemptAt: hours(10) });
    const failed = entry('4', { state: 'failed', nextAttemptAt: undefined });
    expect(planBacklog([blocked, failed], [], settings, hours(9))).toEqual([]);
    expect(planBacklog([blocked], [], settings, hours(10))).toEqual([{ orderId: '3', reason: 'retry', stalled: false }]);
  });

  it('ignores entries that are done (sent, skipped, cancelled) if they are passed at all', () => {
    const done = (['sent', 'skipped', 'cancelled'] as const).map((state, i) => entry(String(10 + i), { state, nextAttemptAt: undefined }));
    expect(planBacklog(done, [], settings, hours(100))).toEqual([]);
  });

  it('sends approved orders without a ledger entry, unless an entry for them turned up in the same read', () => {
    const queued = entry('6', { nextAttemptAt: hours(5) });
    expect(planBacklog([queued], ['5', '6'], settings, hours(1))).toEqual([{ orderId: '5', reason: 'unqueued', stalled: false }]);
  });
});
