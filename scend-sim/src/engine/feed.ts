import { ScendApiError } from './errors';

export interface FeedRead<T> {
  Items: T[];
  NextCursor: string;
  HasMore: boolean;
}

function invalidCursor(): ScendApiError {
  return new ScendApiError(400, 'VALIDATION_FAILED', 'Unknown cursor', [{ Field: 'cursor', Message: 'unknown cursor' }]);
}

/**
 * An append-only, ordered feed read with opaque cursors. A cursor encodes the feed, the engine's
 * epoch (a reset invalidates old cursors) and an offset, so replaying a cursor re-delivers the same items.
 */
export class Feed<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly name: string,
    private readonly epoch: number,
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

  read(cursor: string | undefined, limit: number): FeedRead<T> {
    const from = cursor === undefined ? 0 : this.decode(cursor);
    const to = Math.min(this.items.length, from + limit);
    return { Items: this.items.slice(from, to), NextCursor: this.encode(to), HasMore: to < this.items.length };
  }

  private encode(offset: number): string {
    return Buffer.from(`${this.name}:${this.epoch}:${offset}`, 'utf8').toString('base64url');
  }

  private decode(cursor: string): number {
    const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
    if (parts.length !== 3 || parts[0] !== this.name || parts[1] !== String(this.epoch)) throw invalidCursor();
    if (!/^\d+$/.test(parts[2])) throw invalidCursor();
    const offset = Number(parts[2]);
    if (offset > this.items.length || this.encode(offset) !== cursor) throw invalidCursor();
    return offset;
  }
}
