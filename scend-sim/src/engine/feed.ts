import type { Clock } from './clock';
import { ScendApiError } from './errors';

export interface FeedRead<T> {
  Items: T[];
  NextCursor: string;
  HasMore: boolean;
}

/** How the feeds keep the contract's "at least once" (all seeded, so runs repeat). */
export interface FeedSettings {
  /** Chance that a page's NextCursor stops short, so its last 1..3 items are delivered again in the next page. Default 0. */
  redeliveryRate: number;
  /** A cursor not used for this long is 410 CURSOR_EXPIRED. Default 7 days (the contract). */
  cursorRetentionMs: number;
  /** Chance that an order event is held back and appended later (its `At` earlier than items already delivered). Default 0. */
  lateEventRate: number;
  /** How long a late order event is held back. Default 5 minutes. */
  lateEventDelayMs: number;
}

export const DEFAULT_FEED_SETTINGS: FeedSettings = { redeliveryRate: 0, cursorRetentionMs: 7 * 24 * 3600_000, lateEventRate: 0, lateEventDelayMs: 5 * 60_000 };

function invalidCursor(): ScendApiError {
  return new ScendApiError(400, 'VALIDATION_FAILED', 'Unknown cursor', [{ Field: 'cursor', Message: 'unknown cursor' }]);
}

export interface FeedContext {
  clock: Clock;
  /** Uniform in [0, 1) from the engine's seeded feed RNG. */
  random: () => number;
  settings: FeedSettings;
}

/**
 * An append-only, ordered feed read with opaque cursors. A cursor encodes the feed, the engine's
 * epoch (a reset invalidates old cursors), an offset and when it was issued (so it can expire);
 * replaying a cursor re-delivers the same items, and `redeliveryRate` makes pages overlap on their own.
 */
export class Feed<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly name: string,
    private readonly epoch: number,
    private readonly timeOf: (item: T) => string,
    private readonly ctx: FeedContext,
  ) {}

  append(item: T): void {
    this.items.push(item);
  }

  get length(): number {
    return this.items.length;
  }

  all(): readonly T[] {
    return this.items;
  }

  /** `since` (ISO) starts at the first item at or after that time instead of a cursor. */
  read(cursor: string | undefined, limit: number, since?: string): FeedRead<T> {
    if (cursor !== undefined && since !== undefined) {
      throw new ScendApiError(400, 'VALIDATION_FAILED', 'Give cursor or since, not both', [{ Field: 'since', Message: 'not with cursor' }]);
    }
    const from = cursor !== undefined ? this.decode(cursor) : since !== undefined ? this.firstAtOrAfter(since) : 0;
    const to = Math.min(this.items.length, from + limit);
    let next = to;
    // At least once: the server's checkpoint lags, so the next page starts with items already delivered.
    const { redeliveryRate } = this.ctx.settings;
    if (redeliveryRate > 0 && to - from >= 2 && this.ctx.random() < redeliveryRate) next = to - 1 - Math.floor(this.ctx.random() * Math.min(3, to - from - 1));
    return { Items: this.items.slice(from, to), NextCursor: this.encode(next), HasMore: to < this.items.length };
  }

  private firstAtOrAfter(since: string): number {
    const at = Date.parse(since);
    if (Number.isNaN(at)) throw new ScendApiError(400, 'VALIDATION_FAILED', 'since must be an ISO-8601 date-time', [{ Field: 'since', Message: 'must be an ISO-8601 date-time' }]);
    const index = this.items.findIndex((item) => Date.parse(this.timeOf(item)) >= at);
    return index < 0 ? this.items.length : index;
  }

  private encode(offset: number, issuedAt = this.ctx.clock.now()): string {
    return Buffer.from(`${this.name}:${this.epoch}:${offset}:${issuedAt}`, 'utf8').toString('base64url');
  }

  private decode(cursor: string): number {
    const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
    if (parts.length !== 4 || parts[0] !== this.name || parts[1] !== String(this.epoch)) throw invalidCursor();
    if (!/^\d+$/.test(parts[2]) || !/^\d+$/.test(parts[3])) throw invalidCursor();
    const offset = Number(parts[2]);
    const issuedAt = Number(parts[3]);
    if (offset > this.items.length || this.encode(offset, issuedAt) !== cursor) throw invalidCursor();
    if (this.ctx.clock.now() - issuedAt > this.ctx.settings.cursorRetentionMs) {
      throw new ScendApiError(410, 'CURSOR_EXPIRED', `Cursor not used since ${new Date(issuedAt).toISOString()}; restart the feed with since=`);
    }
    return offset;
  }
}
