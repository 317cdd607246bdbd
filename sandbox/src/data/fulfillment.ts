/**
 * Item fulfilment: created only by transforming a sales order or a transfer order. NetSuite Help:
 * "Item Fulfillment" / "Fulfilling Orders" / "Pick, Pack and Ship".
 * - Lines: `itemreceive` chooses them, `quantity` at most what remains on the order line (not yet on
 *   any fulfilment) — QTY_EXCEEDS_REMAINING; with the Fulfill Based on Commitment preference set to
 *   "Limit to Committed", at most what is committed to the line — QTY_EXCEEDS_COMMITTED.
 * - `shipstatus` A Picked / B Packed / C Shipped: every status counts the lines as picked (the order's
 *   `quantitypicked`, B/C also `quantitypacked`); stock and the order's `quantityfulfilled` and status
 *   move only when Shipped. Editing a Picked/Packed fulfilment to Shipped moves them then; deleting
 *   (or un-shipping) a Shipped one puts them back. All of this is computed as the difference between
 *   the fulfilment's old and new effect, so edits of lines and quantities work the same way.
 * - Kit lines ship their inventory members (member quantity × kit quantity); lot/serial lines need an
 *   inventory detail (see inventory-detail.ts).
 */
import type { Behaviour, DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { committedNumberMoves, numberMoves } from './inventory-detail';
import { applyNumberMoves, checkNumberMoves, type NumberMove } from './inventory-numbers';
import { recommitSalesOrder, refreshSalesOrderStatus, COMMITTING } from './sales-order';
import { movesFor, tracksStock, type Move } from './stock-moves';
import type { Line, RecordData, StoredRecord } from './store';
import { refreshTransferStatus, TRANSFER_FULFILLING } from './transfer-order';
import { clone } from './values';

export const E_FULFIL = { QTY_EXCEEDS_COMMITTED: 'QTY_EXCEEDS_COMMITTED' } as const;

interface Effect {
  /** order line -> quantity on this fulfilment (any status), packed or shipped, shipped. */
  picked: Map<number, number>;
  packed: Map<number, number>;
  shipped: Map<number, number>;
  moves: Move[];
  numbers: NumberMove[];
}

const add = (m: Map<number, number>, k: number, q: number) => m.set(k, (m.get(k) ?? 0) + q);

function sourceOf(db: DataAccess, data: RecordData): StoredRecord {
  const id = idOf(data.fields.createdfrom);
  const rec = id === null ? undefined : (db.store.get('salesorder', id) ?? db.store.get('transferorder', id));
  if (!rec) return fail(E.INVALID_INITIALIZE_REF, 'An item fulfillment must be created from a sales order or transfer order (record.transform).');
  return rec;
}

/** What a committed (or about to be committed) fulfilment does; `validate` checks new data's inventory detail. */
function effectOf(db: DataAccess, data: RecordData | undefined, validate: boolean): Effect {
  const e: Effect = { picked: new Map(), packed: new Map(), shipped: new Map(), moves: [], numbers: [] };
  if (!data) return e;
  const status = String(data.fields.shipstatus || 'C');
  for (const l of data.sublists.item ?? []) {
    if (l.itemreceive === false) continue;
    const key = Number(l.orderline);
    const qty = num(l.quantity);
    add(e.picked, key, qty);
    if (status !== 'A') add(e.packed, key, qty);
    if (status !== 'C') continue;
    add(e.shipped, key, qty);
    const loc = idOf(l.location);
    const item = db.refs.find('item', Number(l.item));
    if (loc === null || !tracksStock(item)) continue;
    e.moves.push(...movesFor(db, item, loc, qty, -1));
    e.numbers.push(...(validate ? numberMoves(db, item!, loc, qty, -1, l, `Fulfilment of order line ${key}`) : committedNumberMoves(db, item, loc, -1, l)));
  }
  return e;
}

/** Checks lines against the order (remaining, commitment) and fills in each line's item and location. */
function checkLines(db: DataAccess, src: StoredRecord, data: RecordData, old: RecordData | undefined): void {
  const orderLines = new Map((src.data.sublists.item ?? []).map((l) => [Number(l.line), l]));
  const oldQty = new Map<number, number>();
  for (const l of old?.sublists.item ?? []) if (l.itemreceive !== false) add(oldQty, Number(l.orderline), num(l.quantity));
  const limit = src.type === 'salesorder' && db.preferences.fulfillBasedOnCommitment === 'LIMIT';
  const onThis = new Map<number, number>();
  for (const l of data.sublists.item ?? []) {
    const key = Number(l.orderline);
    const ol = orderLines.get(key);
    if (!ol || (ol.isclosed && !oldQty.has(key))) fail(E.INVALID_VALUE, `Order line ${String(l.orderline)} is closed or no longer on the ${src.type}.`);
    const qty = num(l.quantity);
    if (qty <= 0) fail(E.INVALID_VALUE, `Fulfilment quantity must be greater than zero (order line ${key}).`);
    add(onThis, key, qty);
    // Transfer orders: `quantitypicked` is kept on the lines like a sales order's.
    const remaining = num(ol!.quantity) - num(ol!.quantitypicked) + (oldQty.get(key) ?? 0);
    if (onThis.get(key)! > remaining + 1e-9) fail(E.QTY_EXCEEDS_REMAINING, `You cannot fulfil ${qty} of order line ${key}: only ${remaining} remain.`);
    if (limit) {
      const otherUnshipped = num(ol!.quantitypicked) - num(ol!.quantityfulfilled) - ((oldQty.get(key) ?? 0) - shippedOld(old, key));
      const committed = num(ol!.quantitycommitted) - Math.max(0, otherUnshipped);
      if (onThis.get(key)! > committed + 1e-9) fail(E_FULFIL.QTY_EXCEEDS_COMMITTED, `Fulfill Based on Commitment is "Limit to Committed": order line ${key} has ${committed} committed, cannot fulfil ${qty}.`);
    }
    const item = db.refs.find('item', Number(ol!.item));
    const loc = idOf(l.location) ?? idOf(ol!.location) ?? idOf(src.data.fields.location);
    if (tracksStock(item) && loc === null) fail(E.MANDATORY, `Please enter value(s) for: Location (order line ${key})`);
    if (loc !== null) l.location = String(loc);
    l.item = ol!.item;
  }
}

const shippedOld = (old: RecordData | undefined, key: number): number =>
  old && String(old.fields.shipstatus || 'C') === 'C' ? (old.sublists.item ?? []).filter((l) => l.itemreceive !== false && Number(l.orderline) === key).reduce((s, l) => s + num(l.quantity), 0) : 0;

/** Own commitments count as available to the order that holds them. */
function checkStock(db: DataAccess, src: StoredRecord, moves: Move[]): void {
  if (db.preferences.allowNegativeInventory) return;
  const own = new Map<string, number>();
  for (const list of db.inventory.commitmentsOf(src.id).values()) for (const c of list) own.set(`${c.item}:${c.location}`, (own.get(`${c.item}:${c.location}`) ?? 0) + c.qty);
  const need = new Map<string, Move>();
  for (const m of moves) {
    const k = `${m.item}:${m.location}`;
    const n = need.get(k) ?? { item: m.item, location: m.location, delta: 0 };
    n.delta += -m.delta;
    need.set(k, n);
  }
  for (const [k, n] of need) {
    if (n.delta <= 0) continue;
    const lvl = db.inventory.level(n.item, n.location);
    const usable = lvl.onHand - (lvl.committed - (own.get(k) ?? 0));
    if (n.delta > usable + 1e-9) fail(E.INSUFFICIENT_STOCK, `Item ${n.item} at location ${n.location}: ${usable} available to this order, cannot fulfil ${n.delta}.`);
  }
}

const negate = <T extends { delta: number }>(xs: T[]): T[] => xs.map((x) => ({ ...x, delta: -x.delta }));

/** Validates the change from `old` to `next` and returns the side effects on stock and the source order. */
function plan(db: DataAccess, src: StoredRecord, old: RecordData | undefined, next: RecordData | undefined): () => void {
  const before = effectOf(db, old, false);
  const after = effectOf(db, next, true);
  const moves = [...negate(before.moves), ...after.moves];
  const numbers = [...negate(before.numbers), ...after.numbers];
  checkStock(db, src, moves);
  checkNumberMoves(db, numbers, 'Item fulfillment');
  return () => {
    const srcData = clone(src.data);
    for (const l of srcData.sublists.item ?? []) {
      const k = Number(l.line);
      const d = (m: keyof Pick<Effect, 'picked' | 'packed' | 'shipped'>) => (after[m].get(k) ?? 0) - (before[m].get(k) ?? 0);
      l.quantitypicked = Math.max(0, num(l.quantitypicked) + d('picked'));
      l.quantitypacked = Math.max(0, num(l.quantitypacked) + d('packed'));
      l.quantityfulfilled = Math.max(0, num(l.quantityfulfilled) + d('shipped'));
    }
    if (src.type === 'salesorder') db.inventory.releaseAll(src.id);
    // reversals first so intermediate levels never dip below zero
    for (const m of [...moves].sort((a, b) => b.delta - a.delta)) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Item fulfillment');
    applyNumberMoves(db, [...numbers].sort((a, b) => b.delta - a.delta));
    if (src.type === 'salesorder') {
      refreshSalesOrderStatus(srcData);
      recommitSalesOrder(db, src.id, srcData);
    } else refreshTransferStatus(srcData);
    srcData.fields.lastmodifieddate = new Date(db.clock.now().getTime());
    db.store.put(db.registry.get(src.type), { type: src.type, id: src.id, data: srcData });
  };
}

export const fulfillmentBehaviour: Behaviour = {
  initialize(db, data) {
    data.fields.shipstatus = 'C';
    data.fields.trandate = new Date(db.clock.now().getTime());
  },
  prepare(ctx) {
    const { db, data } = ctx;
    const src = sourceOf(db, data);
    const open = src.type === 'salesorder' ? COMMITTING : TRANSFER_FULFILLING;
    if (ctx.isNew && !open.has(String(src.data.fields.orderstatus))) {
      fail(E.INVALID_INITIALIZE_REF, `${src.type} ${src.id} is ${String(src.data.fields.status)}; it cannot be fulfilled.`);
    }
    if (!ctx.isNew && String(ctx.old?.fields.createdfrom) !== String(data.fields.createdfrom)) fail(E.INVALID_VALUE, 'Created From cannot change.');
    const received = (data.sublists.item ?? []).filter((l) => l.itemreceive !== false);
    if (received.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must have at least one valid line item for this transaction.');
    data.sublists.item = received;
    for (const p of data.sublists.package ?? []) if (p.packageweight !== undefined && p.packageweight !== '' && num(p.packageweight) < 0) fail(E.INVALID_VALUE, 'Package weight cannot be negative.');
    checkLines(db, src, data, ctx.old);
    const run = plan(db, src, ctx.old, data);
    return () => run();
  },
  prepareDelete(db, _id, data: RecordData) {
    const src = sourceOf(db, data);
    if (src.type === 'transferorder' && String(data.fields.shipstatus || 'C') === 'C') {
      const received = (src.data.sublists.item ?? []).some((l) => num(l.quantityreceived) > 0);
      if (received) fail(E.RECORD_IN_USE, `Transfer order ${src.id} has receipts; its shipped fulfilments cannot be deleted.`);
    }
    return plan(db, src, data, undefined);
  },
};

/** Lines of a new fulfilment: what remains (not on any fulfilment yet) on each open order line. */
export function fulfilmentLines(from: StoredRecord, fulfillable: (line: Line) => boolean): Line[] {
  const out: Line[] = [];
  for (const l of from.data.sublists.item ?? []) {
    const remaining = num(l.quantity) - num(l.quantitypicked);
    if (l.isclosed || remaining <= 0 || !fulfillable(l)) continue;
    const location = idOf(l.location) ?? idOf(from.data.fields.location);
    out.push({
      item: l.item, itemreceive: true, quantity: remaining, quantityremaining: remaining, orderline: l.line,
      location: location === null ? '' : String(location), itemtype: l.itemtype, description: l.description ?? '',
    });
  }
  return out;
}
