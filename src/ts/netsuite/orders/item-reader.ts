/**
 * Item facts for an order's warehouse lines: type, name, the SKU Scend knows, the aligned flag.
 * Governance: up to LOOKUP_LIMIT items by search.lookupFields (1 unit each), more by one search
 * (10 units); kits need their members, one kititem load (5 units) per distinct kit.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { ITEM_FIELDS, NS } from '../../ids';
import { KIT_ITEM_TYPE, type ItemCatalogue, type ItemFacts, type KitMember } from '../../core/orders/items';
import { itemIdsToRead } from '../../core/orders/warehouse-lines';
import type { SalesOrderSnapshot } from '../../core/orders/sales-order';
import { bool, plain } from './values';

const LOOKUP_LIMIT = 9;
const COLUMNS = ['itemid', 'type', ITEM_FIELDS.scendSku, ITEM_FIELDS.skuAligned];

function factsFrom(id: string, get: (name: string) => unknown): ItemFacts {
  return {
    id,
    type: plain(get('type')),
    name: plain(get('itemid')),
    scendSku: plain(get(ITEM_FIELDS.scendSku)) || undefined,
    skuAligned: bool(get(ITEM_FIELDS.skuAligned)),
  };
}

function readFacts(ids: string[]): Map<string, ItemFacts> {
  const out = new Map<string, ItemFacts>();
  if (ids.length === 0) return out;
  if (ids.length <= LOOKUP_LIMIT) {
    for (const id of ids) {
      const values = search.lookupFields({ type: search.Type.ITEM, id, columns: COLUMNS }) as Record<string, unknown>;
      out.set(id, factsFrom(id, (name) => values[name]));
    }
    return out;
  }
  search
    .create({ type: search.Type.ITEM, filters: [['internalid', 'anyof', ids]], columns: COLUMNS })
    .run()
    .each((row) => {
      out.set(String(row.id), factsFrom(String(row.id), (name) => row.getValue({ name })));
      return true;
    });
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
  const lineItems = itemIdsToRead(order);
  const kits = new Set(order.lines.filter((l) => l.itemType === KIT_ITEM_TYPE && !l.isClosed).map((l) => l.itemId));
  const members = new Map<string, KitMember[]>();
  for (const kit of kits) members.set(kit, kitMembers(kit));
  const ids = new Set(lineItems.filter((id) => !kits.has(id)));
  for (const list of members.values()) for (const m of list) ids.add(m.itemId);
  const facts = readFacts(Array.from(ids));
  for (const [kit, list] of members) facts.set(kit, { id: kit, type: KIT_ITEM_TYPE, name: '', skuAligned: true, members: list });
  return facts;
}
