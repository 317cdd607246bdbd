/**
 * Reads what each stock-affecting feed holds beyond its stored position, without moving it (the
 * imports own the positions): the stock sync's work in flight. Read right after the snapshot, so
 * every item booked up to its AsOf that NetSuite had not imported is seen. A feed with more than MAX_PAGES
 * pages unread is reported incomplete (its import is behind): the sync then adjusts nothing it
 * cannot explain.
 */
import type { FeedPositionStore } from '../../core/feeds/feed-position';
import { readBatch } from '../../core/feeds/read-batch';
import { despatchMoves, movementMoves, notYetImported, receiptMoves, returnMoves, type PendingMove, type StockFeed } from '../../core/stock/in-flight';
import type { Despatch, Receipt, Return, StockMovement } from '../../scend/contract';
import type { ScendApi } from '../../scend/client';

const MAX_PAGES = 10;
const LIMIT = 500;

export interface InFlight {
  pending: PendingMove[];
  incomplete: StockFeed[];
  calls: number;
  /** Per feed: the newest item time read (or the position's, when nothing newer was there). */
  seenUpTo: Partial<Record<StockFeed, number>>;
}

export const STOCK_FEEDS: readonly StockFeed[] = ['despatches', 'receipts', 'returns', 'stock-movements'];

function readFeed<T>(client: ScendApi, store: FeedPositionStore, feed: StockFeed, itemAt: (item: T) => string, moves: (item: T) => PendingMove[], out: InFlight): void {
  const position = store.read(feed);
  const batch = readBatch<T>(
    { read: (q) => client.readFeed(feed, q) as unknown as { Items: T[]; NextCursor: string; HasMore: boolean }, canAfford: () => client.canAfford() },
    position,
    { limit: LIMIT, maxPages: MAX_PAGES, itemAt },
  );
  out.calls += batch.pages;
  out.seenUpTo[feed] = batch.next.lastItemAt?.getTime() ?? position.lastItemAt?.getTime() ?? 0;
  if (batch.stoppedBy !== 'end') out.incomplete.push(feed);
  out.pending.push(...notYetImported(batch.items.flatMap(moves), position.lastItemAt));
}

export function readInFlight(client: ScendApi, store: FeedPositionStore): InFlight {
  const out: InFlight = { pending: [], incomplete: [], calls: 0, seenUpTo: {} };
  readFeed<Despatch>(client, store, 'despatches', (d) => d.DespatchedAt, despatchMoves, out);
  readFeed<Receipt>(client, store, 'receipts', (r) => r.ReceivedAt, receiptMoves, out);
  readFeed<Return>(client, store, 'returns', (r) => r.ReceivedAt, returnMoves, out);
  readFeed<StockMovement>(client, store, 'stock-movements', (m) => m.OccurredAt, movementMoves, out);
  return out;
}

/**
 * Feeds whose import moved past what `readInFlight` saw while the sync was reading NetSuite: an item
 * booked after the feed read may then be in NetSuite's on hand and not in the snapshot, which would
 * look like a variance. Those feeds count as incomplete for this run (nothing unexplained is adjusted).
 */
export function feedsMovedSince(store: FeedPositionStore, seen: InFlight): StockFeed[] {
  return STOCK_FEEDS.filter((feed) => (store.read(feed).lastItemAt?.getTime() ?? 0) > (seen.seenUpTo[feed] ?? 0));
}
