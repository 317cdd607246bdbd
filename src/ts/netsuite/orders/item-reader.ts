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

/**
 * N/record types of the line item types whose facts are read one by one. InvtPart is not here: it
 * is also the type of lot numbered and serialized inventory items (other record types), so those
 * are looked up by the 'item' search type.
 */
const RECORD_TYPE_OF: Record<string, string> = { Assembly: 'assemblyitem', Kit: 'kititem' };

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

/** Few items: lookupFields (1 unit each; by their record type, or the 'item' search type when a kit member's type is unknown); otherwise one search (10 units). */
function readFacts(typed: Map<string, string>, untyped: string[]): Map<string, ItemFacts> {
  const out = new Map<string, ItemFacts>();
  if (typed.size + untyped.length > LOOKUP_LIMIT) {
    searchFacts(Array.from(new Set([...Array.from(typed.keys()), ...untyped])), out);
    return out;
  }
  for (const [id, type] of typed) {
    const recordType = RECORD_TYPE_OF[type];
    if (recordType) {
      const values = search.lookupFields({ type: recordType, id, columns: ['itemid', ITEM_FIELDS.scendSku, ITEM_FIELDS.skuAligned] }) as Record<string, unknown>;
      out.set(id, factsFrom(id, (name) => (name === 'type' ? type : values[name])));
    } else untyped.push(id);
  }
  for (const id of new Set(untyped)) {
    if (out.has(id)) continue;
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
  const kits = new Set(order.lines.filter((l) => l.itemType === KIT_ITEM_TYPE && !l.isClosed).map((l) => l.itemId));
  const members = new Map<string, KitMember[]>();
  for (const kit of kits) members.set(kit, kitMembers(kit));
  const memberIds: string[] = [];
  for (const list of members.values()) for (const m of list) if (!typed.has(m.itemId)) memberIds.push(m.itemId);
  const facts = readFacts(typed, memberIds);
  for (const [kit, list] of members) facts.set(kit, { id: kit, type: KIT_ITEM_TYPE, name: '', skuAligned: true, members: list });
  return facts;
}
