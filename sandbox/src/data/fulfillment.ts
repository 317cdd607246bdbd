/**
 * Item fulfilment: created only by transforming a sales order. Saving it ships stock (on hand down,
 * the order's commitment released), raises the order lines' quantityfulfilled and moves the order's status.
 * Deleting it puts all of that back. Quantities cannot exceed what remains on the order line.
 */
import type { Behaviour, DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { recommitSalesOrder, refreshSalesOrderStatus, COMMITTING } from './sales-order';
import { movesFor, takeFromSourceLine, type Move } from './stock-moves';
import type { Line, RecordData } from './store';
import { clone } from './values';

const sameLines = (a: Line[], b: Line[]): boolean =>
  a.length === b.length && a.every((l, i) => String(l.orderline) === String(b[i]!.orderline) && num(l.quantity) === num(b[i]!.quantity) && String(l.location) === String(b[i]!.location) && l.itemreceive === b[i]!.itemreceive);

/** Own commitments count as available to the order that holds them. */
function checkStock(db: DataAccess, orderId: number, moves: Move[]): void {
  const own = new Map<string, number>();
  for (const list of db.inventory.commitmentsOf(orderId).values()) for (const c of list) own.set(`${c.item}:${c.location}`, (own.get(`${c.item}:${c.location}`) ?? 0) + c.qty);
  const need = new Map<string, Move>();
  for (const m of moves) {
    const k = `${m.item}:${m.location}`;
    const n = need.get(k) ?? { item: m.item, location: m.location, delta: 0 };
    n.delta += -m.delta;
    need.set(k, n);
  }
  for (const [k, n] of need) {
    const lvl = db.inventory.level(n.item, n.location);
    const usable = lvl.onHand - (lvl.committed - (own.get(k) ?? 0));
    if (n.delta > usable + 1e-9) fail(E.INSUFFICIENT_STOCK, `Item ${n.item} at location ${n.location}: ${usable} available to this order, cannot fulfil ${n.delta}.`);
  }
}

export const fulfillmentBehaviour: Behaviour = {
  initialize(db, data) {
    data.fields.shipstatus = 'C';
    data.fields.trandate = new Date(db.clock.now().getTime());
  },
  prepare(ctx) {
    const { db, data } = ctx;
    const orderId = idOf(data.fields.createdfrom);
    const order = orderId === null ? undefined : db.store.get('salesorder', orderId);
    if (!order) return fail(E.INVALID_INITIALIZE_REF, 'An item fulfillment must be created from a sales order (record.transform).');
    if (!ctx.isNew) {
      if (!sameLines(data.sublists.item ?? [], ctx.old?.sublists.item ?? [])) {
        fail(E.UNSUPPORTED, 'The sandbox does not support changing the lines of a saved item fulfillment; delete it and fulfil again.');
      }
      return;
    }
    if (!COMMITTING.has(String(order.data.fields.orderstatus))) {
      fail(E.INVALID_INITIALIZE_REF, `Sales order ${order.id} is ${String(order.data.fields.status)}; it cannot be fulfilled.`);
    }
    const received = (data.sublists.item ?? []).filter((l) => l.itemreceive !== false);
    if (received.length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must have at least one valid line item for this transaction.');
    const orderLines = new Map((order.data.sublists.item ?? []).map((l) => [Number(l.line), l]));
    const moves: Move[] = [];
    const shipped: Array<{ key: number; qty: number }> = [];
    const rule = { doneField: 'quantityfulfilled', verb: 'fulfil', noun: 'Fulfilment', sourceLabel: 'sales order', fallbackLocation: order.data.fields.location, sign: -1 } as const;
    for (const l of received) {
      const taken = takeFromSourceLine(db, l, orderLines, rule);
      moves.push(...taken.moves);
      shipped.push({ key: Number(l.orderline), qty: taken.qty });
    }
    checkStock(db, order.id, moves);
    data.sublists.item = received;
    return () => {
      const soData = clone(order.data);
      const byKey = new Map((soData.sublists.item ?? []).map((l) => [Number(l.line), l]));
      for (const s of shipped) { const ol = byKey.get(s.key)!; ol.quantityfulfilled = num(ol.quantityfulfilled) + s.qty; }
      db.inventory.releaseAll(order.id);
      for (const m of moves) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Item fulfillment');
      refreshSalesOrderStatus(soData);
      recommitSalesOrder(db, order.id, soData);
      soData.fields.lastmodifieddate = new Date(db.clock.now().getTime());
      db.store.put(db.registry.get('salesorder'), { type: 'salesorder', id: order.id, data: soData });
    };
  },
  prepareDelete(db, _id, data: RecordData) {
    const orderId = idOf(data.fields.createdfrom);
    const order = orderId === null ? undefined : db.store.get('salesorder', orderId);
    return () => {
      for (const l of data.sublists.item ?? []) {
        const loc = idOf(l.location);
        if (loc !== null) for (const m of movesFor(db, db.refs.find('item', Number(l.item)), loc, num(l.quantity), 1)) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Delete item fulfillment');
      }
      if (!order) return;
      const soData = clone(order.data);
      const byKey = new Map((soData.sublists.item ?? []).map((l) => [Number(l.line), l]));
      for (const l of data.sublists.item ?? []) { const ol = byKey.get(Number(l.orderline)); if (ol) ol.quantityfulfilled = Math.max(0, num(ol.quantityfulfilled) - num(l.quantity)); }
      refreshSalesOrderStatus(soData);
      recommitSalesOrder(db, order.id, soData);
      db.store.put(db.registry.get('salesorder'), { type: 'salesorder', id: order.id, data: soData });
    };
  },
};
