/**
 * A purchase/transfer order snapshot from an N/record: a user event's newRecord costs nothing, a
 * loaded one 10 units. Also the item facts the ASN needs (the order handoff's item reader).
 */
import * as record from 'N/record';
import type { InboundDoc, InboundType } from '../../core/inbound/inbound-doc';
import type { ItemCatalogue } from '../../core/orders/items';
import type { SalesOrderSnapshot } from '../../core/orders/sales-order';
import { readItemCatalogue } from '../orders/item-reader';
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

/** Item facts (type, SKU Scend knows) for the document's lines, as for sales orders. */
export function readInboundItems(doc: InboundDoc): ItemCatalogue {
  const asOrder = { lines: doc.lines.map((l) => ({ itemId: l.itemId, itemType: l.itemType, isClosed: l.isClosed })) };
  return readItemCatalogue(asOrder as unknown as SalesOrderSnapshot);
}
