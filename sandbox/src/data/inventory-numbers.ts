/**
 * Lot and serial numbers: on hand per item, location and number, and the `inventorynumber` records
 * NetSuite creates when a number is first received. Item-level totals stay in InventoryLedger; this
 * ledger only splits them by number. Lot/serial stock never goes below zero (NetSuite does not allow
 * negative numbered inventory, whatever the Allow Negative Inventory preference says).
 */
import type { Behaviour, DataAccess } from './behaviour';
import { E, fail } from './errors';

export interface NumberLevel { item: number; location: number; number: number; onHand: number }

export class InventoryNumbers {
  private readonly levels = new Map<string, NumberLevel>();
  /** `${item}:${text}` -> inventorynumber internal id. */
  private readonly ids = new Map<string, number>();

  idOf(item: number, text: string): number | undefined {
    return this.ids.get(`${item}:${text}`);
  }

  onHand(item: number, location: number, number: number): number {
    return this.levels.get(`${item}:${location}:${number}`)?.onHand ?? 0;
  }

  /** Where a number is on hand (a serial number on hand anywhere cannot be received again). */
  totalOnHand(item: number, number: number): number {
    let n = 0;
    for (const l of this.levels.values()) if (l.item === item && l.number === number) n += l.onHand;
    return n;
  }

  levelsOf(number: number): NumberLevel[] {
    return [...this.levels.values()].filter((l) => l.number === number).sort((a, b) => a.location - b.location);
  }

  /** Find or create the inventorynumber record for an item's number. */
  ensure(db: DataAccess, item: number, text: string): number {
    const known = this.idOf(item, text);
    if (known !== undefined) return known;
    const def = db.registry.get('inventorynumber');
    const id = db.store.allocateId(def);
    db.store.put(def, { type: 'inventorynumber', id, data: { fields: { inventorynumber: text, item: String(item) }, sublists: {}, subrecords: {} } });
    this.ids.set(`${item}:${text}`, id);
    return id;
  }

  adjust(item: number, location: number, number: number, delta: number): void {
    const k = `${item}:${location}:${number}`;
    const l = this.levels.get(k) ?? { item, location, number, onHand: 0 };
    l.onHand += delta;
    this.levels.set(k, l);
  }
}

/** One lot/serial move: `text` names the number (receipts may bring new ones). */
export interface NumberMove { item: number; location: number; text: string; delta: number }

/** Net moves per number must not take any number below zero at its location. */
export function checkNumberMoves(db: DataAccess, moves: NumberMove[], what: string): void {
  const net = new Map<string, NumberMove>();
  for (const m of moves) {
    const k = `${m.item}:${m.location}:${m.text}`;
    const n = net.get(k) ?? { ...m, delta: 0 };
    n.delta += m.delta;
    net.set(k, n);
  }
  for (const n of net.values()) {
    const id = db.numbers.idOf(n.item, n.text);
    const have = id === undefined ? 0 : db.numbers.onHand(n.item, n.location, id);
    if (have + n.delta < -1e-9) fail(E.INSUFFICIENT_STOCK, `${what}: serial/lot number ${n.text} of item ${n.item} has ${have} available at location ${n.location}; cannot remove ${-n.delta}.`);
  }
}

export function applyNumberMoves(db: DataAccess, moves: NumberMove[]): void {
  for (const m of moves) db.numbers.adjust(m.item, m.location, db.numbers.ensure(db, m.item, m.text), m.delta);
}

/** An inventorynumber record shows where the number is on hand (computed on load, never stored). */
export const inventoryNumberBehaviour: Behaviour = {
  prepare(ctx) {
    delete ctx.data.sublists.locations;
  },
  decorate(db, id, data) {
    data.sublists.locations = db.numbers.levelsOf(id).map((l) => ({ location: String(l.location), quantityonhand: l.onHand, quantityavailable: l.onHand }));
  },
};
