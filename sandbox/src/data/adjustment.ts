/**
 * Inventory adjustment: each line changes on hand at its location by a signed quantity. The account
 * does not allow negative inventory, so an adjustment that would take on hand below zero fails and
 * changes nothing (the strict choice). Edits and deletes reverse the previous lines first.
 */
import type { Behaviour, DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { startOfToday } from './sales-order';
import type { Move } from './stock-moves';
import type { RecordData } from './store';

function movesOf(db: DataAccess, data: RecordData | undefined, sign: 1 | -1, validate: boolean): Move[] {
  const out: Move[] = [];
  for (const l of data?.sublists.inventory ?? []) {
    const item = db.refs.find('item', Number(l.item));
    if (validate && item?.type !== 'inventoryitem') fail(E.INVALID_VALUE, `Item ${String(l.item)} is not an inventory item; only inventory items can be adjusted.`);
    const location = idOf(l.location) ?? idOf(data?.fields.adjlocation);
    if (location === null) return fail(E.MANDATORY, 'Please enter value(s) for: Location');
    if (validate) {
      l.location = String(location);
      if (num(l.adjustqtyby) === 0) fail(E.INVALID_VALUE, 'Adjust Qty. By must not be zero.');
    }
    out.push({ item: Number(l.item), location, delta: sign * num(l.adjustqtyby) });
  }
  return out;
}

export const adjustmentBehaviour: Behaviour = {
  initialize(db, data) {
    data.fields.trandate = startOfToday(db);
  },
  prepare(ctx) {
    const { db, data } = ctx;
    if ((data.sublists.inventory ?? []).length === 0) fail(E.VALID_LINE_ITEM_REQD, 'You must enter at least one line item for this transaction.');
    let n = 1;
    for (const l of data.sublists.inventory ?? []) l.line = n++;
    const moves = [...movesOf(db, ctx.old, -1, false), ...movesOf(db, data, 1, true)];
    db.inventory.checkOnHand(moves, 'Inventory adjustment');
    return () => {
      // reversals first so intermediate levels never dip below zero
      for (const m of [...moves].sort((a, b) => b.delta - a.delta)) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Inventory adjustment');
    };
  },
  prepareDelete(db, _id, data) {
    const moves = movesOf(db, data, -1, false);
    db.inventory.checkOnHand(moves, 'Delete inventory adjustment');
    return () => { for (const m of moves) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Delete inventory adjustment'); };
  },
};
