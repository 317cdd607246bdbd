/**
 * Item facts for an order's warehouse lines: type, name, the SKU Scend knows, the aligned flag.
 * Governance: up to LOOKUP_LIMIT items by search.lookupFields (1 unit each), more by one search
 * (10 units); kits need their members, one kititem load (5 units) per distinct kit.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { ITEM_FIELDS, NS } from '../../ids';
import { skuOf } from '../../core/items/sku';
import { KIT_ITEM_TYPE, type ItemCatalogue, type ItemFacts, type KitMember } from '../../core/orders/items';
import { itemIdsToRead } from '../../core/orders/warehouse-lines';
import type { SalesOrderSnapshot } from '../../core/orders/sales-order';
import { bool, plain } from './values';

const LOOKUP_LIMIT = 9;
const COLUMNS = ['itemid', 'parent', 'type', ITEM_FIELDS.scendSku, ITEM_FIELDS.skuAligned];

function factsFrom(id: string, get: (name: string) => unknown): ItemFacts {
  return {
    id,
    type: plain(get('type')),
    // lookupFields and searches return a matrix child as "Parent : Child": the same SKU rule as the item master.
    name: skuOf({ itemId: plain(get('itemid')), parentId: plain(get('parent')) }),
    scendSku: plain(get(ITEM_FIELDS.scendSku)) || undefined,
    skuAligned: bool(get(ITEM_FIELDS.skuAligned)),
  };
}

function searchFacts(ids: string[], out: Map<string, ItemFacts>): void {
  if (ids.length === 0) return;
  search
    .create({ type: search.Type.ITEM, filters: [['internalid', 'anyof', ids]], columns: COLUMNS })
    .run()
    .each((row) => {
      out.set(String(row.id), factsFrom(String(row.id), (name) => row.getValue({ name })));
      return true;
    });
}

/**
 * Few items: lookupFields (1 unit each) on the 'item' search type, which spans the lot-numbered,
 * serialized and matrix variants a line's type code does not tell apart; otherwise one search (10 units).
 */
function readFacts(typed: Map<string, string>, untyped: string[]): Map<string, ItemFacts> {
  const out = new Map<string, ItemFacts>();
  const ids = Array.from(new Set([...Array.from(typed.keys()), ...untyped]));
  if (ids.length > LOOKUP_LIMIT) {
    searchFacts(ids, out);
    return out;
  }
  for (const id of ids) {
    const values = search.lookupFields({ type: search.Type.ITEM, id, columns: COLUMNS }) as Record<string, unknown>;
    out.set(id, factsFrom(id, (name) => values[name]));
  }
  return out;
}

function kitMembers(kitId: string): KitMember[] {
  const kit = record.load({ type: NS.types.kitItem, id: kitId });
  const members: KitMember[] = [];
  const count = kit.getLineCount({ sublistId: 'member' });
  for (let i = 0; i < count; i++) {
    members.push({
      itemId: plain(kit.getSublistValue({ sublistId: 'member', fieldId: 'item', line: i })),
      quantity: Number(kit.getSublistValue({ sublistId: 'member', fieldId: 'quantity', line: i })) || 0,
    });
  }
  return members;
}

export function readItemCatalogue(order: SalesOrderSnapshot): ItemCatalogue {
  const lineItems = new Set(itemIdsToRead(order));
  const typed = new Map<string, string>();
  for (const l of order.lines) if (lineItems.has(l.itemId) && l.itemType !== KIT_ITEM_TYPE) typed.set(l.itemId, l.itemType);
  const kits = new Set(order.lines.filter((l) => l.itemType === KIT_ITEM_TYPE && lineItems.has(l.itemId)).map((l) => l.itemId));
  const members = new Map<string, KitMember[]>();
  for (const kit of kits) members.set(kit, kitMembers(kit));
  const memberIds: string[] = [];
  for (const list of members.values()) for (const m of list) if (!typed.has(m.itemId)) memberIds.push(m.itemId);
  const facts = readFacts(typed, memberIds);
  for (const [kit, list] of members) facts.set(kit, { id: kit, type: KIT_ITEM_TYPE, name: '', skuAligned: true, members: list });
  return facts;
}
