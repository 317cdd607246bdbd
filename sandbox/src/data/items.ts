/** Item behaviour: stock figures are computed from the ledger on load; kits hold no stock and need members. */
import type { Behaviour, DataAccess } from './behaviour';
import { num } from './behaviour';
import { E, fail } from './errors';
import { ITEM_TYPE_CODES } from './standard-types';

export const stockItemBehaviour = (type: string): Behaviour => ({
  initialize(_db, data) {
    data.fields.itemtype = ITEM_TYPE_CODES[type] ?? '';
    if (type === 'lotnumberedinventoryitem') data.fields.islotitem = true;
    if (type === 'serializedinventoryitem') data.fields.isserialitem = true;
  },
  prepare(ctx) {
    requireMatrixParent(ctx.db, ctx.data.fields);
    // computed on load; never stored
    delete ctx.data.sublists.locations;
    for (const f of ['quantityonhand', 'quantitycommitted', 'quantityavailable']) delete ctx.data.fields[f];
  },
  decorate(db, id, data) {
    const levels = db.inventory.locationsOf(id);
    data.sublists.locations = levels.map((l) => ({ location: String(l.location), quantityonhand: l.onHand, quantitycommitted: l.committed, quantityavailable: l.available }));
    const t = db.inventory.totals(id);
    data.fields.quantityonhand = t.onHand;
    data.fields.quantitycommitted = t.committed;
    data.fields.quantityavailable = t.available;
  },
});

/** A matrix child's "Subitem of" must be a parent matrix item (NetSuite: INVALID_MATRIX_PARENT). */
function requireMatrixParent(db: DataAccess, fields: Record<string, unknown>): void {
  if (fields.matrixtype !== 'CHILD') return;
  const parent = fields.parent ? db.refs.find('item', Number(fields.parent)) : undefined;
  if (!parent || parent.data.fields.matrixtype !== 'PARENT') fail(E.INVALID_MATRIX_PARENT, `Item ${String(fields.parent ?? '')} is not a parent matrix item.`);
}

export const inventoryItemBehaviour = stockItemBehaviour('inventoryitem');

export const kitItemBehaviour: Behaviour = {
  initialize(_db, data) {
    data.fields.itemtype = ITEM_TYPE_CODES.kititem;
  },
  prepare(ctx) {
    const members = ctx.data.sublists.member ?? [];
    if (members.length === 0) fail(E.MANDATORY, 'Please enter value(s) for: Members (a kit needs at least one member item)');
    for (const m of members) {
      if (num(m.quantity) <= 0) fail(E.INVALID_VALUE, 'Kit member quantity must be greater than zero.');
      const t = ctx.db.refs.find('item', Number(m.item))?.type;
      if (t === 'kititem') fail(E.INVALID_VALUE, 'A kit cannot contain another kit in the sandbox.');
    }
  },
};

export const plainItemBehaviour = (type: string): Behaviour => ({
  initialize(_db, data) {
    data.fields.itemtype = ITEM_TYPE_CODES[type] ?? '';
  },
});
