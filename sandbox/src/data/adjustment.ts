/**
 * Inventory adjustment (NetSuite Help: "Adjusting Inventory"): `account` (required), `adjlocation`,
 * `subsidiary`; each `inventory` line changes on hand at its location by a signed `adjustqtyby`;
 * lot-numbered and serialized items say which numbers through the line's inventory detail
 * (receiptinventorynumber when adding, issueinventorynumber when removing). On hand may not go below
 * zero unless the Allow Negative Inventory preference is on (numbered stock never). Edits and deletes
 * reverse the previous lines first; the whole adjustment fails and changes nothing when one line fails.
 */
import type { Behaviour, DataAccess } from './behaviour';
import { idOf, num } from './behaviour';
import { E, fail } from './errors';
import { committedNumberMoves, numberMoves } from './inventory-detail';
import { applyNumberMoves, checkNumberMoves, type NumberMove } from './inventory-numbers';
import { isStockItem } from './item-kinds';
import { startOfToday } from './sales-order';
import type { Move } from './stock-moves';
import type { RecordData } from './store';

function movesOf(db: DataAccess, data: RecordData | undefined, sign: 1 | -1, validate: boolean): { moves: Move[]; numbers: NumberMove[] } {
  const moves: Move[] = [];
  const numbers: NumberMove[] = [];
  for (const l of data?.sublists.inventory ?? []) {
    const item = db.refs.find('item', Number(l.item));
    if (validate && !isStockItem(item?.type)) fail(E.INVALID_VALUE, `Item ${String(l.item)} is not an inventory item; only inventory items can be adjusted.`);
    const location = idOf(l.location) ?? idOf(data?.fields.adjlocation);
    if (location === null) return fail(E.MANDATORY, 'Please enter value(s) for: Location');
    const by = num(l.adjustqtyby);
    if (validate) {
      l.location = String(location);
      if (by === 0) fail(E.INVALID_VALUE, 'Adjust Qty. By must not be zero.');
    }
    moves.push({ item: Number(l.item), location, delta: sign * by });
    const dir = (by > 0 ? 1 : -1) as 1 | -1;
    if (validate) numbers.push(...numberMoves(db, item!, location, Math.abs(by), dir, l, `Adjustment line ${String(l.line)}`));
    else numbers.push(...committedNumberMoves(db, item, location, (dir * sign) as 1 | -1, l));
  }
  return { moves, numbers };
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
    const undo = movesOf(db, ctx.old, -1, false);
    const next = movesOf(db, data, 1, true);
    const moves = [...undo.moves, ...next.moves];
    const numbers = [...undo.numbers, ...next.numbers];
    if (!db.preferences.allowNegativeInventory) db.inventory.checkOnHand(moves, 'Inventory adjustment');
    checkNumberMoves(db, numbers, 'Inventory adjustment');
    return () => {
      // reversals first so intermediate levels never dip below zero
      for (const m of [...moves].sort((a, b) => b.delta - a.delta)) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Inventory adjustment');
      applyNumberMoves(db, [...numbers].sort((a, b) => b.delta - a.delta));
    };
  },
  prepareDelete(db, _id, data) {
    const { moves, numbers } = movesOf(db, data, -1, false);
    if (!db.preferences.allowNegativeInventory) db.inventory.checkOnHand(moves, 'Delete inventory adjustment');
    checkNumberMoves(db, numbers, 'Delete inventory adjustment');
    return () => {
      for (const m of moves) db.inventory.adjustOnHand(m.item, m.location, m.delta, 'Delete inventory adjustment');
      applyNumberMoves(db, numbers);
    };
  },
};
