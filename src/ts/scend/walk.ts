/**
 * Walking feeds (cursor) and lists (page number) within a governance budget. A walk stops before
 * a call it cannot afford and returns where to resume, so the caller can defer the rest to a
 * later run. `onPage` runs before the position advances: a page whose handler throws is read
 * again next time (at-least-once, like the feeds themselves).
 */
import type { FeedPage, ListPage } from './contract';
import { BudgetExhaustedError, ScendError } from './errors';

export type WalkStop =
  /** The feed/list was read to its end. */
  | 'end'
  /** The budget could not pay for another call (nothing more was sent). */
  | 'budget'
  /** `maxPages` pages were read. */
  | 'maxPages'
  /** A call failed; see `error` (its `retry` says whether resuming later can help). */
  | 'error';

interface WalkCommon {
  stoppedBy: WalkStop;
  /** Pages handed to onPage, and the items on them. */
  pages: number;
  items: number;
  error?: ScendError;
}

export interface FeedWalkResult extends WalkCommon {
  /** Resume from here (undefined only if not even the first page was read from the start). */
  cursor: string | undefined;
}

export interface ListWalkResult extends WalkCommon {
  /** The next page to read, or undefined when the list was read to its end. */
  nextPage: number | undefined;
}

export interface FeedWalkOptions<T> {
  cursor?: string;
  limit?: number;
  maxPages?: number;
  onPage(items: T[], page: FeedPage<T>): void;
}

export interface ListWalkOptions<T, P extends ListPage<T> = ListPage<T>> {
  /** 1-based page to start from (default 1). */
  page?: number;
  pageSize?: number;
  maxPages?: number;
  onPage(items: T[], page: P): void;
}

/** Budget check and error capture shared by both walks. Returns the page, or the reason to stop. */
function attempt<P>(canCall: () => boolean, read: () => P): P | { stop: WalkStop; error?: ScendError } {
  if (!canCall()) return { stop: 'budget' };
  try {
    return read();
  } catch (e) {
    if (e instanceof BudgetExhaustedError) return { stop: 'budget' };
    if (e instanceof ScendError) return { stop: 'error', error: e };
    throw e;
  }
}

const isStop = (v: unknown): v is { stop: WalkStop; error?: ScendError } =>
  typeof v === 'object' && v !== null && 'stop' in v;

export function walkFeed<T>(
  read: (cursor: string | undefined, limit: number | undefined) => FeedPage<T>,
  canCall: () => boolean,
  options: FeedWalkOptions<T>,
): FeedWalkResult {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  let cursor = options.cursor;
  let pages = 0;
  let items = 0;
  for (;;) {
    if (pages >= maxPages) return { stoppedBy: 'maxPages', cursor, pages, items };
    const page = attempt(canCall, () => read(cursor, options.limit));
    if (isStop(page)) return { stoppedBy: page.stop, error: page.error, cursor, pages, items };
    options.onPage(page.Items, page);
    pages += 1;
    items += page.Items.length;
    cursor = page.NextCursor;
    if (!page.HasMore) return { stoppedBy: 'end', cursor, pages, items };
  }
}

export function walkList<T, P extends ListPage<T>>(
  read: (page: number, pageSize: number | undefined) => P,
  canCall: () => boolean,
  options: ListWalkOptions<T, P>,
): ListWalkResult {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  let next = options.page ?? 1;
  let pages = 0;
  let items = 0;
  for (;;) {
    if (pages >= maxPages) return { stoppedBy: 'maxPages', nextPage: next, pages, items };
    const page = attempt(canCall, () => read(next, options.pageSize));
    if (isStop(page)) return { stoppedBy: page.stop, error: page.error, nextPage: next, pages, items };
    options.onPage(page.Items, page);
    pages += 1;
    items += page.Items.length;
    if (page.Items.length === 0 || page.Page * page.PageSize >= page.TotalItems) {
      return { stoppedBy: 'end', nextPage: undefined, pages, items };
    }
    next = page.Page + 1;
  }
}
