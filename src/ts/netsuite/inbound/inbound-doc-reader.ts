/**
 * A purchase/transfer order snapshot from an N/record: a user event's newRecord costs nothing, a
 * loaded one 10 units. Also the item facts the ASN needs.
 */
import * as record from 'N/record';
import type { InboundDoc, InboundType } from '../../core/inbound/inbound-doc';
import * as search from 'N/search';
import { ITEM_FIELDS } from '../../ids';
import type { ItemCatalogue, ItemFacts } from '../../core/orders/items';
import { bool, optionalText, plain } from '../orders/values';

type Rec = record.Record;

export function inboundDocOf(rec: Rec, type: InboundType): InboundDoc {
  const get = (fieldId: string) => rec.getValue({ fieldId });
  const count = rec.getLineCount({ sublistId: 'item' });
  const lines: InboundDoc['lines'] = [];
  for (let i = 0; i < count; i++) {
    const line = (fieldId: string) => rec.getSublistValue({ sublistId: 'item', fieldId, line: i });
    lines.push({
      line: plain(line('line')) || String(i + 1),
      itemId: plain(line('item')),
      itemType: plain(line('itemtype')),
      quantity: Number(line('quantity')) || 0,
      location: optionalText(line('location')),
      isClosed: bool(line('isclosed')),
    });
  }
  const location = optionalText(get(type === 'transferorder' ? 'transferlocation' : 'location'));
  const supplier = optionalText(type === 'transferorder' ? rec.getText({ fieldId: 'location' }) : rec.getText({ fieldId: 'entity' }));
  return {
    id: plain(rec.id),
    type,
    tranId: plain(get('tranid')),
    status: plain(get('orderstatus')),
    location,
    supplier: supplier?.slice(0, 100),
    lines,
  };
}

export function loadInboundDoc(type: InboundType, id: string): InboundDoc {
  return inboundDocOf(record.load({ type, id }), type);
}

/**
 * Item facts (type, name, the SKU Scend knows) for the document's open lines: one item search
 * (10 units). A search by internal id, not lookupFields by record type: lot-numbered and
 * serialized items are their own record types, though their lines say InvtPart.
 */
export function readInboundItems(doc: InboundDoc): ItemCatalogue {
  const out = new Map<string, ItemFacts>();
  const ids = Array.from(new Set(doc.lines.filter((l) => !l.isClosed && l.itemId).map((l) => l.itemId)));
  if (ids.length === 0) return out;
  search
    .create({ type: search.Type.ITEM, filters: [['internalid', 'anyof', ids]], columns: ['itemid', 'type', ITEM_FIELDS.scendSku, ITEM_FIELDS.skuAligned] })
    .run()
    .each((row) => {
      const get = (name: string) => row.getValue({ name });
      out.set(String(row.id), { id: String(row.id), type: plain(get('type')), name: plain(get('itemid')), scendSku: plain(get(ITEM_FIELDS.scendSku)) || undefined, skuAligned: bool(get(ITEM_FIELDS.skuAligned)) });
      return true;
    });
  return out;
}
