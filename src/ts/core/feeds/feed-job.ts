/**
 * The shape every feed import (a scheduled map/reduce) shares:
 * - getInputData reads a batch from the stored position (`readBatch`), keys the items so keys can
 *   run in parallel and be redelivered (e.g. one key per DespatchId), and adds one POSITION_KEY
 *   entry carrying where the batch started and where the next run starts;
 * - map passes POSITION_KEY through (`context.write`) and imports every other key idempotently
 *   (a NetSuite-enforced key such as an externalid), turning bad data into exceptions, not errors;
 * - summarize moves the position (compare-and-set) and turns every failed key into one
 *   deduplicated `failedWork` exception, so nothing fails silently and one bad item never holds
 *   the feed back.
 */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';
import type { FeedAdvance, FeedName, FeedPosition } from './feed-position';
import type { FeedBatch } from './read-batch';

export const POSITION_KEY = '~feed-position';

export interface PositionEntry {
  seen: { id?: string; feed: FeedName; cursor?: string; lastItemAt?: string };
  next: Omit<FeedAdvance, 'lastItemAt'> & { lastItemAt: string | undefined };
  stoppedBy: FeedBatch<unknown>['stoppedBy'];
  restartedSince?: string;
}

export function positionEntry(seen: FeedPosition, batch: FeedBatch<unknown>): PositionEntry {
  return {
    seen: { id: seen.id, feed: seen.feed, cursor: seen.cursor, lastItemAt: seen.lastItemAt?.toISOString() },
    next: {
      cursor: batch.next.cursor,
      lastItemAt: batch.next.lastItemAt?.toISOString(),
      items: batch.items.length,
      error: batch.error ? `${batch.error.code}: ${batch.error.message}`.slice(0, 1000) : null,
    },
    stoppedBy: batch.stoppedBy,
    ...(batch.restartedSince ? { restartedSince: batch.restartedSince } : {}),
  };
}

export function parsePosition(value: string): { seen: FeedPosition; next: FeedAdvance } {
  const p = JSON.parse(value) as PositionEntry;
  return {
    seen: { ...p.seen, lastItemAt: p.seen.lastItemAt ? new Date(p.seen.lastItemAt) : undefined },
    next: { ...p.next, lastItemAt: p.next.lastItemAt ? new Date(p.next.lastItemAt) : undefined },
  };
}

/** One exception per failed key of a feed import, for the integration admin. */
export function failedWorkException(feed: FeedName, key: string, error: string): ExceptionDraft {
  let name = 'Error';
  let message = error;
  try {
    const parsed = JSON.parse(error) as { name?: string; message?: string };
    name = parsed.name ?? name;
    message = parsed.message ?? message;
  } catch {
    // not JSON: keep the text
  }
  return {
    type: 'failedWork',
    owner: 'admin',
    dedupeKey: dedupeKey('failedWork', 'connector', `${feed}:${key}`),
    scendReference: key,
    message:
      `The ${feed} import could not process ${key} (${name}: ${message.slice(0, 300)}). ` +
      'The feed moved on; the item is compared again by the drift check. Fix the cause, then use Retry on this exception.',
    details: error.slice(0, 3900),
  };
}
