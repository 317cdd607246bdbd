/**
 * A subitem's name as searches (and lookupFields) show it: the chain of parents' names and its own,
 * joined by " : " (e.g. a matrix child "SHIRT : SHIRT-RED-M"), unless the Only Show Last Subitem
 * preference is on. The record itself holds only the item's own name.
 */
import type { Database } from '../database';
import type { StoredRecord } from '../store';

/** NetSuite refuses deeper subitem chains long before this; the bound only guards a corrupt loop. */
const MAX_DEPTH = 20;

export function subitemName(db: Database, rec: StoredRecord): string {
  const own = String(rec.data.fields.itemid ?? '');
  if (db.preferences.onlyShowLastSubitem) return own;
  const names = [own];
  let parentId = Number(rec.data.fields.parent);
  for (let depth = 0; parentId && depth < MAX_DEPTH; depth++) {
    const parent = db.refs.find('item', parentId);
    if (!parent) break;
    names.unshift(String(parent.data.fields.itemid ?? ''));
    parentId = Number(parent.data.fields.parent);
  }
  return names.join(' : ');
}
