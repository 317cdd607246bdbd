/** Reading work in flight with fakes: positions never move, an import racing the read is caught. */
import type { FeedAdvance, FeedName, FeedPosition, FeedPositionStore } from '../../src/ts/core/feeds/feed-position';
import { feedsMovedSince, readInFlight } from '../../src/ts/netsuite/stock/in-flight-reader';
import type { ScendApi } from '../../src/ts/scend/client';

const at = (m: number) => new Date(Date.UTC(2026, 0, 5, 9, m)).toISOString();

function store(last: Partial<Record<FeedName, string>>): FeedPositionStore & { advanced: number } {
  return {
    advanced: 0,
    read: (feed: FeedName): FeedPosition => ({ feed, cursor: last[feed] ? `c-${feed}` : undefined, lastItemAt: last[feed] ? new Date(last[feed]!) : undefined }),
    advance(_s: FeedPosition, _n: FeedAdvance) {
      this.advanced++;
      return true;
    },
  };
}

const movements = [
  { MovementId: 'M1', Sku: 'A', Warehouse: 'UK1', Quantity: -1, Reason: 'DAMAGED', OccurredAt: at(1) },
  { MovementId: 'M2', Sku: 'A', Warehouse: 'UK1', Quantity: -2, Reason: 'LOST', OccurredAt: at(5) },
  { MovementId: 'M3', Sku: 'B', Warehouse: 'UK1', Quantity: 2, Reason: 'RETURN_RESTOCK', OccurredAt: at(6) },
];
const client = {
  readFeed: (feed: string, q: { cursor?: string }) => ({ Items: feed === 'stock-movements' ? movements : [], NextCursor: `${q.cursor ?? 'start'}+`, HasMore: false }),
  canAfford: () => true,
} as unknown as ScendApi;

test('items after the position\'s lastItemAt are pending (the redelivered overlap is not), and no position moves', () => {
  const s = store({ 'stock-movements': at(1) });
  const read = readInFlight(client, s);
  expect(read.pending.map((p) => p.id)).toEqual(['M2']);
  expect(read.incomplete).toEqual([]);
  expect(s.advanced).toBe(0);
  expect(feedsMovedSince(s, read)).toEqual([]);
  // An import moved past what was read (an item booked after the read is now in NetSuite): that feed is incomplete.
  expect(feedsMovedSince(store({ 'stock-movements': at(9) }), read)).toEqual(['stock-movements']);
});
