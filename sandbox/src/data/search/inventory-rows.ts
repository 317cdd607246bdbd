/**
 * Stock in searches (NetSuite Help: "Item Search" location fields, "Inventory Number Search").
 * - Item searches that use `inventorylocation` or `locationquantityonhand` / `locationquantityavailable`
 *   / `locationquantitycommitted` (or the `inventorylocation` join) return one row per stock item per
 *   location it has stock records at, as NetSuite does; other item rows show those fields empty.
 * - The `inventorynumber` search returns one row per lot/serial number per location, with `location`,
 *   `quantityonhand`, `quantityavailable` (and the number's `inventorynumber`, `item`, `expirationdate`).
 */
import type { Database } from '../database';
import { isStockItem } from '../item-kinds';
import type { RecordTypeDef } from '../schema';
import type { Line } from '../store';
import type { Resolved, Row } from './rows';

const LOCATION_FIELDS: Record<string, Resolved['kind']> = {
  inventorylocation: 'select', locationquantityonhand: 'float', locationquantityavailable: 'float', locationquantitycommitted: 'float',
};

export const knowsInventoryField = (def: RecordTypeDef, name: string): boolean => isStockItem(def.id) && name in LOCATION_FIELDS;

export function resolveInventoryField(row: Row, name: string): Resolved | undefined {
  if (!knowsInventoryField(row.def, name)) return undefined;
  const kind = LOCATION_FIELDS[name]!;
  return { value: row.line?.[name] ?? '', kind, ref: kind === 'select' ? 'location' : undefined };
}

/** Does the search name an item location field or the inventorylocation join anywhere? */
export function usesItemLocations(names: string[], joins: string[]): boolean {
  return names.some((n) => n in LOCATION_FIELDS) || joins.includes('inventorylocation');
}

/** Row expansion for stock: per location for items (when asked for), per location for inventory numbers (always). */
export function inventoryRows(db: Database, perItemLocation: boolean): (rows: Iterable<Row>) => Iterable<Row> {
  return function* (rows) {
    for (const row of rows) {
      if (row.def.id === 'inventorynumber') {
        const levels = db.numbers.levelsOf(row.rec.id);
        if (levels.length === 0) yield row;
        for (const l of levels) yield { ...row, line: { location: String(l.location), quantityonhand: l.onHand, quantityavailable: l.onHand } as Line };
        continue;
      }
      if (!perItemLocation || !isStockItem(row.def.id)) {
        yield row;
        continue;
      }
      const levels = db.inventory.locationsOf(row.rec.id);
      if (levels.length === 0) yield row;
      for (const l of levels) {
        yield { ...row, line: { inventorylocation: String(l.location), locationquantityonhand: l.onHand, locationquantityavailable: l.available, locationquantitycommitted: l.committed } };
      }
    }
  };
}
