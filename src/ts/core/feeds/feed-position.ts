/**
 * Where a Scend feed was read up to (one `customrecord_scend_feed_cursor` per feed). Feeds deliver
 * at least once, so every import keyed on the feed is idempotent; the position only saves work.
 * Moving it is a compare-and-set, so two runs of an import never both move it from one place.
 */
import type { FeedName } from '../../scend/client';

export type { FeedName } from '../../scend/client';

export interface FeedPosition {
  /** The record's id; undefined before the feed was first read. */
  id?: string;
  feed: FeedName;
  cursor?: string;
  /** The newest item's time: where a restart after an expired cursor begins. */
  lastItemAt?: Date;
  lastRunAt?: Date;
}

export interface FeedAdvance {
  cursor: string | undefined;
  lastItemAt: Date | undefined;
  items: number;
  /** Why the run stopped early (null clears an earlier one). */
  error: string | null;
}

export interface FeedPositionStore {
  read(feed: FeedName): FeedPosition;
  /** Moves the feed from `seen` to `next`; false when another run moved it first (it then owns the position). */
  advance(seen: FeedPosition, next: FeedAdvance, now: Date): boolean;
}

export const feedExternalId = (feed: FeedName): string => `feed:${feed}`;

/**
 * After CURSOR_EXPIRED the feed restarts at the last item's time less this margin: items stamped
 * in the same instant are redelivered rather than missed (imports are idempotent).
 */
export const RESTART_OVERLAP_MS = 60 * 60 * 1000;

export function restartSince(position: FeedPosition): string {
  const at = position.lastItemAt ? position.lastItemAt.getTime() - RESTART_OVERLAP_MS : 0;
  return new Date(Math.max(0, at)).toISOString();
}
