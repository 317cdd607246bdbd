/**
 * Stock per item per location. available = onHand - committed. Sales orders hold commitments per
 * order line; fulfilments, receipts and adjustments move on-hand. Every change goes through here so
 * the three numbers stay consistent.
 */
import { E, fail } from './errors';

export interface StockLevel { onHand: number; committed: number; available: number }
export interface Commitment { item: number; location: number; qty: number }

const key = (item: number, location: number): string => `${item}:${location}`;

export class InventoryLedger {
  /** The Allow Negative Inventory preference (read when stock is removed). */
  constructor(private readonly allowNegative: () => boolean = () => false) {}

  private readonly levels = new Map<string, { item: number; location: number; onHand: number; committed: number }>();
  /** transaction id -> order line -> what that line holds. */
  private readonly commitments = new Map<number, Map<number, Commitment[]>>();

  level(item: number, location: number): StockLevel {
    const l = this.levels.get(key(item, location));
    const onHand = l?.onHand ?? 0;
    const committed = l?.committed ?? 0;
    return { onHand, committed, available: Math.max(0, onHand - committed) };
  }

  /** Locations the item has stock records at, with levels. */
  locationsOf(item: number): Array<{ location: number } & StockLevel> {
    const out: Array<{ location: number } & StockLevel> = [];
    for (const l of this.levels.values()) if (l.item === item) out.push({ location: l.location, ...this.level(item, l.location) });
    return out.sort((a, b) => a.location - b.location);
  }

  totals(item: number): StockLevel {
    let onHand = 0;
    let committed = 0;
    for (const l of this.levels.values()) if (l.item === item) { onHand += l.onHand; committed += l.committed; }
    return { onHand, committed, available: Math.max(0, onHand - committed) };
  }

  private slot(item: number, location: number) {
    let l = this.levels.get(key(item, location));
    if (!l) this.levels.set(key(item, location), (l = { item, location, onHand: 0, committed: 0 }));
    return l;
  }

  /** Moves on-hand; on-hand never goes below zero (the account does not allow negative inventory). */
  adjustOnHand(item: number, location: number, delta: number, what: string): void {
    const l = this.slot(item, location);
    if (l.onHand + delta < -1e-9 && !this.allowNegative()) {
      fail(E.INSUFFICIENT_STOCK, `${what}: item ${item} at location ${location} has ${l.onHand} on hand; cannot remove ${-delta}`);
    }
    l.onHand += delta;
  }

  /** Checks a set of on-hand moves without applying any of them. */
  checkOnHand(moves: Array<{ item: number; location: number; delta: number }>, what: string): void {
    const net = new Map<string, { item: number; location: number; delta: number }>();
    for (const m of moves) {
      const k = key(m.item, m.location);
      const n = net.get(k) ?? { item: m.item, location: m.location, delta: 0 };
      n.delta += m.delta;
      net.set(k, n);
    }
    for (const n of net.values()) {
      const onHand = this.level(n.item, n.location).onHand;
      if (onHand + n.delta < -1e-9) fail(E.INSUFFICIENT_STOCK, `${what}: item ${n.item} at location ${n.location} has ${onHand} on hand; cannot remove ${-n.delta}`);
    }
  }

  setOnHand(item: number, location: number, qty: number): void {
    this.slot(item, location).onHand = qty;
  }

  commitmentsOf(tranId: number): Map<number, Commitment[]> {
    return this.commitments.get(tranId) ?? new Map();
  }

  releaseAll(tranId: number): void {
    const m = this.commitments.get(tranId);
    if (!m) return;
    for (const list of m.values()) for (const c of list) this.slot(c.item, c.location).committed -= c.qty;
    this.commitments.delete(tranId);
  }

  /** Commit up to `want` of item at location for a transaction line; returns what was committed. */
  commit(tranId: number, line: number, item: number, location: number, want: number): number {
    const l = this.slot(item, location);
    const qty = Math.max(0, Math.min(want, l.onHand - l.committed));
    if (qty <= 0) return 0;
    l.committed += qty;
    let m = this.commitments.get(tranId);
    if (!m) this.commitments.set(tranId, (m = new Map()));
    const list = m.get(line) ?? [];
    list.push({ item, location, qty });
    m.set(line, list);
    return qty;
  }
}
