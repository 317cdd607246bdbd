/**
 * Reads one run's worth of a feed from its stored position: pages until the end, `maxPages`, or
 * the budget; an expired cursor restarts the feed with `since` (the overlap is redelivered, never
 * lost). Returns the items and where the next run starts; the caller moves the position only after
 * the items were handed on.
 */
import type { FeedPage, FeedQuery } from '../../scend/contract';
import { BudgetExhaustedError, CursorExpiredError, isScendError, type ScendError } from '../../scend/errors';
import { restartSince, type FeedPosition } from './feed-position';

export interface FeedReader<T> {
  read(query: FeedQuery): FeedPage<T>;
  canAfford(): boolean;
}

export interface ReadBatchOptions<T> {
  /** Items per page (the contract allows 1..500). */
  limit: number;
  maxPages: number;
  /** The item's own time (DespatchedAt, At, ...), for the position's lastItemAt. */
  itemAt(item: T): string | undefined;
}

export interface FeedBatch<T> {
  items: T[];
  next: { cursor: string | undefined; lastItemAt: Date | undefined };
  pages: number;
  /** 'end' read to the end; 'maxPages'/'budget' more to read next run; 'error' see `error`. */
  stoppedBy: 'end' | 'maxPages' | 'budget' | 'error';
  error?: ScendError;
  /** Set when the stored cursor had expired and the feed restarted at this instant. */
  restartedSince?: string;
}

export function readBatch<T>(reader: FeedReader<T>, position: FeedPosition, options: ReadBatchOptions<T>): FeedBatch<T> {
  const items: T[] = [];
  let cursor = position.cursor;
  let lastItemAt = position.lastItemAt;
  let since: string | undefined;
  let restartedSince: string | undefined;
  let pages = 0;
  const result = (stoppedBy: FeedBatch<T>['stoppedBy'], error?: ScendError): FeedBatch<T> =>
    ({ items, next: { cursor, lastItemAt }, pages, stoppedBy, ...(error ? { error } : {}), ...(restartedSince ? { restartedSince } : {}) });
  for (;;) {
    if (pages >= options.maxPages) return result('maxPages');
    if (!reader.canAfford()) return result('budget');
    let page: FeedPage<T>;
    try {
      page = reader.read(cursor !== undefined ? { cursor, limit: options.limit } : { limit: options.limit, ...(since ? { since } : {}) });
    } catch (e) {
      if (e instanceof BudgetExhaustedError) return result('budget');
      if (e instanceof CursorExpiredError && cursor !== undefined && !restartedSince) {
        restartedSince = restartSince(position);
        since = restartedSince;
        cursor = undefined;
        continue;
      }
      if (isScendError(e)) return result('error', e);
      throw e;
    }
    pages += 1;
    for (const item of page.Items) {
      items.push(item);
      const at = options.itemAt(item);
      const t = at ? new Date(at) : undefined;
      if (t && !isNaN(t.getTime()) && (!lastItemAt || t > lastItemAt)) lastItemAt = t;
    }
    cursor = page.NextCursor;
    if (!page.HasMore) return result('end');
  }
}
