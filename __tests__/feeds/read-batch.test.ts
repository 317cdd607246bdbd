import { readBatch, type FeedReader } from '../../src/ts/core/feeds/read-batch';
import { CursorExpiredError, ServerError } from '../../src/ts/scend/errors';
import type { FeedPage, FeedQuery } from '../../src/ts/scend/contract';

interface Item { id: number; at: string }
const ctx = { operation: 'readFeed:despatches', method: 'GET' as const, path: '/despatches' };

/** A feed of `n` items, 2 per page; cursors are positions. Records every query. */
function feed(n: number, faults: Array<Error | undefined> = []): FeedReader<Item> & { queries: FeedQuery[]; budget: number } {
  const items = Array.from({ length: n }, (_, i) => ({ id: i + 1, at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }));
  const reader = {
    queries: [] as FeedQuery[],
    budget: Number.POSITIVE_INFINITY,
    canAfford: () => reader.budget > 0,
    read(q: FeedQuery): FeedPage<Item> {
      reader.queries.push(q);
      reader.budget -= 1;
      const fault = faults.shift();
      if (fault) throw fault;
      const from = q.cursor !== undefined ? Number(q.cursor) : q.since ? items.findIndex((i) => i.at >= (q.since as string)) : 0;
      const start = from < 0 ? items.length : from;
      const page = items.slice(start, start + 2);
      return { Items: page, NextCursor: String(start + page.length), HasMore: start + page.length < items.length };
    },
  };
  return reader;
}
const opts = { limit: 2, maxPages: 10, itemAt: (i: Item) => i.at };

describe('reading a feed batch from a stored position', () => {
  it('reads to the end and says where the next run starts and the newest item time', () => {
    const r = feed(5);
    const b = readBatch(r, { feed: 'despatches' }, opts);
    expect(b.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
    expect(b).toMatchObject({ stoppedBy: 'end', pages: 3, next: { cursor: '5', lastItemAt: new Date(Date.UTC(2025, 0, 1, 0, 4)) } });
  });

  it('continues from the stored cursor and stops at maxPages or the budget with the cursor reached', () => {
    const r = feed(9);
    const b = readBatch(r, { feed: 'despatches', cursor: '2' }, { ...opts, maxPages: 2 });
    expect(b.items.map((i) => i.id)).toEqual([3, 4, 5, 6]);
    expect(b).toMatchObject({ stoppedBy: 'maxPages', next: { cursor: '6' } });
    r.budget = 1;
    expect(readBatch(r, { feed: 'despatches', cursor: '6' }, opts)).toMatchObject({ stoppedBy: 'budget', next: { cursor: '8' } });
  });

  it('restarts an expired cursor from the last item time less an hour: the overlap is redelivered, nothing skipped', () => {
    const r = feed(6, [new CursorExpiredError(ctx, 410, 'expired', [])]);
    const lastItemAt = new Date(Date.UTC(2025, 0, 1, 1, 3)); // 01:03 → since 00:03 → items 4..6
    const b = readBatch(r, { feed: 'despatches', cursor: '4', lastItemAt }, opts);
    expect(b.restartedSince).toBe('2025-01-01T00:03:00.000Z');
    expect(r.queries[1]).toEqual({ limit: 2, since: '2025-01-01T00:03:00.000Z' });
    expect(b.items.map((i) => i.id)).toEqual([4, 5, 6]);
  });

  it('stops on a failing call with the position unchanged and the error for the summary', () => {
    const r = feed(4, [undefined, new ServerError(ctx, 503, 'UNAVAILABLE', 'down')]);
    const b = readBatch(r, { feed: 'despatches' }, opts);
    expect(b).toMatchObject({ stoppedBy: 'error', next: { cursor: '2' } });
    expect(b.items.map((i) => i.id)).toEqual([1, 2]);
    expect(b.error?.code).toBe('UNAVAILABLE');
  });
});
