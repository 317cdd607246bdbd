/**
 * The SKU of a NetSuite item, derived the same way wherever the item is read: the item user event
 * (a record), the catalogue check (a search) and the order push (lookupFields or a search).
 *
 * The SKU is the item's own Item Name/Number. A record returns exactly that. A search (and
 * lookupFields, which is one) returns a subitem's — so a matrix child's — `itemid` as the whole
 * chain, "Parent : Child", unless the running user has the "Only Show Last Subitem" preference.
 * Scend must never see that chain as a rename, so for an item with a parent only the last
 * segment counts. (An item whose own name contains " : " under a parent is read the same way
 * everywhere, so the three sides still agree.)
 */

/** NetSuite's separator between the names of a subitem chain in search results. */
export const SUBITEM_SEPARATOR = ' : ';

export interface SkuFields {
  /** `itemid` as read: the own name (record) or "Parent : Child" (search). */
  itemId: string;
  /** `parent`: the parent item's internal id; empty for a top-level item. */
  parentId?: string | null;
}

export function skuOf(fields: SkuFields): string {
  const name = fields.itemId.trim();
  if (!fields.parentId) return name;
  const at = name.lastIndexOf(SUBITEM_SEPARATOR);
  return at < 0 ? name : name.slice(at + SUBITEM_SEPARATOR.length).trim();
}
