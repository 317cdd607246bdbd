/**
 * The autopilot's order steps, due first on top: a binary min-heap by (at, rank, id) — the order
 * the autopilot runs steps in — holding at most one live entry per order. Rescheduling an order
 * leaves its old entry in the heap, dead (its sequence number is no longer the order's), and the
 * dead are dropped when they reach the top. With 50,000 orders a scan of every order for every
 * step (250,000 steps) would be 12.5 billion looks; the heap makes each step a log-time pop.
 */
export interface QueuedStep {
  at: number;
  rank: number;
  id: string;
}

interface Entry extends QueuedStep {
  seq: number;
}

export const stepBefore = (a: QueuedStep, b: QueuedStep): boolean =>
  a.at < b.at || (a.at === b.at && (a.rank < b.rank || (a.rank === b.rank && a.id < b.id)));

export class StepQueue {
  private heap: Entry[] = [];
  private readonly live = new Map<string, number>();
  private seq = 0;

  /** Schedule `step` for its order (replacing any earlier entry), or unschedule with undefined. */
  set(id: string, step: Omit<QueuedStep, 'id'> | undefined): void {
    if (!step) {
      this.live.delete(id);
      return;
    }
    const entry: Entry = { ...step, id, seq: ++this.seq };
    this.live.set(id, entry.seq);
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  /** The live step due first, if any (dead entries on top are dropped). */
  peek(): QueuedStep | undefined {
    while (this.heap.length > 0 && this.live.get(this.heap[0].id) !== this.heap[0].seq) this.pop();
    return this.heap[0];
  }

  clear(): void {
    this.heap = [];
    this.live.clear();
  }

  private pop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    this.down(0);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!stepBefore(h[i], h[parent])) return;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let first = i;
      if (l < h.length && stepBefore(h[l], h[first])) first = l;
      if (r < h.length && stepBefore(h[r], h[first])) first = r;
      if (first === i) return;
      [h[i], h[first]] = [h[first], h[i]];
      i = first;
    }
  }
}
